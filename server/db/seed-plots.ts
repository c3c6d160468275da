/**
 * Seed step: the SYNTHETIC detailed plan, tenant projects and inspections of
 * Cụm công nghiệp Hồ Sơn 1 (data/seed/plots/), and the cluster's registry
 * figures as a planner would have typed them from the last report. Also sets
 * Hồ Sơn 1 to `operating` (the demo's operating cluster).
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { Tenants } from '../../data/seed/plots/tenants';

export const DEMO_PLOTS_CLUSTER = 'Cụm công nghiệp Hồ Sơn 1';

const readJson = <T>(p: string): T => JSON.parse(readFileSync(new URL(`../../data/seed/plots/${p}`, import.meta.url), 'utf8')) as T;

interface PlotFeature {
  properties: { code: string; land_use: string; plan_area_ha: number; note: string | null };
  geometry: unknown;
}

/**
 * Typed registry figures (as reported at 14/06/2026, before the plots were mapped): they
 * differ from the computed ones on purpose, so the UI shows both side by side.
 */
const TYPED_FIGURES = {
  investor_name: 'Công ty CP Đầu tư hạ tầng Cụm công nghiệp Hồ Sơn (minh họa)',
  industrial_land_ha: 48.5,
  ready_land_ha: 42,
  leased_land_ha: 26.9,
  projects_count: 13,
  fdi_projects_count: 6,
  operating_projects_count: 7,
  registered_capital_bn_vnd: 2850,
  workers: 3300,
};

export async function seedPlots(c: pg.PoolClient): Promise<void> {
  const found = await c.query<{ id: number }>('SELECT id FROM clusters WHERE name = $1', [DEMO_PLOTS_CLUSTER]);
  const clusterId = found.rows[0]?.id;
  if (clusterId === undefined) throw new Error(`seed: cluster ${DEMO_PLOTS_CLUSTER} not found`);
  const f = TYPED_FIGURES;
  await c.query(
    `UPDATE clusters SET status = 'operating', investor_name = $2, industrial_land_ha = $3, ready_land_ha = $4,
       leased_land_ha = $5, projects_count = $6, fdi_projects_count = $7, operating_projects_count = $8,
       registered_capital_bn_vnd = $9, workers = $10, wwtp_built = true, wwtp_compliant = true, updated_at = now()
     WHERE id = $1`,
    [clusterId, f.investor_name, f.industrial_land_ha, f.ready_land_ha, f.leased_land_ha, f.projects_count,
      f.fdi_projects_count, f.operating_projects_count, f.registered_capital_bn_vnd, f.workers],
  );

  const plots = readJson<{ features: PlotFeature[] }>('ho-son-1.plots.geojson');
  const plotIds = new Map<string, number>();
  const inserted = await c.query<{ id: number; code: string }>(
    `INSERT INTO plots (cluster_id, code, land_use, plan_area_ha, note, is_synthetic, geom)
     SELECT $1, r->'properties'->>'code', r->'properties'->>'land_use', (r->'properties'->>'plan_area_ha')::numeric,
            r->'properties'->>'note', true, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r->>'geometry'), 4326))
     FROM json_array_elements($2::json) AS r
     RETURNING id, code`,
    [clusterId, JSON.stringify(plots.features)],
  );
  for (const r of inserted.rows) plotIds.set(r.code, r.id);

  const tenants = readJson<Tenants>('ho-son-1.tenants.json');
  const projectIds = new Map<string, number>();
  for (const p of tenants.projects) {
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO projects (cluster_id, name, investor_name, capital_origin, investor_country, industry,
         investment_cert_no, investment_cert_date, registered_capital_bn_vnd, disbursed_capital_bn_vnd,
         lease_contract_no, lease_contract_date, construction_start, operation_start, status, notes, is_synthetic)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, true) RETURNING id`,
      [clusterId, p.name, p.investor_name, p.capital_origin, p.investor_country, p.industry, p.investment_cert_no,
        p.investment_cert_date, p.registered_capital_bn_vnd, p.disbursed_capital_bn_vnd,
        p.lease ? `${p.key.slice(1)}/${p.lease.slice(0, 4)}/HĐTĐ` : null, p.lease, p.construction,
        p.operation, p.status, p.notes ?? null],
    );
    const projectId = rows[0]!.id;
    projectIds.set(p.key, projectId);
    for (const pl of p.plots) {
      const plotId = plotIds.get(pl.code);
      if (plotId === undefined) throw new Error(`seed: plot ${pl.code} not found`);
      await c.query('INSERT INTO project_plots (project_id, plot_id, leased_on, released_on) VALUES ($1, $2, $3, $4)', [
        projectId, plotId, pl.leased_on, pl.released_on,
      ]);
    }
    for (const [period, revenue, budget, workers, income] of p.reports ?? []) {
      await c.query(
        `INSERT INTO project_reports (project_id, period, revenue_bn_vnd, budget_paid_bn_vnd, workers, avg_income_mn_vnd)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [projectId, period, revenue, budget, workers, income],
      );
    }
  }

  for (const i of tenants.inspections) {
    const projectId = i.project === null ? null : projectIds.get(i.project);
    if (projectId === undefined) throw new Error(`seed: project ${i.project} not found`);
    const { rows } = await c.query<{ id: number }>(
      `INSERT INTO inspections (cluster_id, project_id, date, agency, scope, findings, is_synthetic)
       VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id`,
      [clusterId, projectId, i.date, i.agency, i.scope, i.findings],
    );
    for (const v of i.violations) {
      await c.query(
        `INSERT INTO violations (inspection_id, description, deadline, follow_up_status, resolved_on, follow_up_note)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [rows[0]!.id, v.description, v.deadline, v.status, v.resolved_on, v.note],
      );
    }
  }
}
