import { useEffect, useState } from 'react';
import { onMapClick } from '../../app/map-clicks';
import { useI18n } from '../../app/i18n';
import { useApp } from '../../app/store';
import { todayInVietnam } from '../../core/clearance/dates';
import { zoomToFeature } from '../../map/zoom';
import { useClusters } from '../clusters/store';
import { formatHa } from '../../core/format/number';
import { clearanceApi } from './api';
import { formatPct } from './format';
import './clearance.css';
import { ImportPanel } from './ImportPanel';
import { ProgressCard, StatusLegend } from './ProgressCard';
import { ProgressChart } from './ProgressChart';
import { SelectionPanel } from './SelectionPanel';
import { useClearance } from './store';
import { TimeSlider } from './TimeSlider';

/** Sidebar tab "GPMB": a cluster's clearance on the map, its progress, selection and bulk steps, replay, review. */
export function ClearanceTab() {
  const { t, locale } = useI18n();
  const { clusters, clusterId, progress, timeline, asOf, error, parcels, province } = useClearance();
  const clusterFeatures = useClusters((s) => s.clusters);
  const [month, setMonth] = useState(todayInVietnam().slice(0, 7));

  useEffect(() => {
    const st = useClearance.getState();
    if (st.clusterId) void st.load(st.clusterId);
    else void st.init();
    const off = onMapClick('parcels', (id) => {
      if (typeof id !== 'number') return;
      // The cluster under the parcel also takes the click: keep its panel closed while on this tab.
      useApp.getState().selectCluster(undefined);
      void useClearance.getState().openRecord(id);
    });
    return () => {
      off();
      useClearance.getState().leave();
    };
  }, []);

  useEffect(() => {
    const f = clusterFeatures?.features.find((c) => c.properties.id === clusterId);
    if (f) zoomToFeature(f, 16);
  }, [clusterId, clusterFeatures]);

  // Every cluster can be chosen (to import its parcels); those already tracked are listed first.
  const tracked = new Set(clusters.map((c) => c.id));
  const all = (clusterFeatures?.features ?? []).map((f) => ({ id: f.properties.id, name: f.properties.name }));
  const options = [...clusters, ...all.filter((c) => !tracked.has(c.id))];
  const first = timeline[0]?.month ? `${timeline[0].month}-01` : undefined;
  return (
    <div className="gpmb" data-testid="gpmb-tab">
      <section className="gpmb-card">
        <h2>{t('gpmb.title')}</h2>
        {error && <p role="alert" className="error">{t('app.loadError')}: {error}</p>}
        {options.length > 0 && (
          <label className="gpmb-field">
            {t('gpmb.cluster')}
            <select value={clusterId ?? ''} onChange={(e) => void useClearance.getState().load(Number(e.target.value))} data-testid="gpmb-cluster">
              {options.map((c) => (
                <option key={c.id} value={c.id}>{c.name}{tracked.has(c.id) ? '' : ` (${t('gpmb.noParcelsShort')})`}</option>
              ))}
            </select>
          </label>
        )}
        {parcels && parcels.features.length === 0 && <p className="muted">{t('gpmb.noParcels')}</p>}
        {parcels?.features.some((f) => f.properties.is_synthetic) && <p className="note">{t('gpmb.synthetic')}</p>}
        {province && clusters.length > 0 && (
          <p className="small muted" data-testid="gpmb-province">
            {t('gpmb.province')} ({clusters.length}): {formatHa(province.handedOver.areaHa, locale)} / {formatHa(province.areaHa, locale)} · {formatPct(province.handedOver.pctArea, locale)}
          </p>
        )}
      </section>
      {progress && <ProgressCard p={progress.progress} />}
      {clusterId && <SelectionPanel />}
      {first && <TimeSlider from={first} asOf={asOf} onChange={(d) => void useClearance.getState().setAsOf(d)} />}
      <ProgressChart points={timeline} asOf={asOf} />
      {clusterId && (
        <section className="gpmb-card">
          <h3>{t('gpmb.review')}</h3>
          <div className="gpmb-row">
            <input type="month" value={month} max={todayInVietnam().slice(0, 7)} onChange={(e) => setMonth(e.target.value)} data-testid="gpmb-review-month" />
            <a className="button" href={clearanceApi.reviewUrl(clusterId, month)} download data-testid="gpmb-review">{t('gpmb.download')}</a>
          </div>
        </section>
      )}
      {progress && <StatusLegend p={progress.progress} />}
      {clusterId && !asOf && <ImportPanel clusterId={clusterId} />}
    </div>
  );
}
