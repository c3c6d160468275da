import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useApp } from '../../app/store';
import { zoomToFeature } from '../../map/zoom';
import { useClusters } from '../clusters/store';
import { plotsApi } from './api';
import { ImportPlots } from './ImportPlots';
import { OccupancyCard } from './OccupancyCard';
import { PlotCard } from './PlotCard';
import { usePlots } from './store';
import { VacantList } from './VacantList';
import './plots.css';

/** Sidebar tab "Lô đất & dự án": the selected cluster's plots, occupancy, selected plot, vacant land. */
export function PlotsTab() {
  const { t } = useI18n();
  const selectedClusterId = useApp((s) => s.selectedClusterId);
  const selectCluster = useApp((s) => s.selectCluster);
  const clusters = useClusters((s) => s.clusters);
  const { plots, projects, selectedPlotId, loading, notice, clusterId } = usePlots();
  const [withPlots, setWithPlots] = useState<Set<number>>(new Set());

  useEffect(() => {
    plotsApi.occupancyAll().then(
      (list) => setWithPlots(new Set(list.filter((o) => o.computed).map((o) => o.cluster_id))),
      () => undefined,
    );
  }, []);

  useEffect(() => {
    if (selectedClusterId !== undefined) void usePlots.getState().load(selectedClusterId);
  }, [selectedClusterId]);

  const selected = plots?.features.find((f) => f.id === selectedPlotId);
  const loaded = plots && clusterId === selectedClusterId;
  return (
    <div className="plots-tab" data-testid="plots-tab">
      <section className="plots-card">
        <label className="plots-cluster">
          {t('plots.cluster')}
          <select
            data-testid="plots-cluster"
            value={selectedClusterId ?? ''}
            onChange={(e) => {
              const id = e.target.value ? Number(e.target.value) : undefined;
              selectCluster(id);
              const f = clusters?.features.find((c) => c.properties.id === id);
              if (f) zoomToFeature(f, 15);
            }}
          >
            <option value="">{t('plots.chooseCluster')}</option>
            {clusters?.features.map((c) => (
              <option key={c.properties.id} value={c.properties.id}>
                {c.properties.name}
                {withPlots.has(c.properties.id) ? ` (${t('plots.hasPlots')})` : ''}
              </option>
            ))}
          </select>
        </label>
        {loading && !loaded && <p className="muted">{t('app.loading')}</p>}
        {notice?.kind === 'error' && !selected && <p role="alert" className="error">{notice.text}</p>}
      </section>
      {loaded && plots.features.length === 0 && <p className="plots-card muted">{t('plots.noPlots')}</p>}
      {loaded && <OccupancyCard occupancy={plots.occupancy} />}
      {loaded && selected && <PlotCard key={selected.id} plot={selected} projects={projects} />}
      {loaded && plots.features.length > 0 && <VacantList plots={plots} />}
      {loaded && plots.features.some((f) => f.properties.is_synthetic) && <p className="note">{t('plots.synthetic')}</p>}
      {loaded && selectedClusterId !== undefined && <ImportPlots key={selectedClusterId} clusterId={selectedClusterId} />}
    </div>
  );
}
