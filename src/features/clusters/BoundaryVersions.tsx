import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useApp } from '../../app/store';
import { formatDate, formatHa } from '../../core/format/number';
import { clustersApi, type BoundaryDiff, type BoundaryVersion } from './api';
import { formatSignedHa } from './AreaReconciliation';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** A cluster's boundary versions; any two compared (area added / removed), shown on the map. */
export function BoundaryVersions({ clusterId, currentVersion }: { clusterId: number; currentVersion: number }) {
  const { t, locale } = useI18n();
  const setMapSource = useApp((s) => s.setMapSource);
  const [versions, setVersions] = useState<FeatureCollection<Geometry, BoundaryVersion>>();
  const [pair, setPair] = useState<{ from: number; to: number }>();
  const [diff, setDiff] = useState<BoundaryDiff>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    setVersions(undefined);
    setDiff(undefined);
    clustersApi.versions(clusterId).then((fc) => {
      if (!live) return;
      setVersions(fc);
      const list = fc.features.map((f) => f.properties);
      const to = list.find((v) => v.is_current) ?? list[list.length - 1];
      const from = list.filter((v) => v.id !== to?.id).pop();
      setPair(to && from ? { from: from.id, to: to.id } : undefined);
    }, (e: Error) => live && setError(e.message));
    return () => {
      live = false;
      setMapSource('cluster_versions', EMPTY);
    };
  }, [clusterId, currentVersion, setMapSource]);

  useEffect(() => {
    if (!pair || !versions) return;
    let live = true;
    clustersApi.diff(clusterId, pair.from, pair.to).then((d) => {
      if (!live) return;
      setDiff(d);
      // Both chosen versions outlined (the current one is already drawn as the cluster), and the difference.
      const features: Feature[] = versions.features
        .filter((f) => (f.id === pair.from || f.id === pair.to) && !f.properties.is_current)
        .map((f) => ({ type: 'Feature', properties: { role: 'version' }, geometry: f.geometry }));
      if (d.added.geometry) features.push({ type: 'Feature', properties: { role: 'added' }, geometry: d.added.geometry });
      if (d.removed.geometry) features.push({ type: 'Feature', properties: { role: 'removed' }, geometry: d.removed.geometry });
      setMapSource('cluster_versions', { type: 'FeatureCollection', features });
    }, (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [clusterId, pair, versions, setMapSource]);

  if (error) return <p className="error">{error}</p>;
  if (!versions) return null;
  const list = versions.features.map((f) => f.properties);
  const label = (v: BoundaryVersion) =>
    `#${v.version_no}${v.is_current ? ` (${t('versions.current')})` : ''} · ${formatHa(v.plane_area_ha, locale)}`;
  return (
    <section aria-label={t('versions.title')} data-testid="boundary-versions">
      <h3>{t('versions.title')}</h3>
      <ol className="versions">
        {list.map((v) => (
          <li key={v.id}>
            <strong>{label(v)}</strong>
            <div className="muted">
              {v.decision_number ? `${v.decision_number} · ${formatDate(v.decision_date)}` : t('versions.noDecision')}
              {v.valid_to ? ` · ${t('versions.until')} ${formatDate(v.valid_to)}` : ''}
              {v.is_illustrative ? ` · ${t('versions.illustrative')}` : ''}
            </div>
            {v.note && <div className="muted">{v.note}</div>}
          </li>
        ))}
      </ol>
      {list.length < 2 ? (
        <p className="muted">{t('versions.onlyOne')}</p>
      ) : (
        pair && (
          <div className="compare">
            <label>
              {t('versions.from')}{' '}
              <select aria-label={t('versions.from')} value={pair.from} onChange={(e) => setPair({ ...pair, from: Number(e.target.value) })}>
                {list.map((v) => (
                  <option key={v.id} value={v.id}>
                    {label(v)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('versions.to')}{' '}
              <select aria-label={t('versions.to')} value={pair.to} onChange={(e) => setPair({ ...pair, to: Number(e.target.value) })}>
                {list.map((v) => (
                  <option key={v.id} value={v.id}>
                    {label(v)}
                  </option>
                ))}
              </select>
            </label>
            {diff && diff.from === pair.from && diff.to === pair.to && (
              <dl className="facts diff" data-testid="boundary-diff">
                <dt>
                  <span className="legend-swatch fill added" /> {t('versions.added')}
                </dt>
                <dd>{formatHa(diff.added.plane_area_ha, locale)}</dd>
                <dt>
                  <span className="legend-swatch fill removed" /> {t('versions.removed')}
                </dt>
                <dd>{formatHa(diff.removed.plane_area_ha, locale)}</dd>
                <dt>{t('versions.net')}</dt>
                <dd>{formatSignedHa(diff.net_plane_ha, locale)}</dd>
              </dl>
            )}
          </div>
        )
      )}
    </section>
  );
}
