import type pg from 'pg';
import type { SeverityRow } from '../../src/core/analysis/table';
import type { RuleResult } from '../../src/core/rules/types';
import { HttpError } from '../errors';
import { runConflictCheck, type ConflictRequest, type ConflictResult } from './conflicts';

export interface ParcelSummary {
  /** Whether parcel data exists for this boundary at all. */
  available: boolean;
  parcels: number | null;
  households: number | null;
  overlapHa: number | null;
  /** Σ compensation (approved, else proposed) × share of the parcel inside, VND. */
  compensationVnd: number | null;
  parcelsWithoutFigures: number | null;
  note: string;
}

export interface Scenario {
  label: string;
  subject: ConflictResult['subject'];
  area: ConflictResult['area'];
  severities: SeverityRow[];
  byLayer: { layerId: string; codes: { landCode: string; severity: string; overlapHa: number }[]; uncoveredHa: number }[];
  rules: Pick<RuleResult, 'ruleId' | 'status' | 'article' | 'title' | 'message'>[];
  overall: ConflictResult['overall'];
  parcels: ParcelSummary;
}

export interface CompareRequest {
  items: (ConflictRequest & { label?: string })[];
  options?: ConflictRequest['options'];
}

/** Parcels of the clearance register under a boundary. */
export async function parcelSummary(q: pg.Pool | pg.PoolClient, geojson: string, srid: number): Promise<ParcelSummary> {
  const { rows } = await q.query<{ parcels: number; households: number | null; overlap_ha: number | null; compensation: number | null; without: number }>(
    `WITH s AS (SELECT g4, ST_Transform(g4, $2::int) AS gp FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g4) i),
     hit AS (
       SELECT p.id, coalesce(p.compensation_approved, p.compensation_proposed) AS amount, ST_Area(ST_Transform(p.geom, $2::int)) AS parcel_m2,
              ST_Area(ST_Intersection(ST_Transform(p.geom, $2::int), s.gp)) AS inside_m2
       FROM parcels p, s WHERE p.geom && s.g4 AND ST_Intersects(p.geom, s.g4)
     )
     SELECT count(*)::int AS parcels, (SELECT count(DISTINCT o.household_id) FROM parcel_owners o WHERE o.parcel_id IN (SELECT id FROM hit))::int AS households, sum(inside_m2) / 10000 AS overlap_ha,
            sum(amount * inside_m2 / nullif(parcel_m2, 0)) AS compensation,
            (count(*) FILTER (WHERE amount IS NULL))::int AS without
     FROM hit WHERE inside_m2 > 0.01`,
    [geojson, srid],
  );
  const r = rows[0]!;
  return {
    available: r.parcels > 0,
    parcels: r.parcels,
    households: r.households,
    overlapHa: r.overlap_ha,
    compensationVnd: r.compensation === null ? null : Math.round(Number(r.compensation)),
    parcelsWithoutFigures: r.without,
    note: r.parcels > 0 ? 'Bồi thường ước tính theo tỷ lệ diện tích thửa nằm trong ranh giới' : 'Không có thửa đất nào trong ranh giới',
  };
}

/** Two to four scenarios side by side: area, overlap by category, rules, parcels affected. */
export async function runCompare(q: pg.PoolClient, req: CompareRequest): Promise<Scenario[]> {
  if (req.items.length < 2 || req.items.length > 4) throw new HttpError(400, 'BAD_COMPARE', 'Compare two to four scenarios');
  const out: Scenario[] = [];
  for (const [i, item] of req.items.entries()) {
    const { label, ...conflictReq } = item;
    const r = await runConflictCheck(q, { ...conflictReq, options: { ...req.options, ...item.options, includeGeometry: false } });
    out.push({
      label: label ?? r.subject.name ?? `Phương án ${i + 1}`,
      subject: r.subject,
      area: r.area,
      severities: r.table.severities,
      byLayer: r.table.layers.map((l) => ({
        layerId: l.layerId,
        uncoveredHa: l.uncoveredHa,
        codes: l.codes.map((c) => ({ landCode: c.landCode, severity: c.severity, overlapHa: c.overlapHa })),
      })),
      rules: r.rules.map(({ ruleId, status, article, title, message }) => ({ ruleId, status, article, title, message })),
      overall: r.overall,
      parcels: await parcelSummary(q, JSON.stringify(r.geometry), r.srid),
    });
  }
  return out;
}
