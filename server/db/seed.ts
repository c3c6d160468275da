import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { withTransaction } from './database';
import { seedParcels } from './seed-parcels';
import { seedPlan } from './seed-plan';
import { seedPlots } from './seed-plots';
import { seedComparison } from './seed-comparison';
import { seedHistory } from './seed-history';
import { seedBoundaryHistory } from './seed-registry';

const dataUrl = (p: string) => new URL(`../../data/${p}`, import.meta.url);
const readJson = <T>(p: string): T => JSON.parse(readFileSync(dataUrl(p), 'utf8')) as T;

interface GeoFeature<P> {
  properties: P;
  geometry: unknown;
}
interface FC<P> {
  features: GeoFeature<P>[];
}

interface SeedDecision {
  number: string;
  date: string;
  issuer: string;
  kind: string;
  legal_regime: string | null;
  summary: string | null;
  source: 'public' | 'illustrative';
}
interface SeedCluster {
  key: string;
  name: string;
  status: string;
  declared_area_ha: number | null;
  communes: string[];
  is_mountainous: boolean;
  is_craft_village: boolean;
  investor_name: string | null;
  investor_type: string | null;
  industries: string[];
  decisions: SeedDecision[];
}

const PROVINCE_CODE = '20';
/** District tier abolished by the 2025 administrative reform. */
const DISTRICTS_END = '2025-07-01';

async function insertUnits(c: pg.PoolClient, rows: object[]): Promise<void> {
  await c.query(
    `INSERT INTO admin_units (code, level, name, full_name, parent_code, valid_to, properties, geom)
     SELECT r->>'code', r->>'level', r->>'name', r->>'full_name', r->>'parent_code',
            (r->>'valid_to')::date, r->'properties',
            CASE WHEN r->>'level' = 'commune' THEN ST_Multi(g.geom) ELSE (
              -- Dissolved province/district outlines carry slivers between thinned communes:
              -- keep exterior rings of parts larger than 1 ha.
              SELECT ST_Multi(ST_Collect(ST_MakePolygon(ST_ExteriorRing(d.geom))))
              FROM ST_Dump(g.geom) AS d WHERE ST_Area(d.geom::geography) > 10000) END
     FROM json_array_elements($1::json) AS r,
          LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326) AS geom) AS g`,
    [JSON.stringify(rows)],
  );
}

/** Commune code: the GSO code where the commune still exists, else its 2009 census code. */
export const communeCode = (p: { gso_code_2025: string | null; census2009_code: string }): string =>
  p.gso_code_2025 ?? `c${p.census2009_code}`;

async function seedAdminUnits(c: pg.PoolClient): Promise<void> {
  const province = readJson<FC<{ name: string }>>('boundaries/province_langson_2009.geojson');
  const districts = readJson<FC<{ gso_code: string; name: string; full_name: string }>>(
    'boundaries/districts_langson_2009.geojson',
  );
  const communes = readJson<
    FC<{ gso_code_2025: string | null; census2009_code: string; name: string; full_name: string; district_gso_code: string }>
  >('boundaries/communes_langson_2009.geojson');
  await insertUnits(
    c,
    province.features.map((f) => ({
      code: PROVINCE_CODE, level: 'province', name: f.properties.name, full_name: `Tỉnh ${f.properties.name}`,
      parent_code: null, valid_to: null, properties: f.properties, geom: JSON.stringify(f.geometry),
    })),
  );
  await insertUnits(
    c,
    districts.features.map((f) => ({
      code: f.properties.gso_code, level: 'district', name: f.properties.name, full_name: f.properties.full_name,
      parent_code: PROVINCE_CODE, valid_to: DISTRICTS_END, properties: f.properties, geom: JSON.stringify(f.geometry),
    })),
  );
  await insertUnits(
    c,
    communes.features.map((f) => ({
      code: communeCode(f.properties), level: 'commune', name: f.properties.name, full_name: f.properties.full_name,
      parent_code: f.properties.district_gso_code, valid_to: null, properties: f.properties, geom: JSON.stringify(f.geometry),
    })),
  );
}

