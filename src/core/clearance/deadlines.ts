/**
 * Deadlines the law derives from a parcel's dates, and what is overdue on a day.
 * Earliest recovery decision = notice + 60 days (agricultural) / 120 days
 * (non-agricultural); notice expiry = notice + 12 months; posting end =
 * posting start + 10 days; payment due = approval + 30 days.
 */
import { addDays, addMonths } from './dates';
import type { WorkflowState } from './machine';
import { rulesAt } from './rules';
import { statusRank } from './steps';

export interface Deadlines {
  earliestRecoveryDecision?: string;
  noticeExpiry?: string;
  postingEnd?: string;
  paymentDue?: string;
}

export function deadlinesOf(s: WorkflowState): Deadlines {
  const d: Deadlines = {};
  if (s.noticeDate) {
    const r = rulesAt(s.noticeDate);
    d.earliestRecoveryDecision = addDays(s.noticeDate, r.noticeDays[s.landGroup]);
    d.noticeExpiry = addMonths(s.noticeDate, r.noticeValidityMonths);
  }
  if (s.postingStart) d.postingEnd = addDays(s.postingStart, rulesAt(s.postingStart).postingDays);
  if (s.approvalDate) d.paymentDue = addDays(s.approvalDate, rulesAt(s.approvalDate).paymentDays);
  return d;
}

export const OVERDUE_KINDS = ['payment_overdue', 'notice_expired'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

export interface OverdueItem {
  kind: OverdueKind;
  /** The deadline that passed. */
  due: string;
}

/**
 * What is overdue on `asOf`:
 * - payment_overdue: approved (or published) but unpaid after approval + 30 days;
 * - notice_expired: notified but no recovery decision within 12 months of the notice
 *   (a new notice is needed).
 */
export function overdueOf(s: WorkflowState, asOf: string): OverdueItem[] {
  const d = deadlinesOf(s);
  const out: OverdueItem[] = [];
  const rank = statusRank(s.status);
  if (d.paymentDue && rank >= statusRank('approved') && rank < statusRank('paid') && asOf > d.paymentDue)
    out.push({ kind: 'payment_overdue', due: d.paymentDue });
  if (d.noticeExpiry && rank >= statusRank('notified') && rank < statusRank('recovery_decided') && asOf > d.noticeExpiry)
    out.push({ kind: 'notice_expired', due: d.noticeExpiry });
  return out;
}
