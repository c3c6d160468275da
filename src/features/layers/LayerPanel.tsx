import { LAYER_REGISTRY } from '../../../layers';
import type { LegendItem, MapLayerDef } from '../../../layers/types';
import { useI18n } from '../../app/i18n';
import { groupOf, useLayers, type LayerGroup } from './store';

const GROUPS: readonly LayerGroup[] = ['plan', 'data', 'base'];
const byId = new Map(LAYER_REGISTRY.map((l) => [l.id, l]));

function LegendRows({ items }: { items: LegendItem[] }) {
  const { t } = useI18n();
  return (
    <ul className="legend-items">
      {items.map((r) => (
        <li key={r.labelKey + r.color} className="legend-row">
          <span className={`legend-swatch ${r.kind}`} style={r.kind === 'fill' ? { background: r.color } : { borderColor: r.color }} />
          {t(r.labelKey)}
        </li>
      ))}
    </ul>
  );
}

function LayerRow({ def, first, last }: { def: MapLayerDef; first: boolean; last: boolean }) {
  const { t } = useI18n();
  const { visible, opacity, setVisible, setOpacity, move } = useLayers();
  const on = visible[def.id] ?? true;
  const title = t(def.titleKey);
  return (
    <li className="layer-row" data-layer={def.id}>
      <div className="layer-head">
        <label className="layer-toggle">
          <input type="checkbox" checked={on} onChange={(e) => setVisible(def.id, e.target.checked)} aria-label={`${t('layers.visible')}: ${title}`} />
          <span>{title}</span>
        </label>
        <span className="layer-order">
          <button type="button" className="mini" disabled={first} onClick={() => move(def.id, 'up')} aria-label={`${t('layers.up')}: ${title}`} title={t('layers.up')}>
            ▲
          </button>
          <button type="button" className="mini" disabled={last} onClick={() => move(def.id, 'down')} aria-label={`${t('layers.down')}: ${title}`} title={t('layers.down')}>
            ▼
          </button>
        </span>
      </div>
      {on && (
        <>
          <label className="layer-opacity">
            <span>{t('layers.opacity')}</span>
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={Math.round((opacity[def.id] ?? 1) * 100)}
              aria-label={`${t('layers.opacity')}: ${title}`}
              onChange={(e) => setOpacity(def.id, Number(e.target.value) / 100)}
            />
            <output>{Math.round((opacity[def.id] ?? 1) * 100)} %</output>
          </label>
          {def.legend.length > 0 && <LegendRows items={def.legend} />}
        </>
      )}
    </li>
  );
}

/** The layer panel: each layer on/off, its opacity, its legend and its draw order (top of the list = drawn on top). */
export function LayerPanel() {
  const { t } = useI18n();
  const { order, reset } = useLayers();
  return (
    <section className="layer-panel" aria-label={t('layers.title')} data-testid="layer-panel">
      <h2>{t('layers.title')}</h2>
      {GROUPS.map((g) => {
        const ids = order.filter((id) => byId.get(id) && groupOf(byId.get(id)!) === g && id !== 'neighbours').reverse();
        if (ids.length === 0) return null;
        return (
          <div key={g} className="layer-group">
            <h3>{t(`layers.group.${g}`)}</h3>
            <ul>
              {ids.map((id, i) => (
                <LayerRow key={id} def={byId.get(id)!} first={i === 0} last={i === ids.length - 1} />
              ))}
            </ul>
            {g === 'plan' && <p className="note">{t('layers.synthetic')}</p>}
          </div>
        );
      })}
      <button type="button" className="link-button" onClick={reset}>
        {t('layers.reset')}
      </button>
    </section>
  );
}
