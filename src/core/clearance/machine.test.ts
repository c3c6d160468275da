import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { deadlinesOf, overdueOf } from './deadlines';
import { describeRefusal } from './labels';
import { applyTransition, type RefusalCode, type TransitionInput, type WorkflowState } from './machine';
import { replay } from './replay';
import { landGroupOf, PARCEL_ACTIONS, PARCEL_STATUSES, type ParcelAction, type ParcelStatus } from './steps';
import { pathTo, reach } from './test-paths';

/** Every lawful transition, written out independently of the machine's own table. */
const ALLOWED: ReadonlyArray<[ParcelStatus, ParcelAction, ParcelStatus]> = [
  ['plan', 'hold_meeting', 'meeting'],
  ['meeting', 'issue_notice', 'notified'],
  ['notified', 'complete_inventory', 'inventoried'],
  ['notified', 'refuse_inventory', 'inventory_refused'],
  ['inventory_refused', 'persuade_inventory', 'inventory_persuasion'],
  ['inventory_refused', 'complete_inventory', 'inventoried'],
  ['inventory_persuasion', 'decide_compulsory_inventory', 'compulsory_inventory_decided'],
  ['inventory_persuasion', 'complete_inventory', 'inventoried'],
  ['compulsory_inventory_decided', 'enforce_compulsory_inventory', 'inventoried'],
  ['compulsory_inventory_decided', 'complete_inventory', 'inventoried'],
  ['inventoried', 'draft_plan', 'draft_plan'],
  ['draft_plan', 'post_plan', 'posted'],
  ['posted', 'approve_plan', 'approved'],
  ['approved', 'publish_plan', 'published'],
  ['published', 'pay', 'paid'],
  ['paid', 'decide_recovery', 'recovery_decided'],
  ['recovery_decided', 'hand_over', 'handed_over'],
  ['recovery_decided', 'refuse_handover', 'handover_refused'],
  ['handover_refused', 'persuade_handover', 'handover_persuasion'],
  ['handover_refused', 'hand_over', 'handed_over'],
  ['handover_persuasion', 'decide_compulsory_recovery', 'compulsory_recovery_decided'],
  ['handover_persuasion', 'hand_over', 'handed_over'],
  ['compulsory_recovery_decided', 'enforce_compulsory_recovery', 'handed_over'],
  ['compulsory_recovery_decided', 'hand_over', 'handed_over'],
  ['handed_over', 'update_cadastre', 'cadastre_updated'],
  // A new notice (the old one expired) keeps the status: from the notice until payment.
  ...(['notified', 'inventory_refused', 'inventory_persuasion', 'compulsory_inventory_decided', 'inventoried', 'draft_plan',
    'posted', 'approved', 'published', 'paid'] as const).map((s) => [s, 'reissue_notice', s] as [ParcelStatus, ParcelAction, ParcelStatus]),
];

const allowedTo = (from: ParcelStatus, a: ParcelAction) => ALLOWED.find(([f, x]) => f === from && x === a)?.[2];

/** A valid input for the action, dated late enough for every period of the law. */
function inputFor(s: WorkflowState, action: ParcelAction): TransitionInput {
  let date = addDays(s.lastDate ?? '2025-01-01', 1);
  if (action === 'approve_plan' && s.postingStart && addDays(s.postingStart, 10) > date) date = addDays(s.postingStart, 10);
  if (action === 'decide_recovery' && s.noticeDate && addDays(s.noticeDate, 120) > date) date = addDays(s.noticeDate, 120);
  const amount = action === 'approve_plan' || action === 'draft_plan' ? 400_000_000 : undefined;
  return { action, date, decisionNo: '12/QĐ-UBND', signatory: 'Chủ tịch UBND xã Đình Lập', amount };
}

describe('every (status, action) pair', () => {
  for (const from of PARCEL_STATUSES) {
    for (const action of PARCEL_ACTIONS) {
      const to = allowedTo(from, action);
      it(`${from} --${action}--> ${to ?? 'refused'}`, () => {
        const s = reach(from);
        const before = structuredClone(s);
        const r = applyTransition(s, inputFor(s, action));
        expect(s).toEqual(before); // pure: the input state is never changed
        if (to) {
          expect(r.ok, r.ok ? '' : r.refusal.code).toBe(true);
          if (r.ok) {
            expect(r.state.status).toBe(to);
            expect(r.state.lastDate).toBe(inputFor(s, action).date);
          }
        } else {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.refusal.status).toBe(from);
            expect(r.refusal.action).toBe(action);
            expect(describeRefusal(r.refusal, 'vi')).not.toMatch(/\{\w+\}/);
            expect(describeRefusal(r.refusal, 'en')).not.toMatch(/\{\w+\}/);
          }
        }
      });
    }
  }
});

