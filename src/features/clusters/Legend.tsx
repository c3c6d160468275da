import { clustersLayer } from '../../../layers/clusters.layer';
import { useI18n } from '../../app/i18n';

/** Legend of the cluster statuses (every layer's legend is in the layer panel). */
export function Legend() {
  const { t } = useI18n();
  return (
    <section className="legend" aria-label={t('layer.clusters')}>
      {clustersLayer.legend.map((r) => (
        <div key={r.labelKey} className="legend-row">
          <span className={`legend-swatch ${r.kind}`} style={{ background: r.color }} />
          {t(r.labelKey)}
        </div>
      ))}
    </section>
  );
}
