import type { ReactNode } from 'react';
import { useI18n, type Translate } from '../../app/i18n';
import { useApp } from '../../app/store';
import { formatDate, formatHa, formatNumber, type Locale } from '../../core/format/number';
import type { Totals } from '../../core/reports/aggregate';
import { periodLabel } from '../../core/reports/periods';
import type { ProvinceReport, RegistryReport, SummaryReport } from '../../core/reports/report';
import { dashboardTables } from '../../core/reports/tables';
import { zoomToFeature } from '../../map/zoom';
import { useClusters } from '../clusters/store';
import { scopeQuery } from './api';
import { ClearanceChart, OccupancyChart, PublishedOccupancyChart, StatusChart } from './DashboardCharts';
import { DataTable } from './DataTable';
import { formatPct } from './format';
import { useDashboard } from './store';

/** Opens a cluster on the map: the clusters tab, the cluster selected, the map zoomed to it. */
export function openClusterOnMap(id: number): void {
  const app = useApp.getState();
  app.setActiveTab('clusters');
  app.selectCluster(id);
  const f = useClusters.getState().clusters?.features.find((c) => c.properties.id === id);
  if (f) zoomToFeature(f);
}

function Kpi({ label, value, detail, testId }: { label: string; value: string; detail?: ReactNode; testId?: string }) {
  return (
    <div className="dash-kpi">
      <div className="dash-kpi-label">{label}</div>
      <div className="dash-kpi-value" data-testid={testId}>
        {value}
      </div>
      {detail && <div className="dash-kpi-detail">{detail}</div>}
    </div>
  );
}

const n = (v: number | null | undefined, l: Locale, digits = 0) => (v === null || v === undefined ? '—' : formatNumber(v, digits, l));

/** "> " or "≈ " before a published figure that is not exact. */
function qualifierOf(r: ProvinceReport, metric: string): string {
  if (r.kind !== 'summary') return '';
  const q = r.summary.figures.find((f) => f.metric === metric)?.qualifier;
  return q && q !== '=' ? `${q} ` : '';
}

function Kpis({ report, t, locale }: { report: ProvinceReport; t: Translate; locale: Locale }) {
  const total: Totals = report.total;
  const fill = (key: string, vars: Record<string, string>) => Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, v), t(key));
  return (
    <div className="dash-kpis">
      <Kpi label={t('dash.kpi.clusters')} value={n(total.clusters.count, locale)} testId="kpi-clusters" />
      <Kpi label={t('dash.kpi.area')} value={formatHa(total.clusters.ha, locale)} testId="kpi-area" />
      <Kpi
        label={t('dash.kpi.operating')}
        value={n(total.operating.count, locale)}
        detail={total.operating.ha === null ? undefined : formatHa(total.operating.ha, locale)}
      />
      <Kpi label={t('dash.kpi.industrial')} value={formatHa(total.industrialHa, locale)} />
      <Kpi label={t('dash.kpi.ready')} value={formatHa(total.readyHa, locale)} />
      <Kpi label={t('dash.kpi.leased')} value={formatHa(total.occupiedHa, locale)} />
      <Kpi
        label={t('dash.kpi.occupancy')}
        value={formatPct(total.occupancy.pct, locale)}
        testId="kpi-occupancy"
        detail={total.occupancy.included === null ? undefined : fill('dash.kpi.occupancyOf', { n: String(total.occupancy.included) })}
      />
      <Kpi
        label={t('dash.kpi.projects')}
        value={n(total.projects, locale)}
        detail={fill('dash.kpi.projectsDetail', { fdi: n(total.fdiProjects, locale), op: n(total.operatingProjects, locale) })}
      />
      <Kpi label={t('dash.kpi.capital')} value={total.capitalBnVnd === null ? '—' : `${qualifierOf(report, 'registered_capital_bn_vnd')}${n(total.capitalBnVnd, locale, 1)} ${t('dash.bnVnd')}`} />
      <Kpi label={t('dash.kpi.workers')} value={total.workers === null ? '—' : `${qualifierOf(report, 'workers')}${n(total.workers, locale)}`} />
      <Kpi label={t('dash.kpi.wwtp')} value={n(total.wwtpBuilt, locale)} detail={total.wwtpCompliant === null ? undefined : fill('dash.kpi.wwtpDetail', { ok: n(total.wwtpCompliant, locale) })} />
    </div>
  );
}

function RegistryView({ report, query }: { report: RegistryReport; query: string }) {
  const { t, locale } = useI18n();
  const tables = dashboardTables(report, locale);
  return (
    <>
      <div className="dash-grid">
        <StatusChart report={report} />
        <OccupancyChart report={report} onOpen={openClusterOnMap} />
      </div>
      <DataTable table={tables.clusters!} heading={t('dash.table.clusters')} query={query} onRowClick={openClusterOnMap} testId="dash-clusters-table" />
      <div className="dash-grid">
        <DataTable table={tables.units!} heading={t('dash.table.units')} query={query} testId="dash-units-table" />
        <DataTable table={tables.status!} heading={t('dash.table.status')} query={query} />
      </div>
      <div className="dash-grid">
        <ClearanceChart report={report} />
        <DataTable table={tables.clearance!} heading={t('dash.table.clearance')} query={query} onRowClick={openClusterOnMap} />
      </div>
    </>
  );
}

function SummaryView({ report, query }: { report: SummaryReport; query: string }) {
  const { t, locale } = useI18n();
  const tables = dashboardTables(report, locale);
  return (
    <>
      <p className="dash-note">
        {t('dash.summaryNote')} · {report.summary.as_of_label} · {report.summary.source}
        {report.summary.merged_into ? ` · ${report.summary.merged_into}` : ''}
      </p>
      <div className="dash-grid">
        <DataTable table={tables.published!} heading={t('dash.table.published')} query={query} testId="dash-published-table" />
        <PublishedOccupancyChart report={report} />
      </div>
    </>
  );
}

function subtitle(r: ProvinceReport, t: Translate, locale: Locale): string {
  if (r.kind === 'summary') return `${t('dash.summaryNote')} · ${r.summary.as_of_label}`;
  const asOf = `${t('dash.asOf')} ${formatDate(r.asOf)}`;
  return r.period ? `${periodLabel(r.period, locale)} · ${asOf}` : `${t('dash.now')} · ${asOf}`;
}

/** The dashboard page, over the map while the dashboard tab is active. */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const active = useApp((s) => s.activeTab === 'dashboard');
  const s = useDashboard();
  if (!active) return null;
  const r = s.report;
  const query = scopeQuery(s);
  return (
    <main className="dash-page" data-testid="dashboard" aria-busy={s.loading}>
      <header className="dash-page-header">
        <div>
          <h2>
            {t('dash.title')} — {r?.province.name ?? ''}
          </h2>
          {r && <p className="muted">{subtitle(r, t, locale)}</p>}
        </div>
        <button type="button" className="icon-button" onClick={() => useApp.getState().setActiveTab('clusters')}>
          {t('dash.close')}
        </button>
      </header>
      {s.error && (
        <p role="alert" className="error">
          {t('dash.error')}: {s.error}
        </p>
      )}
      {!r && !s.error && <p className="muted">{t('dash.loading')}</p>}
      {r && <Kpis report={r} t={t} locale={locale} />}
      {r?.kind === 'registry' && <RegistryView report={r} query={query} />}
      {r?.kind === 'summary' && <SummaryView report={r} query={query} />}
    </main>
  );
}