const refusalOf = (s: WorkflowState, t: TransitionInput): RefusalCode | undefined => {
  const r = applyTransition(s, t);
  return r.ok ? undefined : r.refusal.code;
};

describe('refusals name the reason', () => {
  it('payment before approval, from every status before approval', () => {
    for (const st of ['plan', 'meeting', 'notified', 'inventoried', 'draft_plan', 'posted', 'inventory_refused'] as const) {
      expect(refusalOf(reach(st), { action: 'pay', date: '2026-01-01' }), st).toBe('PAYMENT_BEFORE_APPROVAL');
    }
    const r = applyTransition(reach('posted'), { action: 'pay', date: '2026-01-01' });
    expect(r.ok ? '' : describeRefusal(r.refusal, 'vi')).toBe('Không thể chi trả trước khi phương án được phê duyệt');
    expect(r.ok ? '' : describeRefusal(r.refusal, 'en')).toBe('Payment before the plan is approved is not allowed');
  });

  it('payment after approval but before publication', () => {
    expect(refusalOf(reach('approved'), { action: 'pay', date: '2026-01-01' })).toBe('PUBLICATION_REQUIRED');
  });

  it('handover without a recovery decision, from every status before it', () => {
    for (const st of ['plan', 'notified', 'approved', 'published', 'paid'] as const) {
      expect(refusalOf(reach(st), { action: 'hand_over', date: '2026-01-01' }), st).toBe('HANDOVER_WITHOUT_RECOVERY_DECISION');
      expect(refusalOf(reach(st), { action: 'refuse_handover', date: '2026-01-01' }), st).toBe('HANDOVER_WITHOUT_RECOVERY_DECISION');
    }
  });

  it('recovery decision before payment', () => {
    for (const st of ['notified', 'approved', 'published'] as const)
      expect(refusalOf(reach(st), inputFor(reach(st), 'decide_recovery')), st).toBe('RECOVERY_BEFORE_PAYMENT');
  });

  it('compulsory decisions need persuasion first; enforcement needs the decision', () => {
    expect(refusalOf(reach('inventory_refused'), inputFor(reach('inventory_refused'), 'decide_compulsory_inventory'))).toBe('COMPULSORY_WITHOUT_PERSUASION');
    expect(refusalOf(reach('handover_refused'), inputFor(reach('handover_refused'), 'decide_compulsory_recovery'))).toBe('COMPULSORY_WITHOUT_PERSUASION');
    expect(refusalOf(reach('recovery_decided'), inputFor(reach('recovery_decided'), 'decide_compulsory_recovery'))).toBe('COMPULSORY_WITHOUT_PERSUASION');
    expect(refusalOf(reach('inventory_persuasion'), inputFor(reach('inventory_persuasion'), 'enforce_compulsory_inventory'))).toBe('ENFORCEMENT_WITHOUT_DECISION');
    expect(refusalOf(reach('handover_persuasion'), inputFor(reach('handover_persuasion'), 'enforce_compulsory_recovery'))).toBe('ENFORCEMENT_WITHOUT_DECISION');
    expect(refusalOf(reach('notified'), inputFor(reach('notified'), 'persuade_inventory'))).toBe('PERSUASION_WITHOUT_REFUSAL');
    expect(refusalOf(reach('meeting'), inputFor(reach('meeting'), 'complete_inventory'))).toBe('NOTICE_REQUIRED');
    expect(refusalOf(reach('plan'), inputFor(reach('plan'), 'issue_notice'))).toBe('MEETING_REQUIRED');
    expect(refusalOf(reach('paid'), inputFor(reach('paid'), 'pay'))).toBe('ALREADY_DONE');
    expect(refusalOf(reach('recovery_decided'), inputFor(reach('recovery_decided'), 'reissue_notice'))).toBe('ALREADY_DONE');
  });

  it('decisions need a number and a signatory; dates may not go back or into the future', () => {
    const s = reach('posted');
    const ok = inputFor(s, 'approve_plan');
    expect(refusalOf(s, { ...ok, date: addDays(s.lastDate!, 20) })).toBeUndefined();
    expect(refusalOf(s, { ...ok, date: addDays(s.lastDate!, 20), decisionNo: ' ' })).toBe('DECISION_REQUIRED');
    expect(refusalOf(s, { ...ok, date: addDays(s.lastDate!, 20), signatory: undefined })).toBe('SIGNATORY_REQUIRED');
    expect(refusalOf(s, { ...ok, date: addDays(s.lastDate!, 20), amount: undefined })).toBe('AMOUNT_REQUIRED');
    expect(refusalOf(s, { ...ok, date: addDays(s.lastDate!, 20), amount: -5 })).toBe('AMOUNT_INVALID');
    expect(refusalOf(s, { ...ok, date: '2025-02-30' })).toBe('INVALID_DATE');
    expect(refusalOf(reach('plan'), { action: 'hold_meeting', date: '2024-12-31' })).toBe('DATE_BEFORE_PREVIOUS');
    expect(refusalOf(reach('plan'), { action: 'hold_meeting', date: '2026-11-22' }, )).toBeUndefined();
    expect(applyTransition(reach('plan'), { action: 'hold_meeting', date: '2026-11-22' }, '2026-11-21').ok).toBe(false);
  });

  it('payment may not exceed the approved amount; a refused payment deposited counts as paid', () => {
    const s = reach('published');
    expect(refusalOf(s, { action: 'pay', date: addDays(s.lastDate!, 1), amount: 480_000_001 })).toBe('AMOUNT_EXCEEDS_APPROVED');
    const r = applyTransition(s, { action: 'pay', date: addDays(s.lastDate!, 1), deposited: true });
    expect(r.ok && r.state).toMatchObject({ status: 'paid', paid: 480_000_000, deposited: true });
  });
});

