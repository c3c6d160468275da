/**
 * Loads a province's report data at the end of a period (or today): cluster records from the
 * history (migration 050), plots/projects/parcels read at the day from their own dates, then the
 * pure builders of src/core/reports do the arithmetic.
 */
import type pg from 'pg';
import type { Grouping } from '../../../src/core/reports/aggregate';
import type { ProvinceSummary } from '../../../src/core/reports/comparison';
import type { ClusterSnapshot, PeriodReports, ProjectAsOf, RecordAsOf } from '../../../src/core/reports/figures';
import { endOfDayVn, todayInVietnam, type ReportPeriod } from '../../../src/core/reports/periods';
import { projectStatusAsOf, type DatedProject } from '../../../src/core/reports/project-state';
import { buildRegistryReport, buildSummaryReport, type Clearance, type ProvinceReport } from '../../../src/core/reports/report';
import type { PlotHolding } from '../../../src/core/occupancy/occupancy';
import type { CapitalOrigin, PlotLandUse, ProjectStatus } from '../../../src/core/occupancy/land-use';
import { provinceProgress } from '../../clearance/progress';
import { HttpError } from '../../errors';
import * as q from '../../sql/reports.sql';

type Db = pg.Pool | pg.PoolClient;

export interface ProvinceOption {
  key: string;
  name: string;
  kind: 'registry' | 'summary';
  clusters: number | null;
  as_of_label: string | null;
}

export async function listProvinces(db: Db): Promise<ProvinceOption[]> {
  const reg = await db.query<{ key: string; name: string; clusters: number }>(q.registryProvinces);
  const sums = await summaries(db);
  return [
    ...reg.rows.map((r) => ({ key: r.key, name: r.name, kind: 'registry' as const, clusters: r.clusters, as_of_label: null })),
    ...sums.map((s) => ({
      key: s.key,
      name: s.name,
      kind: 'summary' as const,
      clusters: s.figures.find((f) => f.metric === 'clusters_count')?.value ?? null,
      as_of_label: s.as_of_label,
    })),
  ];
}

export async function summaries(db: Db): Promise<ProvinceSummary[]> {
  return (await db.query<ProvinceSummary>(q.comparisonProvinces)).rows;
}

export interface ReportRequest {
  province: string;
  /** null = today's figures. */
  period: ReportPeriod | null;
  grouping: Grouping;
}

interface ProjectRow extends Omit<DatedProject, 'status'> {
  id: number;
  cluster_id: number;
  status: ProjectStatus;
  capital_origin: CapitalOrigin;
  registered_capital_bn_vnd: number | null;
}

/** The report data; 404 when the province is neither in the registry nor a summary data set. */
export async function loadReport(db: Db, req: ReportRequest, now = new Date()): Promise<ProvinceReport> {
  const today = todayInVietnam(now);
  const summary = (await summaries(db)).find((s) => s.key === req.province);
  // Published figures have their own date: no reporting period applies.
  if (summary) return buildSummaryReport(summary, null, summary.as_of ?? today);

  const prov = await db.query<{ name: string }>(q.provinceName, [req.province]);
  if (!prov.rows[0]) throw new HttpError(404, 'NOT_FOUND', `Không có tỉnh ${req.province} (unknown province)`);

  // Figures as of the end of the period's last day, or now (an open period stops at today).
  const closed = req.period !== null && req.period.end < today;
  const asOf = closed ? req.period!.end : today;
  // Today: the open (current) version of every record, whatever the clocks of this host and the database.
  const instant = closed ? endOfDayVn(asOf) : 'infinity';

  const records = (await db.query<{ id: number; record: RecordAsOf }>(q.recordsAsOf, [instant, req.province])).rows;
  const ids = records.map((r) => r.id);

  const projects = (await db.query<ProjectRow>(q.projectsOf, [ids])).rows;
  const statusOf = new Map<number, ProjectStatus | null>(projects.map((p) => [p.id, projectStatusAsOf(p, asOf, today)]));
  const projectsByCluster = groupBy(projects, (p) => p.cluster_id);

  const plots = (await db.query<{ cluster_id: number; land_use: PlotLandUse; area_ha: number; project_id: number | null }>(q.plotsAsOf, [ids, asOf])).rows;
  const plotsByCluster = groupBy(plots, (p) => p.cluster_id);

  const reports = new Map<number, PeriodReports>();
  if (req.period) {
    const rows = (await db.query<PeriodReports & { cluster_id: number }>(q.periodReports, [req.period.id, ids])).rows;
    for (const r of rows) reports.set(r.cluster_id, r);
  }
  const established = new Map(
    (await db.query<{ cluster_id: number; date: string }>(q.establishmentDates, [ids, asOf])).rows.map((r) => [r.cluster_id, r.date]),
  );

  const snapshots: ClusterSnapshot[] = records.map(({ id, record }) => {
    const ps = projectsByCluster.get(id);
    const pl = plotsByCluster.get(id);
    return {
      id,
      record,
      plots: pl
        ? pl.map((p): PlotHolding => {
            const status = p.project_id === null ? null : (statusOf.get(p.project_id) ?? null);
            return { landUse: p.land_use, areaHa: p.area_ha, projectStatus: status };
          })
        : null,
      projects: ps ? ps.map((p): ProjectAsOf => ({ status: statusOf.get(p.id) ?? null, capital_origin: p.capital_origin, registered_capital_bn_vnd: p.registered_capital_bn_vnd })) : null,
      reports: reports.get(id) ?? null,
      established_on: (record.established_on && record.established_on <= asOf ? record.established_on : null) ?? established.get(id) ?? null,
    };
  });

  const codes = [...new Set(records.flatMap(({ record: r }) => [r.district_code_at_decision, ...r.commune_codes_current].filter((c): c is string => !!c)))];
  const names = Object.fromEntries((await db.query<{ code: string; full_name: string }>(q.unitNames, [codes])).rows.map((r) => [r.code, r.full_name]));

  return buildRegistryReport({
    province: { key: req.province, name: prov.rows[0].name },
    period: req.period,
    asOf,
    grouping: req.grouping,
    snapshots,
    unitNames: names,
    clearance: await clearance(db, ids, asOf),
  });
}

/**
 * Clearance per cluster from the clearance module (server/clearance/progress.ts: parcels replayed
 * from their event history at the day); undefined when that module has no data or fails.
 */
async function clearance(db: Db, ids: number[], asOf: string): Promise<Map<number, Clearance> | undefined> {
  const present = (await db.query<{ present: boolean }>(q.parcelsTableExists)).rows[0]?.present;
  if (!present) return undefined;
  try {
    const { clusters } = await provinceProgress(db, asOf);
    const out = new Map<number, Clearance>();
    for (const c of clusters) {
      if (!ids.includes(c.cluster_id) || c.progress.parcels === 0) continue;
      const p = c.progress;
      out.set(c.cluster_id, {
        parcels: p.parcels,
        handedOver: p.handedOver.parcels,
        areaHa: p.areaHa,
        handedOverHa: p.handedOver.areaHa,
        pct: p.areaHa > 0 ? p.handedOver.pctArea : null,
      });
    }
    return out;
  } catch {
    // The clearance module changed or failed: show the dashboard without it.
    return undefined;
  }
}

function groupBy<T>(xs: T[], key: (x: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}