async function seedClusters(c: pg.PoolClient): Promise<void> {
  const { clusters } = readJson<{ clusters: SeedCluster[] }>('seed/clusters.json');
  const boundaries = readJson<FC<{ key: string }>>('seed/cluster-boundaries.geojson');
  for (const cl of clusters) {
    const district = await c.query<{ parent_code: string }>('SELECT parent_code FROM admin_units WHERE code = $1', [
      cl.communes[0],
    ]);
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO clusters (name, status, is_craft_village, is_mountainous, investor_name, investor_type, industries,
         declared_area_ha, province_code, district_code_at_decision, commune_codes_at_decision, commune_codes_current, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id`,
      [
        cl.name, cl.status, cl.is_craft_village, cl.is_mountainous, cl.investor_name, cl.investor_type, cl.industries,
        cl.declared_area_ha, PROVINCE_CODE, district.rows[0]?.parent_code ?? null, cl.communes,
        'Dữ liệu minh họa: ranh giới không phải ranh giới chính thức.',
      ],
    );
    const clusterId = rows[0]!.id;
    let lastDecision: { id: number; date: string } | undefined;
    for (const d of cl.decisions) {
      const r = await c.query<{ id: number }>(
        `INSERT INTO decisions (cluster_id, number, date, issuer, kind, legal_regime, summary, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [clusterId, d.number, d.date, d.issuer, d.kind, d.legal_regime, d.summary, d.source],
      );
      lastDecision = { id: r.rows[0]!.id, date: d.date };
    }
    const boundary = boundaries.features.find((f) => f.properties.key === cl.key);
    if (!boundary) throw new Error(`seed: no boundary for ${cl.key}`);
    await c.query(
      `INSERT INTO cluster_boundaries (cluster_id, decision_id, valid_from, is_current, is_illustrative, note, geom)
       VALUES ($1, $2, $3, true, true, $4, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($5), 4326)))`,
      [clusterId, lastDecision?.id ?? null, lastDecision?.date ?? null, 'Ranh giới minh họa (illustrative)', JSON.stringify(boundary.geometry)],
    );
  }
}

/** A step of the demo data; features add theirs to SEED_STEPS in order. */
export type SeedStep = (c: pg.PoolClient) => Promise<void>;

/** Every seed step, in order (later steps may use rows of earlier ones). Add one line per feature. */
export const SEED_STEPS: readonly SeedStep[] = [seedAdminUnits, seedClusters, seedPlan, seedPlots, seedBoundaryHistory, seedParcels, seedHistory, seedComparison];

/** Loads the demo data in one transaction: all of it or none. */
export async function seed(pool: pg.Pool): Promise<void> {
  await withTransaction(pool, async (c) => {
    for (const step of SEED_STEPS) await step(c);
    await c.query(
      `INSERT INTO audit_log (actor, action, entity, entity_id, after) VALUES ('system', 'seed', 'database', NULL, $1)`,
      [JSON.stringify({ source: 'data/seed' })],
    );
  });
}

/** Seeds only a database that has no administrative units yet; returns whether it did. */
export async function seedIfEmpty(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_units');
  if (rows[0]!.n > 0) return false;
  await seed(pool);
  return true;
}

/** Removes every application row (keeps the schema), for `npm run seed -- --reset`. */
export async function clearData(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ t: string }>(
    `SELECT quote_ident(tablename) AS t FROM pg_tables
     WHERE schemaname = current_schema() AND tablename NOT IN ('schema_migrations', 'spatial_ref_sys')`,
  );
  if (rows.length) await pool.query(`TRUNCATE ${rows.map((r) => r.t).join(', ')} RESTART IDENTITY CASCADE`);
}
