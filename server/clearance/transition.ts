/**
 * One workflow transition of one parcel, inside the caller's transaction: lock
 * the row, check the version, ask the state machine, store the new state and
 * the event, audit. Used by the single and the bulk route alike.
 */
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { describeRefusal } from '../../src/core/clearance/labels';
import { applyTransition, type Refusal, type TransitionInput } from '../../src/core/clearance/machine';
import type { ParcelStatus } from '../../src/core/clearance/steps';
import { assertCanWrite } from '../auth/guard';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { insertEvent, lockParcel, updateParcelState } from '../sql/parcels.sql';
import { stateFromRow, stateValues, type ParcelStateRow } from './state';

export interface TransitionBody {
  action: TransitionInput['action'];
  date: string;
  decision_no?: string | null;
  signatory?: string | null;
  note?: string | null;
  amount?: number | null;
  deposited?: boolean | null;
}

type LockedParcel = ParcelStateRow & {
  id: number;
  cluster_id: number;
  commune_code: string;
  map_sheet_no: string;
  parcel_no: string;
  version: number;
  province_code: string;
};

export const parcelLabel = (p: { map_sheet_no: string; parcel_no: string }) => `tờ ${p.map_sheet_no} thửa ${p.parcel_no}`;

/** A refusal as the API reports it: English message, Vietnamese beside it, the reason's code and numbers. */
export function refusalDetails(r: Refusal, parcel?: LockedParcel) {
  return {
    ...(parcel ? { parcel_id: parcel.id, parcel: parcelLabel(parcel) } : {}),
    code: r.code,
    status: r.status,
    action: r.action,
    params: r.params,
    message: describeRefusal(r, 'en'),
    message_vi: describeRefusal(r, 'vi'),
  };
}

export interface Outcome {
  ok: true;
  id: number;
  from: ParcelStatus;
  to: ParcelStatus;
  version: number;
}
export type Refused = { ok: false; id: number; refusal: ReturnType<typeof refusalDetails> };

/**
 * Applies `body` to parcel `id` at `version`. A stale version → 409 (thrown,
 * with the current state); a refused transition → returned, nothing written.
 */
export async function transitionParcel(
  c: pg.PoolClient,
  req: FastifyRequest,
  id: number,
  version: number,
  body: TransitionBody,
  batchId: string | null,
  onStale: (p: LockedParcel) => Promise<never>,
): Promise<Outcome | Refused> {
  const p = (await c.query<LockedParcel>(lockParcel, [id])).rows[0];
  if (!p) throw new HttpError(404, 'NOT_FOUND', `Parcel ${id} does not exist`);
  if (req.user) assertCanWrite(req, { provinceCode: p.province_code, communeCodes: [p.commune_code], clusterId: p.cluster_id });
  if (p.version !== version) await onStale(p);
  const s = stateFromRow(p);
  // Amounts default to the plan's figures: approval approves the proposal, payment pays the approval.
  const amount = body.amount ?? (body.action === 'approve_plan' ? s.proposed : body.action === 'pay' ? s.approved : undefined);
  const input: TransitionInput = {
    action: body.action,
    date: body.date,
    decisionNo: body.decision_no,
    signatory: body.signatory,
    note: body.note,
    amount,
    deposited: body.deposited,
  };
  const r = applyTransition(s, input, todayInVietnam());
  if (!r.ok) return { ok: false, id, refusal: refusalDetails(r.refusal, p) };
  const updated = await c.query<{ version: number }>(updateParcelState, [id, version, ...stateValues(r.state, p.planned_on)]);
  const newVersion = updated.rows[0]!.version;
  const actor = actorOf(req);
  const ev = await c.query<{ seq: number }>(insertEvent, [
    id, body.action, p.status, r.state.status, body.date, body.decision_no ?? null, body.signatory ?? null,
    ['draft_plan', 'approve_plan', 'pay'].includes(body.action) ? amount ?? null : null,
    body.action === 'pay' ? body.deposited === true : null, body.note ?? null, actor, batchId, newVersion,
  ]);
  await writeAudit(c, {
    actor,
    action: 'transition',
    entity: 'parcel',
    entityId: id,
    before: { status: p.status, version },
    after: { status: r.state.status, version: newVersion, event: { seq: ev.rows[0]!.seq, ...body, amount: amount ?? null, batch_id: batchId } },
  });
  return { ok: true, id, from: p.status, to: r.state.status, version: newVersion };
}
