import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './dates';
import { actionsFrom, applyTransition, initialState, needsDecision, type TransitionInput, type WorkflowState } from './machine';
import { replay } from './replay';
import { HANDED_OVER_STATUSES, PARCEL_ACTIONS, PARCEL_STATUSES, statusRank, type LandGroup, type ParcelAction } from './steps';

/** One random attempt: which action (often one the status allows), when, with what. */
const attempt = fc.record({
  lawful: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(1000),
  days: fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: -5, max: -1 })),
  decision: fc.integer({ min: 0, max: 9 }),
  amount: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 2_000_000_000 }), fc.constant(-1)),
  deposited: fc.boolean(),
});

/**
 * Checks the accepted history on its own, without the machine's state: the
 * order the law requires between events, and the periods between their dates.
 */
function checkHistory(group: LandGroup, log: readonly TransitionInput[]): void {
  const seen = (a: ParcelAction, before: number) => log.slice(0, before).some((e) => e.action === a);
  const lastOf = (as: ParcelAction[], before: number) => [...log.slice(0, before)].reverse().find((e) => as.includes(e.action));
  let approved: number | undefined;
  log.forEach((e, i) => {
    if (i > 0) expect(e.date >= log[i - 1]!.date, 'dates never go back').toBe(true);
    if (needsDecision(e.action)) {
      expect(e.decisionNo?.trim(), `${e.action} has a decision number`).toBeTruthy();
      expect(e.signatory?.trim(), `${e.action} has a signatory`).toBeTruthy();
    }
    switch (e.action) {
      case 'pay':
        expect(seen('approve_plan', i), 'never paid without approval').toBe(true);
        expect(seen('publish_plan', i), 'never paid before publication').toBe(true);
        expect((e.amount ?? approved ?? 0) <= (approved ?? 0), 'never paid more than approved').toBe(true);
        break;
      case 'approve_plan': {
        const post = lastOf(['post_plan'], i)!;
        expect(e.date >= addDays(post.date, 10), 'approval after the 10-day posting').toBe(true);
        approved = e.amount ?? undefined;
        break;
      }
      case 'decide_recovery': {
        expect(seen('pay', i), 'no recovery decision before payment').toBe(true);
        const notice = lastOf(['issue_notice', 'reissue_notice'], i)!;
        expect(e.date >= addDays(notice.date, group === 'agricultural' ? 60 : 120), 'notice period respected').toBe(true);
        expect(e.date <= addMonths(notice.date, 12), 'notice still valid').toBe(true);
        break;
      }
      case 'hand_over':
      case 'refuse_handover':
      case 'enforce_compulsory_recovery':
        expect(seen('decide_recovery', i), 'never handed over without a recovery decision').toBe(true);
        break;
      case 'decide_compulsory_inventory':
        expect(lastOf(['persuade_inventory', 'complete_inventory'], i)?.action, 'persuasion before compulsory inventory').toBe('persuade_inventory');
        break;
      case 'decide_compulsory_recovery':
        expect(lastOf(['persuade_handover', 'hand_over'], i)?.action, 'persuasion before compulsory recovery').toBe('persuade_handover');
        break;
      case 'enforce_compulsory_inventory':
        expect(seen('decide_compulsory_inventory', i)).toBe(true);
        break;
      case 'complete_inventory':
      case 'refuse_inventory':
        expect(seen('issue_notice', i), 'no inventory before the notice').toBe(true);
        break;
      case 'update_cadastre':
        expect(seen('hand_over', i) || seen('enforce_compulsory_recovery', i)).toBe(true);
        break;
      default:
        break;
    }
  });
}

