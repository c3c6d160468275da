/**
 * Progress figures of a cluster or of the whole province, as of today or of a
 * past date (replayed from the event history), and the monthly series.
 */
import type pg from 'pg';
import { addDays, addMonths, todayInVietnam } from '../../src/core/clearance/dates';
import { summarise, type ParcelFacts, type Progress } from '../../src/core/clearance/progress';
import { replay } from '../../src/core/clearance/replay';
import { HANDED_OVER_STATUSES, landGroupOf, STATUS_STEP } from '../../src/core/clearance/steps';
import { clusterEvents, clusterParcelsAsOf, type ParcelAsOf } from './asof';

export interface ClusterProgress {
  cluster_id: number;
  cluster_name: string;
  progress: Progress;
}

const facts = (p: ParcelAsOf): ParcelFacts => ({
  state: p.state,
  areaHa: p.row.area_ha,
  households: p.households,
  graves: p.graves,
  flags: p.row.flags,
});

/** Clusters that have parcels, by name. */
export async function clustersWithParcels(q: pg.Pool | pg.PoolClient): Promise<{ id: number; name: string }[]> {
  return (await q.query<{ id: number; name: string }>(
    'SELECT c.id, c.name FROM clusters c WHERE EXISTS (SELECT 1 FROM parcels p WHERE p.cluster_id = c.id) ORDER BY c.name',
  )).rows;
}

/** Progress of one cluster (as of a past date when given) with its parcels' facts. */
export async function clusterProgress(q: pg.Pool | pg.PoolClient, clusterId: number, asOf?: string) {
  const today = todayInVietnam();
  const past = asOf && asOf < today ? asOf : undefined;
  const parcels = await clusterParcelsAsOf(q, clusterId, past);
  return { parcels, progress: summarise(parcels.map(facts), past ?? today) };
}

/** Province-wide: every cluster with parcels, and the total (households counted once). */
export async function provinceProgress(q: pg.Pool | pg.PoolClient, asOf?: string) {
  const today = todayInVietnam();
  const day = asOf && asOf < today ? asOf : today;
  const clusters: ClusterProgress[] = [];
  const all: ParcelFacts[] = [];
  for (const c of await clustersWithParcels(q)) {
    const { parcels, progress } = await clusterProgress(q, c.id, asOf);
    clusters.push({ cluster_id: c.id, cluster_name: c.name, progress });
    all.push(...parcels.map(facts));
  }
  return { clusters, total: summarise(all, day) };
}

export interface TimelinePoint {
  /** Month, YYYY-MM, and the day its figures are taken (month end, or today for the current month). */
  month: string;
  date: string;
  handedOverHa: number;
  pctArea: number;
  approved: number;
  paid: number;
  /** Parcels whose status is at each step 1..12 (index 0 = step 1). */
  parcelsByStep: number[];
  notInPlan: number;
}

/** Month-end figures from the first recorded month to the current one. */
export async function clusterTimeline(q: pg.Pool | pg.PoolClient, clusterId: number): Promise<TimelinePoint[]> {
  const today = todayInVietnam();
  const parcels = await clusterParcelsAsOf(q, clusterId);
  if (!parcels.length) return [];
  const events = await clusterEvents(q, clusterId);
  const first = parcels.reduce((m, p) => (p.row.planned_on < m ? p.row.planned_on : m), today);
  const total = parcels.reduce((s, p) => s + p.row.area_ha, 0);
  const out: TimelinePoint[] = [];
  for (let m = `${first.slice(0, 7)}-01`; m <= today; m = addMonths(m, 1)) {
    const end = addDays(addMonths(m, 1), -1);
    const date = end < today ? end : today;
    const point: TimelinePoint = { month: m.slice(0, 7), date, handedOverHa: 0, pctArea: 0, approved: 0, paid: 0, parcelsByStep: Array(12).fill(0), notInPlan: 0 };
    for (const p of parcels) {
      const s = replay(landGroupOf(p.row.legal_land_code), p.row.planned_on, events.get(p.row.id) ?? [], date);
      if (!s) {
        point.notInPlan++;
        continue;
      }
      point.parcelsByStep[STATUS_STEP[s.status] - 1]!++;
      if (HANDED_OVER_STATUSES.includes(s.status)) point.handedOverHa += p.row.area_ha;
      point.approved += s.approved ?? 0;
      point.paid += s.paid ?? 0;
    }
    point.pctArea = total > 0 ? (100 * point.handedOverHa) / total : 0;
    out.push(point);
  }
  return out;
}
