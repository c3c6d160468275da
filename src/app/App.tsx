import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import neighboursUrl from '../../data/boundaries/vn_provinces_lowres_census2009.geojson?url';
import { api } from '../api/client';
import { useClusters } from '../features/clusters/store';
import { useLayerSettingsOnMap, usePlanLayerData } from '../features/layers/usePlanLayers';
import type { LngLatBounds } from '../map/MapController';
import { MapView } from '../map/MapView';
import { AccountMenu } from '../features/auth/AccountMenu';
import { useI18n } from './i18n';
import { labelFeatures } from './labels';
import { dispatchMapClick, onMapClick } from './map-clicks';
import { useApp } from './store';
import { TABS } from './tabs';
import { useOnlineBasemap } from './useBasemapConfig';
import { useUrlSync } from './useUrlSync';

/** Lạng Sơn's extent (data/boundaries/SOURCES.md). */
const PROVINCE_BOUNDS: LngLatBounds = [106.0954, 21.3252, 107.364, 22.4615];

type BaseSources = Record<'neighbours' | 'province' | 'districts' | 'communes', FeatureCollection | undefined>;

/** Loads the offline basemap's own data: Vietnam's provinces and the province's units. */
function useBasemap(): [BaseSources, string | undefined] {
  const [base, setBase] = useState<BaseSources>({ neighbours: undefined, province: undefined, districts: undefined, communes: undefined });
  const [error, setError] = useState<string>();
  useEffect(() => {
    const put = (k: keyof BaseSources) => (fc: FeatureCollection) => setBase((b) => ({ ...b, [k]: fc }));
    const fail = (e: Error) => setError(e.message);
    api.adminUnits('province').then(put('province'), fail);
    api.adminUnits('district').then(put('districts'), fail);
    api.adminUnits('commune').then(put('communes'), fail);
    fetch(neighboursUrl)
      .then((r) => r.json() as Promise<FeatureCollection>)
      .then(put('neighbours'), fail);
  }, []);
  return [base, error];
}

export function App() {
  const { t, locale } = useI18n();
  const setLocale = useApp((s) => s.setLocale);
  const activeTab = useApp((s) => s.activeTab);
  const setActiveTab = useApp((s) => s.setActiveTab);
  const selectedClusterId = useApp((s) => s.selectedClusterId);
  const mapSources = useApp((s) => s.mapSources);
  const clusters = useClusters((s) => s.clusters);
  const [base, baseError] = useBasemap();
  usePlanLayerData();
  useLayerSettingsOnMap();
  useUrlSync();
  useOnlineBasemap();

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('locale', locale);
  }, [locale]);

  useEffect(() => {
    void useClusters.getState().load();
    return onMapClick('clusters', (id) => {
      if (typeof id === 'number') useApp.getState().selectCluster(id);
    });
  }, []);

  const labels = useMemo(() => labelFeatures(clusters, base.communes), [clusters, base.communes]);
  const sources = useMemo(
    () => ({
      ...base,
      clusters: clusters as FeatureCollection | undefined,
      labels,
      ...mapSources,
    }),
    [base, clusters, labels, mapSources],
  );
  const tab = TABS.find((x) => x.id === activeTab) ?? TABS[0]!;

  return (
    <div className="app">
      <MapView
        bounds={PROVINCE_BOUNDS}
        sources={sources}
        selection={{ source: 'clusters', id: selectedClusterId }}
        onFeatureClick={dispatchMapClick}
      />
      <header className="topbar">
        <h1>
          {t('app.title')} <span className="muted">· {t('app.province')}</span>
        </h1>
        <div className="topbar-actions">
          <AccountMenu />
          <button type="button" className="lang" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {t('lang.switch')}
          </button>
        </div>
      </header>
      <div className="left">
        {TABS.length > 1 && (
          <div className="tabs" role="tablist">
            {TABS.map((x) => (
              <button
                key={x.id}
                type="button"
                role="tab"
                aria-selected={x.id === tab.id}
                onClick={() => setActiveTab(x.id)}
              >
                {t(x.labelKey)}
              </button>
            ))}
          </div>
        )}
        {baseError && <p role="alert" className="error">{t('app.loadError')}: {baseError}</p>}
        <tab.Sidebar />
      </div>
      {TABS.map((x) => x.Overlay && <x.Overlay key={x.id} />)}
    </div>
  );
}
