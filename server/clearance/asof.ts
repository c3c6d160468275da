/**
 * The parcels of a cluster as they stood on a date, rebuilt from the event
 * history with the same state machine (the time slider and as-of progress).
 */
import type pg from 'pg';
import { gravesOf, type ParcelInventory } from '../../src/core/clearance/inventory';
import type { WorkflowState } from '../../src/core/clearance/machine';
import { replay, type RecordedEvent } from '../../src/core/clearance/replay';
import { landGroupOf, type ParcelStatus } from '../../src/core/clearance/steps';
import { eventsOfCluster, householdsOfCluster, parcelsOfCluster } from '../sql/parcels.sql';
import { stateFromRow, type ParcelStateRow } from './state';

export type ClusterParcelRow = ParcelStateRow & {
  id: number;
  map_sheet_no: string;
  parcel_no: string;
  current_land_code: string | null;
  flags: string[];
  notes: string | null;
  is_synthetic: boolean;
  version: number;
  area_ha: number;
  household_count: number;
  graves: ParcelInventory['graves'] | null;
  label_point: unknown;
  geometry: unknown;
};

export interface ParcelAsOf {
  row: ClusterParcelRow;
  /** undefined: not yet in the recovery plan on that date. */
  state: WorkflowState | undefined;
  households: number[];
  graves: { total: number; relocated: number };
}

interface EventRow {
  parcel_id: number;
  action: RecordedEvent['action'];
  date: string;
  decision_no: string | null;
  signatory: string | null;
  amount: number | null;
  deposited: boolean | null;
}

/** Every parcel's recorded events in a cluster: parcel id → events in recorded order. */
export async function clusterEvents(q: pg.Pool | pg.PoolClient, clusterId: number): Promise<Map<number, RecordedEvent[]>> {
  const events = new Map<number, RecordedEvent[]>();
  for (const e of (await q.query<EventRow>(eventsOfCluster, [clusterId])).rows) {
    const list = events.get(e.parcel_id) ?? [];
    list.push({ action: e.action, date: e.date, decisionNo: e.decision_no, signatory: e.signatory, amount: e.amount, deposited: e.deposited });
    events.set(e.parcel_id, list);
  }
  return events;
}

/**
 * Loads a cluster's parcels and, when `asOf` is given, replays each one's
 * events up to that date; without it, the stored current state.
 */
export async function clusterParcelsAsOf(q: pg.Pool | pg.PoolClient, clusterId: number, asOf?: string): Promise<ParcelAsOf[]> {
  const rows = (await q.query<ClusterParcelRow>(parcelsOfCluster, [clusterId])).rows;
  const hh = new Map((await q.query<{ parcel_id: number; households: number[] }>(householdsOfCluster, [clusterId])).rows.map((r) => [r.parcel_id, r.households]));
  const events = asOf ? await clusterEvents(q, clusterId) : undefined;
  return rows.map((row) => {
    const state = events ? replay(landGroupOf(row.legal_land_code), row.planned_on, events.get(row.id) ?? [], asOf) : stateFromRow(row);
    const g = gravesOf({ graves: row.graves ?? undefined });
    // Relocation dates are not recorded: graves count as relocated once the site was handed over by then.
    const relocated = !asOf ? g.relocated : state && (['handed_over', 'cadastre_updated'] as ParcelStatus[]).includes(state.status) ? g.total : 0;
    return { row, state, households: hh.get(row.id) ?? [], graves: { total: g.total, relocated: Math.min(relocated, g.total) } };
  });
}
