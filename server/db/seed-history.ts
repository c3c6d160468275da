/**
 * Seed step: an ILLUSTRATIVE record history for the demo clusters, so reports of two periods
 * differ (Circular 14/2024/TT-BCT figures are "as of the period's end"). Dates and past figures
 * are invented except the two public decisions (502/QĐ-UBND 23/03/2022, 854/QĐ-UBND 02/06/2023).
 *
 * For each cluster the history written by earlier seed steps (all at seed time) is replaced:
 * the steps below are applied in date order as ordinary UPDATEs with `ccn.effective_at` set, so
 * the trigger of migration 050 writes the history, and the last step restores today's record.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Columns a step may set (server-side allow-list: they are written into the SQL). */
const FIELDS = [
  'status', 'investor_name', 'investor_type', 'industrial_land_ha', 'ready_land_ha', 'leased_land_ha', 'projects_count',
  'fdi_projects_count', 'operating_projects_count', 'registered_capital_bn_vnd', 'workers', 'wwtp_built', 'wwtp_compliant',
] as const;
type Field = (typeof FIELDS)[number];

/** Today's value of the field (the record as the other seed steps left it). */
const CURRENT = Symbol('current');
type Patch = Partial<Record<Field, string | number | boolean | null | typeof CURRENT>>;
interface Step {
  /** Effective date (Vietnam time, 09:00). */
  on: string;
  set: Patch;
}

const NO_FIGURES: Patch = {
  industrial_land_ha: null, ready_land_ha: null, leased_land_ha: null, projects_count: null, fdi_projects_count: null,
  operating_projects_count: null, registered_capital_bn_vnd: null, workers: null, wwtp_built: false, wwtp_compliant: false,
};

/** Illustrative timelines by seed key (data/seed/clusters.json); the record of today follows the last step. */
export const HISTORY: Record<string, Step[]> = {
  'dinh-lap': [
    { on: '2022-03-23', set: { status: 'in_plan', investor_name: null, investor_type: null } },
    { on: '2026-03-02', set: { status: CURRENT, investor_name: CURRENT, investor_type: CURRENT } },
  ],
  'hoa-son-1': [{ on: '2022-01-10', set: {} }],
  'ho-son-1': [
    { on: '2022-01-10', set: { status: 'in_plan', investor_name: null, ...NO_FIGURES } },
    { on: '2023-06-02', set: { status: 'established', investor_name: CURRENT } },
    { on: '2023-09-15', set: { status: 'detailed_plan_approved', industrial_land_ha: 48.5, ready_land_ha: 0, leased_land_ha: 0 } },
    { on: '2023-10-16', set: { status: 'infrastructure_construction', ready_land_ha: 12 } },
    { on: '2024-10-01', set: { status: 'operating', ready_land_ha: 20, leased_land_ha: 16.2, projects_count: 8, fdi_projects_count: 3,
      operating_projects_count: 2, registered_capital_bn_vnd: 1210, workers: 900 } },
    { on: '2025-06-14', set: { ready_land_ha: 32, leased_land_ha: 21.4, projects_count: 11, fdi_projects_count: 5, operating_projects_count: 5,
      registered_capital_bn_vnd: 2055, workers: 2100, wwtp_built: true } },
    { on: '2025-12-14', set: { ready_land_ha: 38, leased_land_ha: 24.9, projects_count: 12, fdi_projects_count: 6, operating_projects_count: 6,
      registered_capital_bn_vnd: 2480, workers: 2900 } },
    { on: '2026-06-14', set: {} },
  ],
  'minh-son': [{ on: '2022-01-10', set: {} }],
  'dong-mo': [{ on: '2022-01-10', set: {} }],
  'van-lang-2': [{ on: '2022-01-10', set: {} }],
  'binh-chuong': [{ on: '2024-05-20', set: {} }],
};

async function applyPatch(c: pg.PoolClient, id: number, on: string, patch: Record<string, unknown>): Promise<void> {
  // status is always written, so a step with nothing to change still opens the history.
  const cols = [...new Set(['status', ...Object.keys(patch)])].filter((k): k is Field => (FIELDS as readonly string[]).includes(k));
  await c.query(`SELECT set_config('ccn.effective_at', $1, true)`, [`${on} 09:00:00+07`]);
  await c.query(
    `UPDATE clusters c SET ${cols.map((k) => `${k} = r.${k}`).join(', ')}
     FROM jsonb_populate_record(NULL::clusters, $2::jsonb) AS r WHERE c.id = $1`,
    [id, JSON.stringify(patch)],
  );
}

export async function seedHistory(c: pg.PoolClient): Promise<void> {
  const seedFile = new URL('../../data/seed/clusters.json', import.meta.url);
  const { clusters } = JSON.parse(readFileSync(seedFile, 'utf8')) as { clusters: { key: string; name: string }[] };
  for (const { key, name } of clusters) {
    const steps = HISTORY[key];
    if (!steps) continue;
    const { rows } = await c.query<{ id: number; rec: Record<string, unknown> }>(
      'SELECT id, to_jsonb(c) AS rec FROM clusters c WHERE name = $1',
      [name],
    );
    const row = rows[0];
    if (!row) throw new Error(`seed-history: cluster ${name} not found`);
    await c.query('DELETE FROM cluster_history WHERE cluster_id = $1', [row.id]);
    // Cumulative state: today's record with every step so far applied.
    const state: Record<string, unknown> = { ...row.rec };
    const touched = new Set<string>(['status']);
    for (const step of steps) {
      for (const [k, v] of Object.entries(step.set)) {
        state[k] = v === CURRENT ? row.rec[k] : v;
        touched.add(k);
      }
      await applyPatch(c, row.id, step.on, Object.fromEntries([...touched].map((k) => [k, state[k]])));
    }
    // Today's record, effective from the last step (no new row when it is already equal).
    const last = steps[steps.length - 1]!.on;
    await applyPatch(c, row.id, last, Object.fromEntries([...touched].map((k) => [k, row.rec[k]])));
  }
  await c.query(`SELECT set_config('ccn.effective_at', '', true)`);
}
