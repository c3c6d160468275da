import type pg from 'pg';
import type { OccupancyFigures } from '../../src/core/rules/types';
import { prepared } from '../db/prepared';

/** Statuses at which a cluster has an approved detailed plan. */
const WITH_DETAILED_PLAN = ['detailed_plan_approved', 'infrastructure_construction', 'operating', 'expanded', 'adjusted'];

interface Row {
  id: number;
  name: string;
  status: string;
  industrial_land_ha: number | null;
  leased_land_ha: number | null;
  approved_ha: number | null;
  plan_date: string | null;
  plots_industrial_ha: number | null;
  plots_occupied_ha: number | null;
}

/**
 * The occupancy figures of clusters, in the legal definition: industrial land leased or
 * covered by an investment approval ÷ industrial land of the approved detailed plan.
 * One place to switch source: computed from the plots of the detailed plan
 * (view `cluster_occupancy_computed`) where a cluster has plots, else the registry's
 * typed figures (leased, plus investment-approved land where recorded).
 */
export async function occupancyFigures(q: pg.Pool | pg.PoolClient, clusterIds: readonly number[]): Promise<OccupancyFigures[]> {
  if (!clusterIds.length) return [];
  const { rows } = await q.query<Row>(
    prepared(
      `SELECT c.id, c.name, c.status, c.industrial_land_ha, c.leased_land_ha, c.investment_approved_land_ha AS approved_ha,
            c.detailed_plan_approved_on AS plan_date,
            o.industrial_area_ha AS plots_industrial_ha, o.occupied_area_ha AS plots_occupied_ha
     FROM clusters c LEFT JOIN cluster_occupancy_computed o ON o.cluster_id = c.id
     WHERE c.id = ANY ($1::int[]) ORDER BY c.name`,
      [clusterIds],
    ),
  );
  return rows.map((r) => {
    const hasPlan = WITH_DETAILED_PLAN.includes(r.status) || r.plan_date !== null;
    if (r.plots_industrial_ha !== null && r.plots_industrial_ha > 0) {
      return {
        clusterId: r.id, name: r.name, industrialLandHa: Number(r.plots_industrial_ha), occupiedHa: Number(r.plots_occupied_ha ?? 0),
        hasDetailedPlan: true, source: 'plots' as const,
      };
    }
    // investment_approved_land_ha is approved land not (yet) leased: occupied = leased + approved.
    const occupied = r.leased_land_ha === null && r.approved_ha === null ? null : Number(r.leased_land_ha ?? 0) + Number(r.approved_ha ?? 0);
    return {
      clusterId: r.id, name: r.name, industrialLandHa: r.industrial_land_ha, occupiedHa: occupied,
      hasDetailedPlan: hasPlan && r.industrial_land_ha !== null, source: 'registry' as const,
    };
  });
}
