/**
 * Canonical histories that bring a parcel to each status, with lawful dates
 * (used by the unit tests and the seed generator's checks).
 */
import { addDays } from './dates';
import { applyTransition, initialState, type TransitionInput, type WorkflowState } from './machine';
import type { LandGroup, ParcelAction, ParcelStatus } from './steps';

const step = (action: ParcelAction, date: string, extra: Partial<TransitionInput> = {}): TransitionInput => ({
  action,
  date,
  decisionNo: `${action}-no`,
  signatory: 'Chủ tịch UBND xã',
  ...extra,
});

/** Lawful history from 'plan' (on `start`) to `status`. */
export function pathTo(status: ParcelStatus, start = '2025-01-01'): TransitionInput[] {
  const d = (n: number) => addDays(start, n);
  const toNotified = [step('hold_meeting', d(5)), step('issue_notice', d(10))];
  const toInventoried = [...toNotified, step('complete_inventory', d(20))];
  const toPaid = [
    ...toInventoried,
    step('draft_plan', d(30), { amount: 500_000_000 }),
    step('post_plan', d(35)),
    step('approve_plan', d(50), { amount: 480_000_000 }),
    step('publish_plan', d(55)),
    step('pay', d(60), { amount: 480_000_000 }),
  ];
  const toRecovery = [...toPaid, step('decide_recovery', d(140))];
  const byStatus: Record<ParcelStatus, TransitionInput[]> = {
    plan: [],
    meeting: toNotified.slice(0, 1),
    notified: toNotified,
    inventory_refused: [...toNotified, step('refuse_inventory', d(15))],
    inventory_persuasion: [...toNotified, step('refuse_inventory', d(15)), step('persuade_inventory', d(18))],
    compulsory_inventory_decided: [
      ...toNotified, step('refuse_inventory', d(15)), step('persuade_inventory', d(18)), step('decide_compulsory_inventory', d(19)),
    ],
    inventoried: toInventoried,
    draft_plan: toPaid.slice(0, 4),
    posted: toPaid.slice(0, 5),
    approved: toPaid.slice(0, 6),
    published: toPaid.slice(0, 7),
    paid: toPaid,
    recovery_decided: toRecovery,
    handover_refused: [...toRecovery, step('refuse_handover', d(150))],
    handover_persuasion: [...toRecovery, step('refuse_handover', d(150)), step('persuade_handover', d(155))],
    compulsory_recovery_decided: [
      ...toRecovery, step('refuse_handover', d(150)), step('persuade_handover', d(155)), step('decide_compulsory_recovery', d(160)),
    ],
    handed_over: [...toRecovery, step('hand_over', d(150))],
    cadastre_updated: [...toRecovery, step('hand_over', d(150)), step('update_cadastre', d(170))],
  };
  return byStatus[status];
}

/** The state reached by `pathTo(status)`; throws if the machine refuses it. */
export function reach(status: ParcelStatus, landGroup: LandGroup = 'non_agricultural', start = '2025-01-01'): WorkflowState {
  let s = initialState(landGroup, start);
  for (const t of pathTo(status, start)) {
    const r = applyTransition(s, t);
    if (!r.ok) throw new Error(`pathTo(${status}) refused at ${t.action}: ${r.refusal.code}`);
    s = r.state;
  }
  return s;
}
