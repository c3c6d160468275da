/**
 * Synthetic clearance history of the demo parcels: the site is cleared in four
 * phases from west to east over the 18 months before 2026-11-21, each with its
 * own notice, plan approval and recovery decisions; every parcel stops at a
 * status drawn from its phase's spread. Each history is run through the real
 * state machine, so it is lawful by construction (dates, notice periods, order).
 */
import { addDays, addMonths } from '../../../src/core/clearance/dates';
import { applyTransition, initialState, type TransitionInput, type WorkflowState } from '../../../src/core/clearance/machine';
import { statusRank, type LandGroup, type ParcelAction, type ParcelStatus } from '../../../src/core/clearance/steps';

export const SEED_TODAY = '2026-11-21';

const DISTRICT = 'Chủ tịch UBND huyện Đình Lập';
const COMMUNE = 'Chủ tịch UBND xã Đình Lập';
/** From 01/07/2025 the commune chairman signs (district tier abolished). */
const signatoryOn = (date: string) => (date < '2025-07-01' ? DISTRICT : COMMUNE);

interface Phase {
  plannedOn: string;
  base: Partial<Record<ParcelAction, string>>;
  numbers: Partial<Record<ParcelAction, string>>;
  /** Target statuses and their weights. */
  spread: ReadonlyArray<[ParcelStatus, number]>;
}

export const PHASES: readonly Phase[] = [
  {
    plannedOn: '2025-05-20',
    base: { hold_meeting: '2025-06-05', issue_notice: '2025-06-20', complete_inventory: '2025-07-15', draft_plan: '2025-09-01', post_plan: '2025-09-10', approve_plan: '2025-10-20', publish_plan: '2025-10-27', pay: '2025-11-10', decide_recovery: '2026-01-12', hand_over: '2026-02-02', update_cadastre: '2026-05-15' },
    numbers: { issue_notice: '112/TB-UBND', approve_plan: '1450/QĐ-UBND' },
    spread: [['cadastre_updated', 22], ['handed_over', 38], ['handover_refused', 2], ['handover_persuasion', 3], ['compulsory_recovery_decided', 2], ['recovery_decided', 8], ['paid', 6], ['published', 4], ['inventory_persuasion', 3], ['compulsory_inventory_decided', 2]],
  },
  {
    plannedOn: '2025-05-20',
    base: { hold_meeting: '2025-09-08', issue_notice: '2025-09-25', complete_inventory: '2025-10-20', draft_plan: '2026-01-12', post_plan: '2026-01-26', approve_plan: '2026-03-20', publish_plan: '2026-03-30', pay: '2026-04-20', decide_recovery: '2026-07-15', hand_over: '2026-08-10', update_cadastre: '2026-11-10' },
    numbers: { issue_notice: '45/TB-UBND', approve_plan: '385/QĐ-UBND' },
    spread: [['cadastre_updated', 4], ['handed_over', 30], ['handover_refused', 4], ['handover_persuasion', 3], ['recovery_decided', 22], ['paid', 18], ['published', 7], ['approved', 4], ['inventoried', 3], ['inventory_refused', 2], ['inventory_persuasion', 2]],
  },
  {
    plannedOn: '2025-05-20',
    base: { hold_meeting: '2026-01-15', issue_notice: '2026-02-05', complete_inventory: '2026-03-10', draft_plan: '2026-08-20', post_plan: '2026-09-15', approve_plan: '2026-10-26', publish_plan: '2026-11-02', pay: '2026-11-06', decide_recovery: '2026-11-30' },
    numbers: { issue_notice: '18/TB-UBND', approve_plan: '1022/QĐ-UBND' },
    spread: [['paid', 16], ['published', 22], ['approved', 8], ['posted', 8], ['draft_plan', 10], ['inventoried', 12], ['notified', 8], ['inventory_refused', 6], ['inventory_persuasion', 4], ['compulsory_inventory_decided', 2], ['meeting', 4]],
  },
  {
    plannedOn: '2026-09-15',
    base: { hold_meeting: '2026-10-20', issue_notice: '2026-11-05' },
    numbers: { issue_notice: '161/TB-UBND' },
    spread: [['plan', 40], ['meeting', 35], ['notified', 25]],
  },
];

export interface SeedEvent extends TransitionInput {
  note?: string | null;
}

/** The actions, in order, that lead to `target` (with the branch it needs). */
function scriptTo(target: ParcelStatus, rnd: () => number): ParcelAction[] {
  const inventoryBranch: Record<string, ParcelAction[]> = {
    inventory_refused: ['refuse_inventory'],
    inventory_persuasion: ['refuse_inventory', 'persuade_inventory'],
    compulsory_inventory_decided: ['refuse_inventory', 'persuade_inventory', 'decide_compulsory_inventory'],
  };
  const handoverBranch: Record<string, ParcelAction[]> = {
    handover_refused: ['refuse_handover'],
    handover_persuasion: ['refuse_handover', 'persuade_handover'],
    compulsory_recovery_decided: ['refuse_handover', 'persuade_handover', 'decide_compulsory_recovery'],
  };
  const head: ParcelAction[] = ['hold_meeting', 'issue_notice'];
  if (inventoryBranch[target]) return [...head, ...inventoryBranch[target]!];
  // A few parcels that got past the inventory went through the compulsory branch first.
  const inventory: ParcelAction[] =
    rnd() < 0.04 ? ['refuse_inventory', 'persuade_inventory', 'decide_compulsory_inventory', 'enforce_compulsory_inventory'] :
    rnd() < 0.05 ? ['refuse_inventory', 'persuade_inventory', 'complete_inventory'] : ['complete_inventory'];
  const middle: ParcelAction[] = ['draft_plan', 'post_plan', 'approve_plan', 'publish_plan', 'pay', 'decide_recovery'];
  if (handoverBranch[target]) return [...head, ...inventory, ...middle, ...handoverBranch[target]!];
  const handover: ParcelAction[] = rnd() < 0.06
    ? ['refuse_handover', 'persuade_handover', 'decide_compulsory_recovery', 'enforce_compulsory_recovery']
    : ['hand_over'];
  return [...head, ...inventory, ...middle, ...handover, 'update_cadastre'];
}

