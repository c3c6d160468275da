/**
 * The clearance workflow of one parcel as a pure state machine: `applyTransition`
 * either returns the next state or refuses with a reason (a code and the numbers
 * behind it). The server and the browser use this same function.
 */
import { addDays, addMonths, isIsoDate } from './dates';
import { rulesAt } from './rules';
import { type LandGroup, type ParcelAction, type ParcelStatus, statusRank } from './steps';

/** What the workflow remembers about a parcel: its status and the dates the law counts from. */
export interface WorkflowState {
  status: ParcelStatus;
  landGroup: LandGroup;
  /** Date of the latest transition: a new one may not be earlier. */
  lastDate?: string | undefined;
  noticeDate?: string | undefined;
  inventoryDate?: string | undefined;
  postingStart?: string | undefined;
  approvalDate?: string | undefined;
  publicationDate?: string | undefined;
  paymentDate?: string | undefined;
  recoveryDecisionDate?: string | undefined;
  handoverDate?: string | undefined;
  /** Money (VND) as the plan states it; paid never exceeds approved. */
  proposed?: number | undefined;
  approved?: number | undefined;
  paid?: number | undefined;
  /** Payment refused by the owner and deposited (counts as paid, Art. 94). */
  deposited?: boolean | undefined;
  compulsoryInventory?: boolean | undefined;
  compulsoryRecovery?: boolean | undefined;
}

export interface TransitionInput {
  action: ParcelAction;
  date: string;
  decisionNo?: string | null | undefined;
  signatory?: string | null | undefined;
  note?: string | null | undefined;
  /** proposed (draft_plan), approved (approve_plan) or paid (pay) amount, VND. */
  amount?: number | null | undefined;
  /** pay: the owner refused the money and it was deposited. */
  deposited?: boolean | null | undefined;
}

export type RefusalCode =
  | 'INVALID_DATE'
  | 'DATE_IN_FUTURE'
  | 'DATE_BEFORE_PREVIOUS'
  | 'DECISION_REQUIRED'
  | 'SIGNATORY_REQUIRED'
  | 'AMOUNT_REQUIRED'
  | 'AMOUNT_INVALID'
  | 'AMOUNT_EXCEEDS_APPROVED'
  | 'NOTICE_REQUIRED'
  | 'INVENTORY_REQUIRED'
  | 'DRAFT_REQUIRED'
  | 'POSTING_REQUIRED'
  | 'POSTING_NOT_ENDED'
  | 'APPROVAL_REQUIRED'
  | 'PAYMENT_BEFORE_APPROVAL'
  | 'PUBLICATION_REQUIRED'
  | 'RECOVERY_BEFORE_PAYMENT'
  | 'RECOVERY_BEFORE_NOTICE_PERIOD'
  | 'NOTICE_EXPIRED'
  | 'HANDOVER_WITHOUT_RECOVERY_DECISION'
  | 'COMPULSORY_WITHOUT_PERSUASION'
  | 'PERSUASION_WITHOUT_REFUSAL'
  | 'ENFORCEMENT_WITHOUT_DECISION'
  | 'REFUSAL_NOT_APPLICABLE'
  | 'MEETING_REQUIRED'
  | 'HANDOVER_REQUIRED'
  | 'ALREADY_DONE';

export interface Refusal {
  code: RefusalCode;
  action: ParcelAction;
  status: ParcelStatus;
  /** The numbers behind the reason (dates, amounts), for the message. */
  params: Record<string, string | number>;
}

export type TransitionResult = { ok: true; state: WorkflowState } | { ok: false; refusal: Refusal };

interface ActionSpec {
  from: readonly ParcelStatus[];
  /** undefined: the status does not change (re-issued notice). */
  to?: ParcelStatus;
  needsDecision?: boolean;
  /** Prerequisites, in order: the first that fails is the reason given. */
  requires: ReadonlyArray<[(s: WorkflowState) => boolean, RefusalCode]>;
}

const atLeast = (x: ParcelStatus) => (s: WorkflowState) => statusRank(s.status) >= statusRank(x);
const is = (...xs: ParcelStatus[]) => (s: WorkflowState) => xs.includes(s.status);
const notYetRecovered = (s: WorkflowState) => statusRank(s.status) < statusRank('recovery_decided');

const noticeToPaid: readonly ParcelStatus[] = [
  'notified', 'inventory_refused', 'inventory_persuasion', 'compulsory_inventory_decided', 'inventoried',
  'draft_plan', 'posted', 'approved', 'published', 'paid',
];

