import type { MultiPolygon } from 'geojson';
import type pg from 'pg';
import { trimSeverities } from '../../src/core/analysis/severity';
import { LAND_CODES, LEGACY_LAND_CODES } from '../../src/core/land/codes';
import { areaBandRule } from '../../src/core/rules/area.rules';
import { ruleSetOn } from '../../src/core/rules/rule-sets';
import type { RuleResult } from '../../src/core/rules/types';
import { HttpError } from '../errors';
import { trimToBuildable } from '../sql/analysis-trim.sql';
import { todayInVietnam } from './rules';
import { resolveSubject, type SubjectRequest } from './subject';

export interface TrimRequest extends SubjectRequest {
  options?: {
    /** Also leave out land that needs a conversion approval (rice land, production forest). */
    excludeNeedsApproval?: boolean;
    /** Parts smaller than this are dropped (slivers), ha. */
    minPartHa?: number;
    date?: string;
    mountainous?: boolean;
    craftVillage?: boolean;
  };
}

export interface TrimResult {
  geometry: MultiPolygon | null;
  originalHa: number;
  areaHa: number;
  ellipsoidalHa: number;
  removedHa: number;
  droppedParts: number;
  droppedHa: number;
  parts: number;
  removedCodes: string[];
  /** The area band rule on the trimmed boundary: does it still meet the minimum? */
  meetsMinimum: boolean;
  areaRule: RuleResult;
}

/** Land codes (current and legacy) whose severity is one of these. */
export function codesOfSeverities(excludeNeedsApproval: boolean): string[] {
  const sev = trimSeverities(excludeNeedsApproval);
  const current = LAND_CODES.filter((c) => sev.includes(c.severity)).map((c) => c.code);
  const legacy = Object.entries(LEGACY_LAND_CODES).filter(([, to]) => current.includes(to)).map(([from]) => from);
  return [...current, ...legacy];
}

/**
 * "Trim to buildable": the boundary minus blocking land (special-use and protection
 * forest, defence, security, relics) and optionally minus land needing approval, cut in
 * the TM-3 plane with a 5 cm margin so a re-check finds no overlap; slivers dropped.
 */
export async function runTrim(q: pg.Pool | pg.PoolClient, req: TrimRequest): Promise<TrimResult> {
  const o = req.options ?? {};
  const s = await resolveSubject(q, req);
  const date = o.date ?? todayInVietnam();
  const rs = ruleSetOn(date);
  if (!rs) throw new HttpError(422, 'NO_RULE_SET', `No rule set in force on ${date}: Decree 32/2024/NĐ-CP applies from 2024-05-01`);
  const codes = codesOfSeverities(o.excludeNeedsApproval ?? false);
  const { rows } = await q.query<{
    geometry: MultiPolygon | null;
    original_ha: number;
    area_ha: number | null;
    ellipsoidal_ha: number | null;
    parts: number;
    dropped_parts: number;
    dropped_ha: number | null;
    removed_codes: string[] | null;
    valid: boolean | null;
  }>(trimToBuildable, [s.geojson, s.srid, codes, 0.05, (o.minPartHa ?? 0.05) * 10_000]);
  const r = rows[0]!;
  if (r.valid === false) throw new Error('trim produced an invalid geometry');
  const areaHa = r.area_ha ?? 0;
  const areaRule = areaBandRule(
    {
      date,
      kind: 'new',
      areaHa,
      mountainous: o.mountainous ?? s.cluster?.is_mountainous ?? false,
      craftVillage: o.craftVillage ?? s.cluster?.is_craft_village ?? false,
      residentialOverlapHa: 0,
    },
    rs,
  );
  return {
    geometry: r.geometry,
    originalHa: r.original_ha,
    areaHa,
    ellipsoidalHa: r.ellipsoidal_ha ?? 0,
    removedHa: Math.max(0, r.original_ha - areaHa),
    droppedParts: r.dropped_parts,
    droppedHa: r.dropped_ha ?? 0,
    parts: r.parts,
    removedCodes: r.removed_codes ?? [],
    meetsMinimum: areaRule.status === 'pass' || areaHa > rs.area.maxHa,
    areaRule,
  };
}