describe('periods of the law', () => {
  const notice = (s: WorkflowState) => s.noticeDate!;

  it('the recovery decision waits 60 days after the notice on agricultural land, 120 on non-agricultural', () => {
    for (const [group, days] of [['agricultural', 60], ['non_agricultural', 120]] as const) {
      const s = reach('paid', group, '2025-01-01');
      const earliest = addDays(notice(s), days);
      expect(deadlinesOf(s).earliestRecoveryDecision).toBe(earliest);
      const dec = { action: 'decide_recovery' as const, decisionNo: '5/QĐ', signatory: 'Chủ tịch' };
      const before = applyTransition(s, { ...dec, date: addDays(earliest, -1) });
      if (group === 'non_agricultural') {
        expect(before.ok).toBe(false);
        if (!before.ok) {
          expect(before.refusal.code).toBe('RECOVERY_BEFORE_NOTICE_PERIOD');
          expect(describeRefusal(before.refusal, 'vi')).toBe(`Chưa đủ 120 ngày từ thông báo (11/01/2025); sớm nhất 11/05/2025`);
        }
      }
      expect(applyTransition(s, { ...dec, date: earliest }).ok).toBe(true);
    }
    // Agricultural: one day before the 60th is refused (the canonical path pays on day 60).
    const s = reach('paid', 'agricultural', '2025-01-01');
    const late = { ...s, noticeDate: '2025-02-15' };
    const r = applyTransition(late, { action: 'decide_recovery', date: '2025-04-15', decisionNo: 'x', signatory: 'y' });
    expect(r.ok ? '' : r.refusal.code).toBe('RECOVERY_BEFORE_NOTICE_PERIOD');
    expect(applyTransition(late, { action: 'decide_recovery', date: '2025-04-16', decisionNo: 'x', signatory: 'y' }).ok).toBe(true);
  });

  it('the notice is valid 12 months: a recovery decision after that is refused until a new notice', () => {
    const s = reach('paid', 'non_agricultural', '2025-01-01'); // notice 2025-01-11
    expect(deadlinesOf(s).noticeExpiry).toBe('2026-01-11');
    const dec = { action: 'decide_recovery' as const, decisionNo: '5/QĐ', signatory: 'Chủ tịch' };
    expect(applyTransition(s, { ...dec, date: '2026-01-11' }).ok).toBe(true);
    const r = applyTransition(s, { ...dec, date: '2026-01-12' });
    expect(r.ok ? '' : r.refusal.code).toBe('NOTICE_EXPIRED');
    const renewed = applyTransition(s, { action: 'reissue_notice', date: '2026-01-12', decisionNo: '9/TB', signatory: 'Chủ tịch' });
    expect(renewed.ok).toBe(true);
    if (!renewed.ok) return;
    expect(renewed.state.status).toBe('paid');
    expect(applyTransition(renewed.state, { ...dec, date: '2026-03-01' }).ok).toBe(false); // < 120 days after the new notice
    expect(applyTransition(renewed.state, { ...dec, date: '2026-05-12' }).ok).toBe(true);
  });

  it('approval waits for the 10-day posting to end', () => {
    const s = reach('draft_plan');
    const posted = applyTransition(s, { action: 'post_plan', date: '2025-03-01' });
    if (!posted.ok) throw new Error('post refused');
    expect(deadlinesOf(posted.state).postingEnd).toBe('2025-03-11');
    const ap = { action: 'approve_plan' as const, decisionNo: '7/QĐ', signatory: 'Chủ tịch', amount: 1 };
    const early = applyTransition(posted.state, { ...ap, date: '2025-03-10' });
    expect(early.ok ? '' : early.refusal.code).toBe('POSTING_NOT_ENDED');
    expect(applyTransition(posted.state, { ...ap, date: '2025-03-11' }).ok).toBe(true);
  });

  it('payment is due 30 days after approval; unpaid after that is overdue', () => {
    const s = reach('approved'); // approved 2025-02-20
    expect(s.approvalDate).toBe('2025-02-20');
    expect(deadlinesOf(s).paymentDue).toBe('2025-03-22');
    expect(overdueOf(s, '2025-03-22')).toEqual([]);
    expect(overdueOf(s, '2025-03-23')).toEqual([{ kind: 'payment_overdue', due: '2025-03-22' }]);
    expect(overdueOf(reach('published'), '2025-03-23').map((o) => o.kind)).toEqual(['payment_overdue']);
    expect(overdueOf(reach('paid'), '2025-12-31')).toEqual([]);
  });

  it('a notice older than 12 months without a recovery decision is flagged', () => {
    expect(overdueOf(reach('inventoried'), '2026-01-12')).toEqual([{ kind: 'notice_expired', due: '2026-01-11' }]);
    expect(overdueOf(reach('inventoried'), '2026-01-11')).toEqual([]);
    expect(overdueOf(reach('recovery_decided'), '2027-01-01')).toEqual([]);
    expect(overdueOf(reach('meeting'), '2027-01-01')).toEqual([]);
  });

  it('the land code decides the group: the legal code, legacy codes mapped', () => {
    expect(landGroupOf('LUC')).toBe('agricultural');
    expect(landGroupOf('LUN')).toBe('agricultural');
    expect(landGroupOf('CLN')).toBe('agricultural');
    expect(landGroupOf('RSX')).toBe('agricultural');
    expect(landGroupOf('ONT')).toBe('non_agricultural');
    expect(landGroupOf('NTD')).toBe('non_agricultural');
    expect(landGroupOf('XYZ')).toBe('non_agricultural');
    expect(landGroupOf(null)).toBe('non_agricultural');
  });
});

describe('replay', () => {
  it('rebuilds the state from the history, and as of an earlier date', () => {
    const events = pathTo('handed_over');
    const full = replay('non_agricultural', '2025-01-01', events)!;
    expect(full).toEqual(reach('handed_over'));
    expect(replay('non_agricultural', '2025-01-01', events, '2025-02-20')!.status).toBe('approved');
    expect(replay('non_agricultural', '2025-01-01', events, '2025-01-01')!.status).toBe('plan');
    expect(replay('non_agricultural', '2025-01-01', events, '2024-12-31')).toBeUndefined();
  });

  it('refuses a corrupt history', () => {
    expect(() => replay('agricultural', '2025-01-01', [{ action: 'pay', date: '2025-02-01' }])).toThrow(/PAYMENT_BEFORE_APPROVAL/);
  });
});