/** The state's own fields agree with each other. */
function checkState(s: WorkflowState): void {
  const r = statusRank(s.status);
  if (r >= statusRank('notified')) expect(s.noticeDate).toBeDefined();
  if (r >= statusRank('approved')) expect(s.approvalDate).toBeDefined();
  if (r >= statusRank('paid')) {
    expect(s.paymentDate, 'paid ⇒ payment date').toBeDefined();
    expect(s.approvalDate! <= s.paymentDate!).toBe(true);
    expect(s.paid! <= s.approved!).toBe(true);
  }
  if (r >= statusRank('recovery_decided')) expect(s.recoveryDecisionDate, 'recovery decided ⇒ decision date').toBeDefined();
  if (HANDED_OVER_STATUSES.includes(s.status)) {
    expect(s.recoveryDecisionDate, 'handed over ⇒ recovery decision').toBeDefined();
    expect(s.handoverDate! >= s.recoveryDecisionDate!).toBe(true);
  }
}

const sequences = fc.array(attempt, { minLength: 5, maxLength: 80, size: 'max' });

describe('random transition sequences (fast-check)', () => {
  it('never reach an inconsistent state', () => {
    const visited = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom<LandGroup>('agricultural', 'non_agricultural'), sequences, (group, attempts) => {
        let s = initialState(group, '2025-01-01');
        const log: TransitionInput[] = [];
        for (const a of attempts) {
          const lawful = actionsFrom(s.status);
          const action = a.lawful && lawful.length ? lawful[a.pick % lawful.length]! : PARCEL_ACTIONS[a.pick % PARCEL_ACTIONS.length]!;
          const t: TransitionInput = {
            action,
            date: addDays(s.lastDate!, a.days),
            decisionNo: a.decision > 1 ? `${a.decision}/QĐ-UBND` : a.decision === 1 ? ' ' : undefined,
            signatory: a.decision > 2 ? 'Chủ tịch UBND xã' : undefined,
            amount: a.amount,
            deposited: a.deposited,
          };
          const before = s;
          const r = applyTransition(s, t);
          if (r.ok) {
            s = r.state;
            log.push(t);
          } else {
            expect(s).toBe(before);
          }
          checkState(s);
          visited.add(s.status);
        }
        checkHistory(group, log);
        // The recorded history replays to the same state.
        expect(replay(group, '2025-01-01', log)).toEqual(s);
      }),
      { numRuns: 1000 },
    );
    // The sequences are long and lawful enough to visit every status (else the test proves little).
    expect([...visited].sort()).toEqual([...PARCEL_STATUSES].sort());
  }, 60_000);

  it('from every reachable state the site can still be handed over lawfully', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        let s = initialState('non_agricultural', '2025-01-01');
        for (const a of attempts) {
          const lawful = actionsFrom(s.status);
          if (!lawful.length) break;
          const r = applyTransition(s, { action: lawful[a.pick % lawful.length]!, date: addDays(s.lastDate!, Math.abs(a.days)), decisionNo: '1/QĐ', signatory: 'CT', amount: 100 });
          if (r.ok) s = r.state;
        }
        // Finish greedily: a new notice when needed, then wait out each period.
        for (let guard = 0; guard < 40 && s.status !== 'cadastre_updated'; guard++) {
          const next = actionsFrom(s.status).find((x) => !['refuse_inventory', 'refuse_handover', 'reissue_notice'].includes(x)) ?? 'reissue_notice';
          let r = applyTransition(s, { action: next, date: addDays(s.lastDate!, 11), decisionNo: '1/QĐ', signatory: 'CT', amount: 100 });
          if (!r.ok && r.refusal.code === 'RECOVERY_BEFORE_NOTICE_PERIOD')
            r = applyTransition(s, { action: next, date: String(r.refusal.params.earliest), decisionNo: '1/QĐ', signatory: 'CT' });
          if (!r.ok && r.refusal.code === 'NOTICE_EXPIRED')
            r = applyTransition(s, { action: 'reissue_notice', date: addDays(s.lastDate!, 1), decisionNo: '2/TB', signatory: 'CT' });
          expect(r.ok, r.ok ? '' : `${s.status} ${next}: ${r.refusal.code}`).toBe(true);
          if (r.ok) s = r.state;
        }
        expect(s.status).toBe('cadastre_updated');
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