/** Which status each action leaves from, where it leads, and why it is refused otherwise. */
export const ACTIONS: Readonly<Record<ParcelAction, ActionSpec>> = {
  hold_meeting: { from: ['plan'], to: 'meeting', requires: [] },
  issue_notice: { from: ['meeting'], to: 'notified', needsDecision: true, requires: [[atLeast('meeting'), 'MEETING_REQUIRED']] },
  reissue_notice: {
    from: noticeToPaid,
    needsDecision: true,
    requires: [[atLeast('notified'), 'NOTICE_REQUIRED'], [notYetRecovered, 'ALREADY_DONE']],
  },
  refuse_inventory: { from: ['notified'], to: 'inventory_refused', requires: [[atLeast('notified'), 'NOTICE_REQUIRED'], [is('notified'), 'REFUSAL_NOT_APPLICABLE']] },
  persuade_inventory: { from: ['inventory_refused'], to: 'inventory_persuasion', requires: [[atLeast('notified'), 'NOTICE_REQUIRED'], [is('inventory_refused'), 'PERSUASION_WITHOUT_REFUSAL']] },
  decide_compulsory_inventory: {
    from: ['inventory_persuasion'], to: 'compulsory_inventory_decided', needsDecision: true,
    requires: [[atLeast('notified'), 'NOTICE_REQUIRED'], [is('inventory_persuasion'), 'COMPULSORY_WITHOUT_PERSUASION']],
  },
  enforce_compulsory_inventory: {
    from: ['compulsory_inventory_decided'], to: 'inventoried', needsDecision: true,
    requires: [[atLeast('notified'), 'NOTICE_REQUIRED'], [is('compulsory_inventory_decided'), 'ENFORCEMENT_WITHOUT_DECISION']],
  },
  complete_inventory: {
    from: ['notified', 'inventory_refused', 'inventory_persuasion', 'compulsory_inventory_decided'], to: 'inventoried',
    requires: [[atLeast('notified'), 'NOTICE_REQUIRED']],
  },
  draft_plan: { from: ['inventoried'], to: 'draft_plan', requires: [[atLeast('inventoried'), 'INVENTORY_REQUIRED']] },
  post_plan: { from: ['draft_plan'], to: 'posted', requires: [[atLeast('draft_plan'), 'DRAFT_REQUIRED']] },
  approve_plan: { from: ['posted'], to: 'approved', needsDecision: true, requires: [[atLeast('posted'), 'POSTING_REQUIRED']] },
  publish_plan: { from: ['approved'], to: 'published', requires: [[atLeast('approved'), 'APPROVAL_REQUIRED']] },
  pay: {
    from: ['published'], to: 'paid',
    requires: [[atLeast('approved'), 'PAYMENT_BEFORE_APPROVAL'], [atLeast('published'), 'PUBLICATION_REQUIRED']],
  },
  decide_recovery: { from: ['paid'], to: 'recovery_decided', needsDecision: true, requires: [[atLeast('paid'), 'RECOVERY_BEFORE_PAYMENT']] },
  refuse_handover: {
    from: ['recovery_decided'], to: 'handover_refused',
    requires: [[atLeast('recovery_decided'), 'HANDOVER_WITHOUT_RECOVERY_DECISION'], [is('recovery_decided'), 'REFUSAL_NOT_APPLICABLE']],
  },
  persuade_handover: {
    from: ['handover_refused'], to: 'handover_persuasion',
    requires: [[atLeast('recovery_decided'), 'HANDOVER_WITHOUT_RECOVERY_DECISION'], [is('handover_refused'), 'PERSUASION_WITHOUT_REFUSAL']],
  },
  decide_compulsory_recovery: {
    from: ['handover_persuasion'], to: 'compulsory_recovery_decided', needsDecision: true,
    requires: [[atLeast('recovery_decided'), 'HANDOVER_WITHOUT_RECOVERY_DECISION'], [is('handover_persuasion'), 'COMPULSORY_WITHOUT_PERSUASION']],
  },
  enforce_compulsory_recovery: {
    from: ['compulsory_recovery_decided'], to: 'handed_over', needsDecision: true,
    requires: [[atLeast('recovery_decided'), 'HANDOVER_WITHOUT_RECOVERY_DECISION'], [is('compulsory_recovery_decided'), 'ENFORCEMENT_WITHOUT_DECISION']],
  },
  hand_over: {
    from: ['recovery_decided', 'handover_refused', 'handover_persuasion', 'compulsory_recovery_decided'], to: 'handed_over',
    requires: [[atLeast('recovery_decided'), 'HANDOVER_WITHOUT_RECOVERY_DECISION']],
  },
  update_cadastre: { from: ['handed_over'], to: 'cadastre_updated', requires: [[atLeast('handed_over'), 'HANDOVER_REQUIRED']] },
};

