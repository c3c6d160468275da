import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { bbox } from '@turf/bbox';
import neighboursUrl from '../../data/boundaries/vn_provinces_lowres_census2009.geojson?url';
import { api, type ClusterProperties } from '../api/client';
import type { Locale } from '../core/format/number';
import { ClusterList } from '../features/clusters/ClusterList';
import { ClusterPanel } from '../features/clusters/ClusterPanel';
import { Legend } from '../features/clusters/Legend';
import { MapView } from '../map/MapView';
import type { LngLatBounds } from '../map/MapController';
import { LocaleContext, translator } from './i18n';

/** Lạng Sơn's extent (data/boundaries/SOURCES.md). */
const PROVINCE_BOUNDS: LngLatBounds = [106.0954, 21.3252, 107.364, 22.4615];

type Clusters = FeatureCollection<MultiPolygon | null, ClusterProperties>;

export function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem('locale') === 'en' ? 'en' : 'vi'));
  const [clusters, setClusters] = useState<Clusters>();
  const [province, setProvince] = useState<FeatureCollection>();
  const [districts, setDistricts] = useState<FeatureCollection>();
  const [communes, setCommunes] = useState<FeatureCollection>();
  const [neighbours, setNeighbours] = useState<FeatureCollection>();
  const [selectedId, setSelectedId] = useState<number>();
  const [error, setError] = useState<string>();
  const i18n = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  const { t } = i18n;

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('locale', locale);
  }, [locale]);

  useEffect(() => {
    const fail = (e: Error) => setError(e.message);
    api.clusters().then(setClusters, fail);
    api.adminUnits('province').then(setProvince, fail);
    api.adminUnits('district').then(setDistricts, fail);
    api.adminUnits('commune').then(setCommunes, fail);
    fetch(neighboursUrl)
      .then((r) => r.json() as Promise<FeatureCollection>)
      .then(setNeighbours, fail);
  }, []);

  const sources = useMemo(
    () => ({ neighbours, province, districts, communes, clusters: clusters as FeatureCollection | undefined }),
    [neighbours, province, districts, communes, clusters],
  );

  const select = useCallback(
    (id: number | undefined, zoom = false) => {
      setSelectedId(id);
      const f = clusters?.features.find((c) => c.properties.id === id);
      if (zoom && f?.geometry) window.__ccnMap?.fitBounds(bbox(f) as LngLatBounds);
    },
    [clusters],
  );

  const onFeatureClick = useCallback(
    (source: string, id: string | number | undefined) => {
      if (source === 'clusters' && typeof id === 'number') select(id);
    },
    [select],
  );

  return (
    <LocaleContext.Provider value={i18n}>
      <div className="app">
        <MapView
          bounds={PROVINCE_BOUNDS}
          sources={sources}
          selection={{ source: 'clusters', id: selectedId }}
          onFeatureClick={onFeatureClick}
        />
        <header className="topbar">
          <h1>
            {t('app.title')} <span className="muted">· {t('app.province')}</span>
          </h1>
          <button type="button" className="lang" onClick={() => setLocale(locale === 'vi' ? 'en' : 'vi')}>
            {t('lang.switch')}
          </button>
        </header>
        <div className="left">
          {error && <p role="alert" className="error">{t('app.loadError')}: {error}</p>}
          {clusters ? (
            <ClusterList clusters={clusters} selectedId={selectedId} onSelect={(id) => select(id, true)} />
          ) : (
            !error && <p className="muted">{t('app.loading')}</p>
          )}
          <Legend />
        </div>
        {selectedId !== undefined && <ClusterPanel clusterId={selectedId} onClose={() => select(undefined)} />}
      </div>
    </LocaleContext.Provider>
  );
}
