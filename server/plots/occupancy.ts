/** Occupancy rows (view cluster_occupancy_computed + typed registry figures) as API objects. */
import type pg from 'pg';
import { effectiveOccupancyPct, typedOccupancyPct } from '../../src/core/occupancy/occupancy';
import { plotMapClass, type PlotLandUse, type ProjectStatus } from '../../src/core/occupancy/land-use';
import { rowToFeature } from '../schemas/geojson.schema';
import { occupancyOfCluster, plotById } from '../sql/plots.sql';

export interface OccupancyRow {
  cluster_id: number;
  cluster_name: string;
  industrial_land_ha: number | null;
  leased_land_ha: number | null;
  investment_approved_land_ha: number | null;
  plot_count: number | null;
  industrial_plot_count: number | null;
  occupied_plot_count: number | null;
  plan_area_ha: number | null;
  industrial_area_ha: number | null;
  occupied_area_ha: number | null;
  vacant_area_ha: number | null;
  occupancy_pct: number | null;
}

export function occupancyObject(r: OccupancyRow) {
  const computed =
    r.plot_count === null
      ? null
      : {
          plot_count: r.plot_count,
          industrial_plot_count: r.industrial_plot_count ?? 0,
          occupied_plot_count: r.occupied_plot_count ?? 0,
          plan_area_ha: r.plan_area_ha ?? 0,
          industrial_area_ha: r.industrial_area_ha ?? 0,
          occupied_area_ha: r.occupied_area_ha ?? 0,
          vacant_area_ha: r.vacant_area_ha ?? 0,
          occupancy_pct: r.occupancy_pct,
        };
  const typedPct = typedOccupancyPct(r.leased_land_ha, r.industrial_land_ha, r.investment_approved_land_ha);
  const eff = effectiveOccupancyPct(computed?.occupancy_pct, typedPct);
  return {
    cluster_id: r.cluster_id,
    cluster_name: r.cluster_name,
    computed,
    typed: {
      industrial_land_ha: r.industrial_land_ha,
      leased_land_ha: r.leased_land_ha,
      investment_approved_land_ha: r.investment_approved_land_ha,
      occupancy_pct: typedPct === null ? null : Math.round(typedPct * 10_000) / 10_000,
    },
    effective: { occupancy_pct: eff.pct, source: eff.source },
  };
}

export async function clusterOccupancy(q: pg.Pool | pg.PoolClient, clusterId: number) {
  const { rows } = await q.query<OccupancyRow>(occupancyOfCluster, [clusterId]);
  return rows[0] ? occupancyObject(rows[0]) : null;
}

export interface PlotRow {
  id: number;
  land_use: PlotLandUse;
  project_status: ProjectStatus | null;
  geometry: unknown;
  [k: string]: unknown;
}

export const plotFeature = (r: PlotRow) => rowToFeature({ ...r, map_class: plotMapClass(r.land_use, r.project_status) }, r.id);

export async function plotState(q: pg.Pool | pg.PoolClient, id: number) {
  const { rows } = await q.query<PlotRow>(plotById, [id]);
  return rows[0] ? plotFeature(rows[0]) : null;
}
