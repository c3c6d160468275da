import { useI18n } from '../../app/i18n';
import { formatHa, formatNumber } from '../../core/format/number';
import type { Occupancy } from './api';
import { formatPct } from './format';

/** Occupancy computed from the plots, beside the figures typed in the registry. */
export function OccupancyCard({ occupancy }: { occupancy: Occupancy }) {
  const { t, locale } = useI18n();
  const c = occupancy.computed;
  const typed = occupancy.typed;
  const typedOccupied =
    typed.leased_land_ha === null && typed.investment_approved_land_ha === null
      ? null
      : (typed.leased_land_ha ?? 0) + (typed.investment_approved_land_ha ?? 0);
  return (
    <section className="plots-card occupancy" aria-label={t('plots.occ.title')}>
      <h3>{t('plots.occ.title')}</h3>
      <div className="occupancy-figures">
        <div>
          <div className="occupancy-big" data-testid="occupancy-computed">{formatPct(c?.occupancy_pct, locale)}</div>
          <div className="muted">{t('plots.occ.computed')}</div>
        </div>
        <div>
          <div className="occupancy-typed" data-testid="occupancy-typed">{formatPct(typed.occupancy_pct, locale)}</div>
          <div className="muted">
            {t('plots.occ.typed')} ({typedOccupied === null ? '—' : formatNumber(typedOccupied, 2, locale)}/
            {formatHa(typed.industrial_land_ha, locale)})
          </div>
        </div>
      </div>
      {c && (
        <dl className="plots-facts">
          <dt>{t('plots.occ.industrial')}</dt>
          <dd data-testid="occupancy-industrial">{formatHa(c.industrial_area_ha, locale)} · {c.industrial_plot_count} {t('plots.occ.plots')}</dd>
          <dt>{t('plots.occ.occupied')}</dt>
          <dd data-testid="occupancy-occupied">{formatHa(c.occupied_area_ha, locale)} · {c.occupied_plot_count} {t('plots.occ.plots')}</dd>
          <dt>{t('plots.occ.vacant')}</dt>
          <dd data-testid="occupancy-vacant">{formatHa(c.vacant_area_ha, locale)}</dd>
        </dl>
      )}
      <p className="plots-rule muted">{t('plots.occ.rule')}</p>
    </section>
  );
}
