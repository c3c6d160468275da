import { useI18n } from '../../app/i18n';
import { formatHa } from '../../core/format/number';
import { zoomToFeature } from '../../map/zoom';
import type { PlotsCollection } from './api';
import { usePlots, vacantPlots } from './store';

/** Vacant industrial plots (Decree 32/2024/NĐ-CP Art. 19): click one to select it on the map. */
export function VacantList({ plots }: { plots: PlotsCollection }) {
  const { t, locale } = useI18n();
  const selectPlot = usePlots((s) => s.selectPlot);
  const vacant = vacantPlots(plots);
  const total = vacant.reduce((s, f) => s + f.properties.area_ha, 0);
  return (
    <section className="plots-card" data-testid="vacant-list" aria-label={t('plots.vacant.title')}>
      <h3>
        {t('plots.vacant.title')}{' '}
        <span className="muted" data-testid="vacant-count">({vacant.length} {t('plots.occ.plots')}, {formatHa(total, locale)})</span>
      </h3>
      <p className="muted small">{t('plots.vacant.note')}</p>
      {vacant.length === 0 ? (
        <p className="muted">{t('plots.vacant.none')}</p>
      ) : (
        <ul className="vacant-grid">
          {vacant.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                data-code={f.properties.code}
                onClick={() => {
                  selectPlot(f.id as number);
                  zoomToFeature(f, 17);
                }}
              >
                <strong>{f.properties.code}</strong> <span className="muted">{formatHa(f.properties.area_ha, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
