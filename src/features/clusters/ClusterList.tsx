import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { ClusterProperties } from '../../api/client';
import { CLUSTER_STATUS_COLORS } from '../../../layers/clusters.layer';
import { formatHa } from '../../core/format/number';
import { useI18n } from '../../app/i18n';

export interface ClusterListProps {
  clusters: FeatureCollection<MultiPolygon | null, ClusterProperties>;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}

/** The province's clusters, sorted by Vietnamese collation. */
export function ClusterList({ clusters, selectedId, onSelect }: ClusterListProps) {
  const { t, locale } = useI18n();
  const collator = new Intl.Collator('vi');
  const items = [...clusters.features].sort((a, b) => collator.compare(a.properties.name, b.properties.name));
  return (
    <nav className="cluster-list" aria-label={t('panel.clusters')}>
      <h2>{t('panel.clusters')} ({items.length})</h2>
      <ul>
        {items.map((f) => (
          <li key={f.properties.id}>
            <button
              type="button"
              aria-current={f.properties.id === selectedId}
              onClick={() => onSelect(f.properties.id)}
            >
              <span className="swatch" style={{ background: CLUSTER_STATUS_COLORS[f.properties.status] }} />
              <span className="name">{f.properties.name.replace(/^Cụm công nghiệp /, '')}</span>
              <span className="ha">
                {f.properties.declared_area_ha === null ? t('panel.notFixed') : formatHa(f.properties.declared_area_ha, locale)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