/** The initial state of a parcel entered in a recovery plan. */
export function initialState(landGroup: LandGroup, date?: string): WorkflowState {
  return { status: 'plan', landGroup, lastDate: date };
}

const refuse = (code: RefusalCode, action: ParcelAction, s: WorkflowState, params: Refusal['params'] = {}): TransitionResult => ({
  ok: false,
  refusal: { code, action, status: s.status, params },
});

const present = (v: string | null | undefined): boolean => typeof v === 'string' && v.trim() !== '';

/**
 * Applies one transition. `today` (YYYY-MM-DD), when given, refuses dates after it.
 * Never mutates `s`.
 */
export function applyTransition(s: WorkflowState, t: TransitionInput, today?: string): TransitionResult {
  const spec = ACTIONS[t.action];
  const a = t.action;
  if (!isIsoDate(t.date)) return refuse('INVALID_DATE', a, s, { date: String(t.date) });
  if (today && t.date > today) return refuse('DATE_IN_FUTURE', a, s, { date: t.date, today });
  if (!spec.from.includes(s.status)) {
    for (const [test, code] of spec.requires) if (!test(s)) return refuse(code, a, s, {});
    return refuse('ALREADY_DONE', a, s, {});
  }
  if (s.lastDate && t.date < s.lastDate) return refuse('DATE_BEFORE_PREVIOUS', a, s, { date: t.date, previous: s.lastDate });
  if (spec.needsDecision && !present(t.decisionNo)) return refuse('DECISION_REQUIRED', a, s, {});
  if (spec.needsDecision && !present(t.signatory)) return refuse('SIGNATORY_REQUIRED', a, s, {});

  const rules = rulesAt(t.date);
  const next: WorkflowState = { ...s, lastDate: t.date };
  if (spec.to) next.status = spec.to;
  const amount = t.amount ?? undefined;
  if (amount !== undefined && (!Number.isFinite(amount) || amount < 0 || !Number.isInteger(amount)))
    return refuse('AMOUNT_INVALID', a, s, { amount: String(amount) });

  switch (a) {
    case 'issue_notice':
    case 'reissue_notice':
      next.noticeDate = t.date;
      break;
    case 'enforce_compulsory_inventory':
      next.compulsoryInventory = true;
      next.inventoryDate = t.date;
      break;
    case 'complete_inventory':
      next.inventoryDate = t.date;
      break;
    case 'draft_plan':
      if (amount !== undefined) next.proposed = amount;
      break;
    case 'post_plan':
      next.postingStart = t.date;
      break;
    case 'approve_plan': {
      const end = addDays(s.postingStart!, rules.postingDays);
      if (t.date < end) return refuse('POSTING_NOT_ENDED', a, s, { postingStart: s.postingStart!, postingEnd: end, date: t.date });
      if (amount === undefined) return refuse('AMOUNT_REQUIRED', a, s, {});
      next.approved = amount;
      next.approvalDate = t.date;
      break;
    }
    case 'publish_plan':
      next.publicationDate = t.date;
      break;
    case 'pay': {
      const paid = amount ?? s.approved ?? 0;
      if (paid > (s.approved ?? 0)) return refuse('AMOUNT_EXCEEDS_APPROVED', a, s, { amount: paid, approved: s.approved ?? 0 });
      next.paid = paid;
      next.paymentDate = t.date;
      next.deposited = t.deposited === true;
      break;
    }
    case 'decide_recovery': {
      const earliest = addDays(s.noticeDate!, rules.noticeDays[s.landGroup]);
      if (t.date < earliest)
        return refuse('RECOVERY_BEFORE_NOTICE_PERIOD', a, s, {
          noticeDate: s.noticeDate!, earliest, days: rules.noticeDays[s.landGroup], landGroup: s.landGroup, date: t.date,
        });
      const expiry = addMonths(s.noticeDate!, rules.noticeValidityMonths);
      if (t.date > expiry) return refuse('NOTICE_EXPIRED', a, s, { noticeDate: s.noticeDate!, expiry, date: t.date });
      next.recoveryDecisionDate = t.date;
      break;
    }
    case 'enforce_compulsory_recovery':
      next.compulsoryRecovery = true;
      next.handoverDate = t.date;
      break;
    case 'hand_over':
      next.handoverDate = t.date;
      break;
    default:
      break;
  }
  return { ok: true, state: next };
}

/** Actions allowed from a status (their other checks — dates, decision — still apply). */
export function actionsFrom(status: ParcelStatus): ParcelAction[] {
  return (Object.keys(ACTIONS) as ParcelAction[]).filter((a) => ACTIONS[a].from.includes(status));
}

/** Whether an action needs a decision number and signatory. */
export const needsDecision = (a: ParcelAction): boolean => ACTIONS[a].needsDecision === true;
