import { useApp } from '../../app/store';
import { useI18n } from '../../app/i18n';
import { zoomToFeature } from '../../map/zoom';
import { ClusterList } from './ClusterList';
import { Legend } from './Legend';
import { useClusters } from './store';

/** Sidebar tab: the province's clusters and the legend. */
export function ClustersTab() {
  const { t } = useI18n();
  const { clusters, error } = useClusters();
  const selectedId = useApp((s) => s.selectedClusterId);
  const selectCluster = useApp((s) => s.selectCluster);
  return (
    <>
      {error && <p role="alert" className="error">{t('app.loadError')}: {error}</p>}
      {clusters ? (
        <ClusterList
          clusters={clusters}
          selectedId={selectedId}
          onSelect={(id) => {
            selectCluster(id);
            const f = clusters.features.find((c) => c.properties.id === id);
            if (f) zoomToFeature(f);
          }}
        />
      ) : (
        !error && <p className="muted">{t('app.loading')}</p>
      )}
      <Legend />
    </>
  );
}

/** Overlay: the detail panel of the selected cluster. */
export { SelectedClusterPanel } from './SelectedClusterPanel';
