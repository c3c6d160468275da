import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useCanEdit } from '../auth/store';
import { AreaReconciliation } from './AreaReconciliation';
import { clustersApi, type ClusterFullDetail } from './api';
import { BoundaryVersions } from './BoundaryVersions';
import { ClusterEditForm } from './ClusterEditForm';
import { ClusterRecordView } from './ClusterRecordView';
import { DecisionTimeline } from './DecisionTimeline';
import { useClusters } from './store';

export interface ClusterPanelProps {
  clusterId: number;
  onClose: () => void;
}

/** Detail panel of one cluster: areas and their reconciliation, record, decisions, boundary history; edit form. */
export function ClusterPanel({ clusterId, onClose }: ClusterPanelProps) {
  const { t } = useI18n();
  const [detail, setDetail] = useState<ClusterFullDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const canEdit = useCanEdit();

  const reload = useCallback(() => {
    let live = true;
    clustersApi.detail(clusterId).then(
      (d) => live && setDetail(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [clusterId]);

  useEffect(() => {
    setDetail(null);
    setError(null);
    setEditing(false);
    setSaved(false);
    return reload();
  }, [reload]);

  if (error) return <aside className="panel" role="alert">{t('app.loadError')}: {error}</aside>;
  if (!detail) return <aside className="panel" aria-busy="true">{t('app.loading')}</aside>;
  const p = detail.properties;
  return (
    <aside className="panel" data-testid="cluster-panel" aria-label={p.name}>
      <header className="panel-header">
        <h2>{p.name}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('panel.close')}>
          ×
        </button>
      </header>
      <div className="panel-subheader">
        <p className="status-chip" data-status={p.status}>
          {t(`status.${p.status}`)}
        </p>
        {!editing && canEdit && (
          <button type="button" className="edit-button" onClick={() => (setEditing(true), setSaved(false))}>
            {t('edit.open')}
          </button>
        )}
      </div>
      {saved && (
        <p className="note ok" role="status">
          {t('edit.saved')}
        </p>
      )}
      {editing && canEdit ? (
        <ClusterEditForm
          cluster={p}
          onCancel={() => setEditing(false)}
          onSaved={(d) => {
            setDetail(d);
            setEditing(false);
            setSaved(true);
            void useClusters.getState().load();
          }}
        />
      ) : (
        <>
          <AreaReconciliation declaredHa={p.declared_area_ha} planeHa={p.plane_area_ha} ellipsoidalHa={p.ellipsoidal_area_ha} />
          <ClusterRecordView c={p} />
          <DecisionTimeline clusterId={p.id} decisions={detail.decisions} onChanged={reload} canEdit={canEdit} />
          <BoundaryVersions clusterId={p.id} currentVersion={p.boundary_id ?? 0} />
          {p.boundary_illustrative && <p className="note">{t('panel.illustrative')}</p>}
        </>
      )}
    </aside>
  );
}
