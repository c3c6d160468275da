/**
 * Withdraws the last recorded transition of a parcel (an entry made in error):
 * the event is removed, the state is rebuilt by replaying the remaining history,
 * and the withdrawal itself is audited with the event it removed.
 */
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { replay } from '../../src/core/clearance/replay';
import { landGroupOf, type ParcelAction } from '../../src/core/clearance/steps';
import { assertCanWrite } from '../auth/guard';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { actorOf } from '../http/actor';
import { lockParcel, updateParcelState } from '../sql/parcels.sql';
import { staleVersion } from './record';
import { stateValues, type ParcelStateRow } from './state';
import { parcelLabel } from './transition';

interface EventRow {
  id: number;
  seq: number;
  action: ParcelAction;
  date: string;
  decision_no: string | null;
  signatory: string | null;
  amount: number | null;
  deposited: boolean | null;
  note: string | null;
  from_status: string;
  to_status: string;
}

export async function undoLastTransition(c: pg.PoolClient, req: FastifyRequest, id: number, version: number): Promise<void> {
  const p = (await c.query<ParcelStateRow & { id: number; cluster_id: number; commune_code: string; map_sheet_no: string; parcel_no: string; version: number; province_code: string }>(lockParcel, [id])).rows[0];
  if (!p) throw new HttpError(404, 'NOT_FOUND', `Parcel ${id} does not exist`);
  if (req.user) assertCanWrite(req, { provinceCode: p.province_code, communeCodes: [p.commune_code], clusterId: p.cluster_id });
  if (p.version !== version) await staleVersion(c, id, parcelLabel(p), version, p.version);
  const events = (await c.query<EventRow>(
    'SELECT id, seq, action, date, decision_no, signatory, amount, deposited, note, from_status, to_status FROM parcel_events WHERE parcel_id = $1 ORDER BY seq',
    [id],
  )).rows;
  const last = events.at(-1);
  if (!last) throw new HttpError(409, 'NO_HISTORY', `Parcel ${parcelLabel(p)} has no recorded transition to withdraw`);
  const rest = events.slice(0, -1);
  const s = replay(landGroupOf(p.legal_land_code), p.planned_on, rest.map((e) => ({ ...e, decisionNo: e.decision_no, deposited: e.deposited ?? undefined })))!;
  // A proposal typed on the record (not from a draft-plan step) stays.
  if (s.proposed === undefined && p.compensation_proposed !== null) s.proposed = p.compensation_proposed;
  await c.query('DELETE FROM parcel_events WHERE id = $1', [last.id]);
  await c.query(updateParcelState, [id, version, ...stateValues(s, p.planned_on)]);
  await writeAudit(c, {
    actor: actorOf(req),
    action: 'undo_transition',
    entity: 'parcel',
    entityId: id,
    before: { status: p.status, version, event: last },
    after: { status: s.status, version: version + 1 },
  });
}
