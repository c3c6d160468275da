import type pg from 'pg';
import type { OverlapTable } from '../../src/core/analysis/table';
import { degreesCovering, maxAbsLatitude } from '../../src/core/geometry/measure';
import { evaluateRules, type Evaluation } from '../../src/core/rules/evaluate';
import { ruleSetOn } from '../../src/core/rules/rule-sets';
import { SAFETY_CATEGORIES, safetyDistanceM } from '../../src/core/rules/safety.rules';
import type { Bilingual, OccupancyScope, RuleInput, RuleSet, SafetyCategory, SafetyMeasure } from '../../src/core/rules/types';
import { prepared } from '../db/prepared';
import { HttpError } from '../errors';
import { peerClusters, surroundings } from '../sql/analysis.sql';
import { measureSubject } from './overlap';
import { occupancyFigures } from './occupancy';
import { loadCluster, type ClusterRecord, type Subject } from './subject';

export interface RuleOptions {
  date?: string;
  ruleSet?: string;
  kind?: 'new' | 'expansion';
  mountainous?: boolean;
  craftVillage?: boolean;
  plannedAreaHa?: number;
  excludeClusterId?: number;
  expandsClusterId?: number;
  occupancyScope?: OccupancyScope;
  safetyDistancesM?: Partial<Record<SafetyCategory, number>>;
  infrastructure?: { roads?: boolean; waterSupply?: boolean; wastewater?: boolean };
}

/** Today in Vietnam (UTC+7), ISO. */
export const todayInVietnam = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** Hectares of the table's rows whose code is in `codes`, taking the layer that shows most. */
function categoryOverlap(t: OverlapTable, codes: readonly string[]): { ha: number; names: string[] } {
  let best = { ha: 0, names: [] as string[] };
  for (const l of t.layers) {
    const rows = l.codes.filter((r) => codes.includes(r.landCode));
    const ha = rows.reduce((s, r) => s + r.overlapHa, 0);
    if (ha > best.ha) best = { ha, names: [...new Set(rows.flatMap((r) => r.features.map((f) => f.name ?? `#${f.id}`)))] };
  }
  return best;
}

interface Unit {
  code: string;
  level: string;
  name: string;
  full_name: string;
  parent_code: string | null;
}

interface Nearest {
  category: SafetyCategory;
  name: string | null;
  land_code: string;
  distance_m: number;
}

/** The units the subject lies in and the nearest zone of each safety category (one statement). */
async function readSurroundings(q: pg.Pool | pg.PoolClient, s: Subject, rs: RuleSet, override?: RuleOptions['safetyDistancesM']) {
  const codes: string[] = [];
  const cats: string[] = [];
  for (const c of SAFETY_CATEGORIES) for (const code of rs.safety[c].landCodes) (codes.push(code), cats.push(c));
  const radius = Math.max(1000, ...SAFETY_CATEGORIES.map((c) => 2 * safetyDistanceM(rs, c, override)));
  const params = [s.geojson, s.srid, codes, cats, radius, degreesCovering(radius, maxAbsLatitude(s.geometry))];
  // No row: PostGIS found the subject empty or invalid (the overlap statement refuses it).
  const r = (await q.query<{ units: Unit[]; nearest: Nearest[] }>(prepared(surroundings, params))).rows[0] ?? { units: [], nearest: [] };
  return { units: r.units, nearest: r.nearest, radius };
}

type Surroundings = Awaited<ReturnType<typeof readSurroundings>>;

async function occupancyInput(q: pg.Pool | pg.PoolClient, s: Subject, units: Unit[], scope: OccupancyScope, exclude: number[]): Promise<RuleInput['occupancy']> {
  const district = units.find((u) => u.level === 'district');
  const districtCode = s.cluster?.district_code_at_decision ?? district?.code ?? null;
  const districtName = s.cluster?.district_name ?? district?.name ?? null;
  const communes = s.cluster?.commune_codes_current?.length ? s.cluster.commune_codes_current : units.filter((u) => u.level === 'commune').map((u) => u.code);
  const province = s.cluster?.province_code ?? district?.parent_code ?? null;
  let key: string | null;
  let label: Bilingual;
  if (scope === 'province') {
    key = province;
    label = { vi: 'địa bàn tỉnh', en: 'the province' };
  } else if (scope === 'commune') {
    key = communes.length ? 'communes' : null;
    const names = units.filter((u) => communes.includes(u.code)).map((u) => u.full_name).join(', ');
    label = { vi: `địa bàn ${names || 'xã'}`, en: `${names || 'the commune(s)'}` };
  } else {
    key = districtCode;
    const old = scope === 'former_district' ? ' (cũ)' : '';
    label = { vi: `địa bàn huyện ${districtName ?? '?'}${old}`, en: `${districtName ?? '?'} ${scope === 'former_district' ? 'former ' : ''}district` };
  }
  if (!key) return undefined;
  const { rows } = await q.query<{ id: number }>(prepared(peerClusters, [exclude, scope, key, communes]));
  return { scopeLabel: label, peers: await occupancyFigures(q, rows.map((r) => r.id)) };
}

