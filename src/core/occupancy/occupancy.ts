import type { PlotLandUse, ProjectStatus } from './land-use';

/** What occupancy needs to know about one plot. */
export interface PlotHolding {
  landUse: PlotLandUse;
  /** Plane area in the cluster's VN-2000 TM-3 CRS, ha. */
  areaHa: number;
  /** Status of the project holding the plot now (lease or investment approval), if any. */
  projectStatus: ProjectStatus | null;
}

export interface Occupancy {
  industrialAreaHa: number;
  occupiedAreaHa: number;
  vacantAreaHa: number;
  industrialPlotCount: number;
  occupiedPlotCount: number;
  /** Occupied ÷ industrial × 100; null when the plan has no industrial plot. */
  occupancyPct: number | null;
}

/** A plot counts as occupied when a project that is not terminated holds it. */
export const isOccupied = (p: Pick<PlotHolding, 'projectStatus'>): boolean =>
  p.projectStatus !== null && p.projectStatus !== 'terminated';

/**
 * Occupancy of a cluster (Decree 32/2024/NĐ-CP, DOMAIN.md §2): industrial plot
 * area leased or covered by an investment approval ÷ industrial plot area of
 * the detailed plan. Non-industrial plots (roads, green, wastewater…) count in
 * neither term — occupancy is never divided by the gross cluster area.
 * @example computeOccupancy([{ landUse: 'industrial', areaHa: 3, projectStatus: 'operating' },
 *   { landUse: 'industrial', areaHa: 1, projectStatus: null }, { landUse: 'roads', areaHa: 2, projectStatus: null }])
 *   // → { industrialAreaHa: 4, occupiedAreaHa: 3, vacantAreaHa: 1, occupancyPct: 75, … }
 */
export function computeOccupancy(plots: readonly PlotHolding[]): Occupancy {
  let industrial = 0;
  let occupied = 0;
  let industrialCount = 0;
  let occupiedCount = 0;
  for (const p of plots) {
    if (p.landUse !== 'industrial') continue;
    if (!(p.areaHa >= 0) || !Number.isFinite(p.areaHa)) throw new RangeError(`plot area must be a finite number ≥ 0, got ${p.areaHa}`);
    industrial += p.areaHa;
    industrialCount++;
    if (isOccupied(p)) {
      occupied += p.areaHa;
      occupiedCount++;
    }
  }
  return {
    industrialAreaHa: industrial,
    occupiedAreaHa: occupied,
    vacantAreaHa: industrial - occupied,
    industrialPlotCount: industrialCount,
    occupiedPlotCount: occupiedCount,
    occupancyPct: industrial > 0 ? (100 * occupied) / industrial : null,
  };
}

/**
 * Occupancy from the typed registry figures ((clusters.leased_land_ha +
 * investment_approved_land_ha) ÷ industrial_land_ha), shown beside the computed
 * one; null when the industrial figure or both occupied figures are missing.
 * @example typedOccupancyPct(30.5, 52) // → 58.65…
 * @example typedOccupancyPct(26.9, 48.5, 3.1) // → 61.85…
 */
export function typedOccupancyPct(
  leasedHa: number | null | undefined,
  industrialHa: number | null | undefined,
  approvedHa: number | null | undefined = null,
): number | null {
  const none = (v: number | null | undefined) => v === null || v === undefined;
  if ((none(leasedHa) && none(approvedHa)) || !industrialHa) return null;
  return (100 * ((leasedHa ?? 0) + (approvedHa ?? 0))) / industrialHa;
}

/** The occupancy a consumer should use: computed when the cluster has plots, else the typed one. */
export function effectiveOccupancyPct(computedPct: number | null | undefined, typedPct: number | null | undefined): {
  pct: number | null;
  source: 'computed' | 'typed' | 'none';
} {
  if (computedPct !== null && computedPct !== undefined) return { pct: computedPct, source: 'computed' };
  if (typedPct !== null && typedPct !== undefined) return { pct: typedPct, source: 'typed' };
  return { pct: null, source: 'none' };
}
