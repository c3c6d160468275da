import { LAYER_REGISTRY } from '../../../layers';
import { useI18n } from '../../app/i18n';

/** Legend of the visible layers, from each layer's own legend definition. */
export function Legend() {
  const { t } = useI18n();
  const rows = LAYER_REGISTRY.flatMap((l) => l.legend);
  return (
    <section className="legend" aria-label="legend">
      {rows.map((r) => (
        <div key={r.labelKey} className="legend-row">
          <span className={`legend-swatch ${r.kind}`} style={r.kind === 'fill' ? { background: r.color } : { borderColor: r.color }} />
          {t(r.labelKey)}
        </div>
      ))}
    </section>
  );
}
