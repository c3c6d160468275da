import { useEffect, useState } from 'react';
import { api, type ClusterDetail } from '../../api/client';
import { formatDate, formatHa } from '../../core/format/number';
import { useI18n } from '../../app/i18n';

export interface ClusterPanelProps {
  clusterId: number;
  onClose: () => void;
}

/** Detail panel of one cluster: areas, location, decisions timeline. */
export function ClusterPanel({ clusterId, onClose }: ClusterPanelProps) {
  const { t, locale } = useI18n();
  const [detail, setDetail] = useState<ClusterDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setDetail(null);
    setError(null);
    api.cluster(clusterId).then(
      (d) => live && setDetail(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [clusterId]);

  if (error) return <aside className="panel" role="alert">{t('app.loadError')}: {error}</aside>;
  if (!detail) return <aside className="panel" aria-busy="true">{t('app.loading')}</aside>;
  const p = detail.properties;
  return (
    <aside className="panel" data-testid="cluster-panel" aria-label={p.name}>
      <header className="panel-header">
        <h2>{p.name}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('panel.close')}>×</button>
      </header>
      <p className="status-chip" data-status={p.status}>{t(`status.${p.status}`)}</p>
      <dl className="facts">
        <dt>{t('panel.declaredArea')}</dt>
        <dd className="area" data-testid="declared-area">
          {p.declared_area_ha === null ? t('panel.notFixed') : formatHa(p.declared_area_ha, locale)}
        </dd>
        <dt>{t('panel.planeArea')}</dt>
        <dd data-testid="plane-area">{formatHa(p.plane_area_ha, locale)}</dd>
        <dt>{t('panel.ellipsoidalArea')}</dt>
        <dd data-testid="ellipsoidal-area">{formatHa(p.ellipsoidal_area_ha, locale)}</dd>
        <dt>{t('panel.location')}</dt>
        <dd>{(p.commune_names ?? []).join(', ') || '—'}</dd>
        <dt>{t('panel.district')}</dt>
        <dd>{p.district_name ?? '—'}</dd>
        <dt>{t('panel.investor')}</dt>
        <dd>{p.investor_name ?? t('panel.none')}</dd>
      </dl>
      <h3>{t('panel.decisions')}</h3>
      {detail.decisions.length === 0 ? (
        <p className="muted">{t('panel.noDecisions')}</p>
      ) : (
        <ol className="timeline">
          {detail.decisions.map((d) => (
            <li key={d.id}>
              <strong>{d.number}</strong> · {formatDate(d.date)} · {d.issuer}
              {d.summary && <div className="muted">{d.summary}</div>}
            </li>
          ))}
        </ol>
      )}
      {p.boundary_illustrative && <p className="note">{t('panel.illustrative')}</p>}
    </aside>
  );
}
