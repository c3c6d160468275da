import { CLUSTER_STATUS_COLORS } from '../../../layers/clusters.layer';
import { useI18n } from '../../app/i18n';
import { CLUSTER_STATUSES } from '../../core/clusters/status';
import { formatNumber } from '../../core/format/number';
import { EXCLUSION_LABELS, STATUS_LABELS } from '../../core/reports/labels';
import type { RegistryReport, SummaryReport } from '../../core/reports/report';
import { HBarChart, type Bar } from './HBarChart';
import { formatPct } from './format';

const shortName = (n: string) => n.replace(/^Cụm công nghiệp /, '');
const PCT_TICKS: [number, string][] = [0, 25, 50, 75, 100].map((v) => [v, `${v} %`]);

/** Number and hectares of clusters by lifecycle status. */
export function StatusChart({ report }: { report: RegistryReport }) {
  const { t, locale } = useI18n();
  const bars: Bar[] = CLUSTER_STATUSES.filter((s) => report.total.byStatus[s]).map((s) => {
    const x = report.total.byStatus[s]!;
    return {
      key: s,
      label: STATUS_LABELS[s][locale],
      value: x.count ?? 0,
      color: CLUSTER_STATUS_COLORS[s],
      text: `${x.count} ${t('dash.clusterCount')} · ${formatNumber(x.ha ?? 0, 2, locale)} ha`,
    };
  });
  return (
    <section className="dash-card">
      <h3>{t('dash.chart.status')}</h3>
      <HBarChart bars={bars} testId="chart-status" ariaLabel={t('dash.chart.status')} />
    </section>
  );
}

/** Occupancy of each cluster with a detailed plan, the (legal) average, and who is left out. */
export function OccupancyChart({ report, onOpen }: { report: RegistryReport; onOpen: (id: number) => void }) {
  const { t, locale } = useI18n();
  const counted = report.clusters.filter((c) => c.occupancyPct !== null && c.excludedBecause === null);
  const bars: Bar[] = counted.map((c) => ({
    key: c.id,
    label: shortName(c.name),
    value: c.occupancyPct!,
    color: c.occupancySource === 'computed' ? '#1d4f91' : '#6e8fbf',
    text: `${formatPct(c.occupancyPct, locale)} (${t(`dash.source.${c.occupancySource}`)})`,
    title: `${formatNumber(c.occupiedHa ?? 0, 2, locale)} ha ÷ ${formatNumber(c.industrialHa ?? 0, 2, locale)} ha`,
  }));
  const avg = report.total.occupancy.pct;
  const excluded = report.total.occupancy.excluded;
  return (
    <section className="dash-card">
      <h3>{t('dash.chart.occupancy')}</h3>
      {bars.length ? (
        <HBarChart
          bars={bars}
          max={100}
          ticks={PCT_TICKS}
          reference={avg === null ? undefined : { value: avg, label: `${t('dash.chart.average')} ${formatPct(avg, locale)}` }}
          testId="chart-occupancy"
          ariaLabel={t('dash.chart.occupancy')}
        />
      ) : (
        <p className="muted">{t('dash.noOccupancy')}</p>
      )}
      {excluded.length > 0 && (
        <p className="dash-note" data-testid="occupancy-excluded">
          {t('dash.excluded')} ({excluded.length}):{' '}
          {excluded.map((e, i) => (
            <span key={e.id}>
              {i > 0 && '; '}
              <button type="button" className="link" onClick={() => onOpen(e.id)}>
                {shortName(e.name)}
              </button>{' '}
              — {EXCLUSION_LABELS[e.reason][locale]}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

/** Share of each cluster's parcel area handed over (from the clearance module). */
export function ClearanceChart({ report }: { report: RegistryReport }) {
  const { t, locale } = useI18n();
  const rows = report.clusters.filter((c) => c.clearance && c.clearance.parcels > 0);
  const bars: Bar[] = rows.map((c) => ({
    key: c.id,
    label: shortName(c.name),
    value: c.clearance!.pct ?? 0,
    color: '#2f7d32',
    text: `${formatPct(c.clearance!.pct ?? 0, locale)} · ${formatNumber(c.clearance!.handedOverHa, 2, locale)}/${formatNumber(c.clearance!.areaHa, 2, locale)} ha`,
  }));
  return (
    <section className="dash-card">
      <h3>{t('dash.chart.clearance')}</h3>
      {bars.length ? (
        <HBarChart bars={bars} max={100} ticks={PCT_TICKS} testId="chart-clearance" ariaLabel={t('dash.chart.clearance')} />
      ) : (
        <p className="muted">{t('dash.noClearance')}</p>
      )}
    </section>
  );
}

/** Summary provinces: the published occupancy beside the one the published amounts give. */
export function PublishedOccupancyChart({ report }: { report: SummaryReport }) {
  const { t, locale } = useI18n();
  const o = report.occupancy;
  const bars: Bar[] = [];
  if (o.published !== null) bars.push({ key: 'p', label: t('dash.published'), value: o.published, color: '#8c959f', text: formatPct(o.published, locale) });
  if (o.computed !== null) bars.push({ key: 'c', label: t('dash.computed'), value: o.computed, color: '#1d4f91', text: formatPct(o.computed, locale) });
  if (!bars.length) return null;
  return (
    <section className="dash-card">
      <h3>{t('dash.chart.published')}</h3>
      <HBarChart bars={bars} max={100} ticks={PCT_TICKS} testId="chart-published" ariaLabel={t('dash.chart.published')} />
    </section>
  );
}
