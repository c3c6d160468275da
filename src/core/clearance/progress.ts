/**
 * Clearance progress of a set of parcels (a cluster, a province): hectares and
 * share handed over, parcels and households by status, money approved vs paid,
 * graves relocated of total, overdue items, blocking flags.
 */
import { OVERDUE_KINDS, overdueOf, type OverdueKind } from './deadlines';
import type { WorkflowState } from './machine';
import { BLOCKING_FLAGS, HANDED_OVER_STATUSES, PARCEL_STATUSES, type BlockingFlag, type ParcelStatus } from './steps';

export interface ParcelFacts {
  /** undefined: not yet in the recovery plan. */
  state: WorkflowState | undefined;
  areaHa: number;
  households: readonly number[];
  graves: { total: number; relocated: number };
  flags: readonly string[];
}

export interface StatusFigures {
  parcels: number;
  areaHa: number;
  /** Households with at least one parcel at this status. */
  households: number;
}

export interface Progress {
  parcels: number;
  areaHa: number;
  households: number;
  handedOver: {
    parcels: number;
    areaHa: number;
    /** Share of the parcels' area handed over, % (0 when there is no parcel). */
    pctArea: number;
    /** Households all of whose parcels are handed over. */
    households: number;
  };
  notInPlan: number;
  byStatus: Record<ParcelStatus, StatusFigures>;
  money: { proposed: number; approved: number; paid: number; pctPaidOfApproved: number };
  graves: { total: number; relocated: number };
  /** Parcels with each overdue item on the date. */
  overdue: Record<OverdueKind, number>;
  flags: Record<BlockingFlag, number>;
}

const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : 0);

export function summarise(parcels: readonly ParcelFacts[], asOf: string): Progress {
  const byStatus = Object.fromEntries(PARCEL_STATUSES.map((s) => [s, { parcels: 0, areaHa: 0, households: 0 }])) as Record<ParcelStatus, StatusFigures>;
  const householdsByStatus = new Map<ParcelStatus, Set<number>>();
  const allHouseholds = new Set<number>();
  const notDone = new Set<number>();
  const overdue = Object.fromEntries(OVERDUE_KINDS.map((k) => [k, 0])) as Record<OverdueKind, number>;
  const flags = Object.fromEntries(BLOCKING_FLAGS.map((k) => [k, 0])) as Record<BlockingFlag, number>;
  const out: Progress = {
    parcels: parcels.length, areaHa: 0, households: 0,
    handedOver: { parcels: 0, areaHa: 0, pctArea: 0, households: 0 },
    notInPlan: 0, byStatus,
    money: { proposed: 0, approved: 0, paid: 0, pctPaidOfApproved: 0 },
    graves: { total: 0, relocated: 0 }, overdue, flags,
  };
  for (const p of parcels) {
    out.areaHa += p.areaHa;
    out.graves.total += p.graves.total;
    out.graves.relocated += p.graves.relocated;
    for (const f of p.flags) if (f in flags) flags[f as BlockingFlag]++;
    for (const h of p.households) allHouseholds.add(h);
    const s = p.state;
    const done = !!s && HANDED_OVER_STATUSES.includes(s.status);
    if (!done) for (const h of p.households) notDone.add(h);
    if (!s) {
      out.notInPlan++;
      continue;
    }
    const fig = byStatus[s.status];
    fig.parcels++;
    fig.areaHa += p.areaHa;
    const set = householdsByStatus.get(s.status) ?? new Set<number>();
    for (const h of p.households) set.add(h);
    householdsByStatus.set(s.status, set);
    if (done) {
      out.handedOver.parcels++;
      out.handedOver.areaHa += p.areaHa;
    }
    out.money.proposed += s.proposed ?? 0;
    out.money.approved += s.approved ?? 0;
    out.money.paid += s.paid ?? 0;
    for (const o of overdueOf(s, asOf)) overdue[o.kind]++;
  }
  for (const [s, set] of householdsByStatus) byStatus[s].households = set.size;
  out.households = allHouseholds.size;
  out.handedOver.households = [...allHouseholds].filter((h) => !notDone.has(h)).length;
  out.handedOver.pctArea = pct(out.handedOver.areaHa, out.areaHa);
  out.money.pctPaidOfApproved = pct(out.money.paid, out.money.approved);
  return out;
}
