/**
 * The workflow state of a parcel as stored in its row (parcels.* columns), and
 * back: the same WorkflowState the pure state machine works on.
 */
import type { WorkflowState } from '../../src/core/clearance/machine';
import { landGroupOf, type ParcelStatus } from '../../src/core/clearance/steps';

export interface ParcelStateRow {
  status: ParcelStatus;
  legal_land_code: string;
  last_event_date: string | null;
  notice_date: string | null;
  inventory_date: string | null;
  posting_start: string | null;
  approval_date: string | null;
  publication_date: string | null;
  payment_date: string | null;
  recovery_decision_date: string | null;
  handover_date: string | null;
  compensation_proposed: number | null;
  compensation_approved: number | null;
  compensation_paid: number | null;
  deposited: boolean;
  compulsory_inventory: boolean;
  compulsory_recovery: boolean;
  planned_on: string;
}

const u = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function stateFromRow(r: ParcelStateRow): WorkflowState {
  return {
    status: r.status,
    landGroup: landGroupOf(r.legal_land_code),
    lastDate: u(r.last_event_date) ?? r.planned_on,
    noticeDate: u(r.notice_date),
    inventoryDate: u(r.inventory_date),
    postingStart: u(r.posting_start),
    approvalDate: u(r.approval_date),
    publicationDate: u(r.publication_date),
    paymentDate: u(r.payment_date),
    recoveryDecisionDate: u(r.recovery_decision_date),
    handoverDate: u(r.handover_date),
    proposed: u(r.compensation_proposed),
    approved: u(r.compensation_approved),
    paid: u(r.compensation_paid),
    deposited: r.deposited,
    compulsoryInventory: r.compulsory_inventory,
    compulsoryRecovery: r.compulsory_recovery,
  };
}

/** Column values of a state, in STATE_COLUMNS order. */
export function stateValues(s: WorkflowState, plannedOn: string): unknown[] {
  return [
    s.status,
    s.lastDate ?? plannedOn,
    s.noticeDate ?? null,
    s.inventoryDate ?? null,
    s.postingStart ?? null,
    s.approvalDate ?? null,
    s.publicationDate ?? null,
    s.paymentDate ?? null,
    s.recoveryDecisionDate ?? null,
    s.handoverDate ?? null,
    s.proposed ?? null,
    s.approved ?? null,
    s.paid ?? null,
    s.deposited === true,
    s.compulsoryInventory === true,
    s.compulsoryRecovery === true,
  ];
}

export const STATE_COLUMNS = [
  'status', 'last_event_date', 'notice_date', 'inventory_date', 'posting_start', 'approval_date', 'publication_date',
  'payment_date', 'recovery_decision_date', 'handover_date', 'compensation_proposed', 'compensation_approved',
  'compensation_paid', 'deposited', 'compulsory_inventory', 'compulsory_recovery',
] as const;
