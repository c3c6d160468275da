/**
 * A parcel as the API answers it: the record (no personal data), the workflow's
 * dates, the deadlines the law derives from them, what is overdue today, the
 * actions allowed next, and the event history.
 */
import type pg from 'pg';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { deadlinesOf, overdueOf } from '../../src/core/clearance/deadlines';
import { actionsFrom } from '../../src/core/clearance/machine';
import { STATUS_STEP } from '../../src/core/clearance/steps';
import { HttpError } from '../errors';
import { eventsOfParcel, parcelById } from '../sql/parcels.sql';
import { stateFromRow, type ParcelStateRow } from './state';

export type ParcelRow = ParcelStateRow & {
  id: number;
  cluster_id: number;
  commune_code: string;
  map_sheet_no: string;
  parcel_no: string;
  version: number;
  geometry: unknown;
  [k: string]: unknown;
};

/** Shapes a parcel row (+ events) into the API's Feature. */
export function toParcelFeature(row: ParcelRow, events: unknown[] | undefined, today = todayInVietnam()) {
  const { geometry, ...props } = row;
  const s = stateFromRow(row);
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry,
    properties: {
      ...props,
      step: STATUS_STEP[row.status],
      land_group: s.landGroup,
      deadlines: deadlinesOf(s),
      overdue: overdueOf(s, today),
      allowed_actions: actionsFrom(row.status),
    },
    ...(events ? { events } : {}),
  };
}

/** Reads one parcel with its history on the given connection; 404 when it does not exist. */
export async function readParcel(q: pg.Pool | pg.PoolClient, id: number) {
  const { rows } = await q.query<ParcelRow>(parcelById, [id]);
  const row = rows[0];
  if (!row) throw new HttpError(404, 'NOT_FOUND', `Parcel ${id} does not exist`);
  const events = await q.query(eventsOfParcel, [id]);
  return toParcelFeature(row, events.rows);
}

/** 409 with the parcel as it is now, so the editor can see what changed and retry. */
export async function staleVersion(q: pg.PoolClient, id: number, label: string, sent: number, current: number): Promise<never> {
  const now = await readParcel(q, id);
  throw new HttpError(
    409,
    'VERSION_CONFLICT',
    `Parcel ${label} was changed by someone else (current version ${current}, yours ${sent}); reload and retry`,
    { current: now },
  );
}

/** Turns a constraint error into a 4xx (the transaction is rolled back). */
export function mapDbError(err: unknown): never {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e.code === '23505') throw new HttpError(409, 'DUPLICATE', `Already exists (${e.constraint ?? 'unique'})`, { detail: e.detail });
  if (e.code === '23514') throw new HttpError(422, 'CONSTRAINT', `Refused by rule ${e.constraint ?? 'check'}`, { constraint: e.constraint });
  if (e.code === '23503') throw new HttpError(422, 'REFERENCE', `Refers to a record that does not exist (${e.constraint ?? 'foreign key'})`);
  throw err;
}