export function pickTarget(phase: Phase, rnd: () => number): ParcelStatus {
  const total = phase.spread.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [s, w] of phase.spread) if ((x -= w) < 0) return s;
  return phase.spread[0]![0];
}

export interface History {
  events: SeedEvent[];
  state: WorkflowState;
}

/**
 * Runs the parcel's script through the state machine up to `target`, with dates
 * from the phase's schedule plus a per-parcel delay, never after SEED_TODAY.
 * `amounts` gives the proposed and approved money; `nextNumber` numbers the
 * per-parcel decisions (recovery, compulsory).
 */
export function buildHistory(
  phase: Phase,
  target: ParcelStatus,
  group: LandGroup,
  amounts: { proposed: number; approved: number; deposited: boolean },
  rnd: () => number,
  nextNumber: (kind: 'QĐ' | 'TB') => string,
): History {
  let s = initialState(group, phase.plannedOn);
  const events: SeedEvent[] = [];
  const script = scriptTo(target, rnd);
  const delay = Math.floor(rnd() * 12);
  for (const action of script) {
    if (s.status === target) break;
    const base = phase.base[action] ?? addDays(s.lastDate!, 7 + Math.floor(rnd() * 20));
    let date = addDays(base, ['issue_notice', 'approve_plan'].includes(action) ? 0 : delay);
    if (date < s.lastDate!) date = addDays(s.lastDate!, 3 + Math.floor(rnd() * 10));
    const ev: SeedEvent = { action, date };
    const decided = ['issue_notice', 'reissue_notice', 'approve_plan', 'decide_recovery', 'decide_compulsory_inventory', 'enforce_compulsory_inventory', 'decide_compulsory_recovery', 'enforce_compulsory_recovery'].includes(action);
    if (decided) {
      ev.decisionNo = phase.numbers[action] ?? nextNumber(action.includes('notice') ? 'TB' : 'QĐ');
      ev.signatory = signatoryOn(date);
    }
    if (action === 'draft_plan') ev.amount = amounts.proposed;
    if (action === 'approve_plan') ev.amount = amounts.approved;
    if (action === 'pay') {
      ev.amount = amounts.approved;
      ev.deposited = amounts.deposited;
      if (amounts.deposited) ev.note = 'Hộ không nhận tiền; đã gửi vào tài khoản tạm giữ (coi như đã chi trả)';
    }
    if (action === 'complete_inventory' || action === 'enforce_compulsory_inventory') ev.note = 'Biên bản điều tra, khảo sát, đo đạc, kiểm đếm';
    if (action === 'hold_meeting') ev.note = 'Biên bản họp phổ biến chủ trương thu hồi đất';
    if (action === 'hand_over' || action === 'enforce_compulsory_recovery') ev.note = 'Biên bản bàn giao mặt bằng';
    let r = applyTransition(s, ev, SEED_TODAY);
    if (!r.ok && r.refusal.code === 'POSTING_NOT_ENDED') r = applyTransition(s, { ...ev, date: String(r.refusal.params.postingEnd) }, SEED_TODAY);
    if (!r.ok && r.refusal.code === 'NOTICE_EXPIRED') {
      // The notice lapsed while the parcel was held up: a new one, then wait out the period.
      const renew: SeedEvent = { action: 'reissue_notice', date: ev.date, decisionNo: nextNumber('TB'), signatory: signatoryOn(ev.date), note: 'Thông báo thu hồi đất lại do thông báo trước đã hết hiệu lực' };
      const rr = applyTransition(s, renew, SEED_TODAY);
      if (!rr.ok) break;
      s = rr.state;
      events.push(renew);
      r = applyTransition(s, ev, SEED_TODAY);
    }
    if (!r.ok && r.refusal.code === 'RECOVERY_BEFORE_NOTICE_PERIOD') {
      ev.date = String(r.refusal.params.earliest);
      ev.signatory = signatoryOn(ev.date);
      r = applyTransition(s, ev, SEED_TODAY);
    }
    if (!r.ok && r.refusal.code === 'DATE_IN_FUTURE') break;
    if (!r.ok) throw new Error(`seed history refused: ${action} ${ev.date} from ${s.status}: ${r.refusal.code}`);
    if (r.state.lastDate !== ev.date) ev.date = r.state.lastDate!;
    s = r.state;
    events.push(ev);
  }
  // A notice that lapsed while the parcel was held up is usually issued again.
  const expiry = s.noticeDate ? addMonths(s.noticeDate, 12) : undefined;
  if (expiry && expiry < SEED_TODAY && statusRank(s.status) < statusRank('recovery_decided') && rnd() < 0.7) {
    let date = addDays(expiry, 10 + Math.floor(rnd() * 40));
    if (date < s.lastDate!) date = s.lastDate!;
    if (date <= SEED_TODAY) {
      const renew: SeedEvent = { action: 'reissue_notice', date, decisionNo: nextNumber('TB'), signatory: signatoryOn(date), note: 'Thông báo thu hồi đất lại do thông báo trước đã hết hiệu lực' };
      const r = applyTransition(s, renew, SEED_TODAY);
      if (r.ok) {
        s = r.state;
        events.push(renew);
      }
    }
  }
  return { events, state: s };
}