async function expansionInput(q: pg.Pool | pg.PoolClient, s: Subject, opts: RuleOptions): Promise<RuleInput['expansion']> {
  const baseId = opts.expandsClusterId ?? opts.excludeClusterId ?? s.cluster?.id;
  const base = baseId !== undefined ? await loadCluster(q, baseId) : undefined;
  if (baseId !== undefined && !base) throw new HttpError(404, 'NOT_FOUND', `Cluster ${baseId} does not exist`);
  const current = base?.geometry
    ? (await measureSubject(q, { ...s, geojson: JSON.stringify(base.geometry), srid: base.tm3_srid })).planeHa
    : null;
  const occ = base ? ((await occupancyFigures(q, [base.id]))[0] ?? null) : null;
  return {
    currentAreaHa: current,
    occupancy: occ,
    infrastructure: {
      roads: opts.infrastructure?.roads ?? null,
      waterSupply: opts.infrastructure?.waterSupply ?? null,
      wastewater: opts.infrastructure?.wastewater ?? base?.wwtp_built ?? null,
    },
  };
}

function safetyInput(t: OverlapTable, around: Surroundings, rs: RuleSet): RuleInput['safety'] {
  const out: Partial<Record<SafetyCategory, SafetyMeasure>> = {};
  for (const c of SAFETY_CATEGORIES) {
    const r = around.nearest.find((x) => x.category === c);
    out[c] = {
      nearestM: r ? r.distance_m : null,
      nearestName: r ? (r.name ?? r.land_code) : null,
      overlapHa: categoryOverlap(t, rs.safety[c].landCodes).ha,
      searchedM: around.radius,
    };
  }
  return out;
}

/** What the rules read from the database: the units, the distances and the registry figures. */
export interface RuleFacts {
  date: string;
  ruleSet: RuleSet;
  around: Surroundings;
  occupancy: RuleInput['occupancy'];
  expansion: RuleInput['expansion'];
}

/**
 * Reads what the rules need besides the overlap table (it does not depend on it, so it can run
 * beside the overlap statement).
 */
export async function gatherRuleFacts(q: pg.Pool | pg.PoolClient, s: Subject, opts: RuleOptions): Promise<RuleFacts> {
  const date = opts.date ?? todayInVietnam();
  const rs = ruleSetOn(date, opts.ruleSet);
  if (!rs)
    throw new HttpError(422, 'NO_RULE_SET', opts.ruleSet ? `Unknown rule set "${opts.ruleSet}"` : `No rule set in force on ${date}: Decree 32/2024/NĐ-CP applies from 2024-05-01`);
  const kind = opts.kind ?? 'new';
  const around = await readSurroundings(q, s, rs, opts.safetyDistancesM);
  const exclude = [s.cluster?.id, opts.excludeClusterId, opts.expandsClusterId].filter((x): x is number => x !== undefined);
  return {
    date,
    ruleSet: rs,
    around,
    occupancy: kind === 'new' ? await occupancyInput(q, s, around.units, opts.occupancyScope ?? rs.occupancyNew.scope, exclude) : undefined,
    expansion: kind === 'expansion' ? await expansionInput(q, s, opts) : undefined,
  };
}

/**
 * Evaluates the rules on the overlap table and the gathered facts. `planCluster`: the saved
 * cluster whose record the rules read (the subject's, or the one a boundary redraws), already
 * loaded by the caller.
 */
export function evaluateSubject(
  facts: RuleFacts,
  t: OverlapTable,
  opts: RuleOptions,
  planCluster: ClusterRecord | null,
): { evaluation: Evaluation; input: RuleInput } {
  const residential = categoryOverlap(t, ['ONT', 'ODT']);
  const input: RuleInput = {
    date: facts.date,
    kind: opts.kind ?? 'new',
    areaHa: t.clusterHa,
    mountainous: opts.mountainous ?? planCluster?.is_mountainous ?? false,
    craftVillage: opts.craftVillage ?? planCluster?.is_craft_village ?? false,
    plannedAreaHa: opts.plannedAreaHa ?? planCluster?.declared_area_ha ?? null,
    residentialOverlapHa: residential.ha,
    residentialFeatures: residential.names,
    occupancy: facts.occupancy,
    expansion: facts.expansion,
    safetyDistancesM: opts.safetyDistancesM,
  };
  input.safety = safetyInput(t, facts.around, facts.ruleSet);
  const evaluation = evaluateRules(input, opts.ruleSet);
  if (opts.occupancyScope) {
    const r = evaluation.results.find((x) => x.ruleId === 'occupancy_new');
    if (r) r.numbers.scope = opts.occupancyScope;
  }
  return { evaluation, input };
}
