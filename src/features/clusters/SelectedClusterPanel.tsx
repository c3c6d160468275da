import { useApp } from '../../app/store';
import { ClusterPanel } from './ClusterPanel';

export function SelectedClusterPanel() {
  const id = useApp((s) => s.selectedClusterId);
  const selectCluster = useApp((s) => s.selectCluster);
  if (id === undefined) return null;
  return <ClusterPanel clusterId={id} onClose={() => selectCluster(undefined)} />;
}
