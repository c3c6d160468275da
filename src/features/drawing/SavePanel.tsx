import { useEffect, useState } from 'react';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { formatDate, formatHa } from '../../core/format/number';
import { drawingApi, type ProposalProps } from './api';
import { fitTo, loadRings, useEngine } from './engine';
import { useDrawing } from './store';

const errorText = (e: unknown, locale: string) => {
  const a = e as ApiError;
  const vi = (a.details as { message_vi?: string } | undefined)?.message_vi;
  return locale === 'vi' && vi ? vi : a.message;
};

/** Save the boundary as a proposal or as a cluster's boundary version; export it; reopen saved proposals. */
export function SavePanel() {
  const { t, locale } = useI18n();
  const engine = useEngine((s) => s.engine);
  const { geometry, name, origin, tm3, sourceFile, setName } = useDrawing();
  const [proposals, setProposals] = useState<FeatureCollection<MultiPolygon, ProposalProps>>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [clusters, setClusters] = useState<{ id: number; name: string }[]>([]);
  const [clusterId, setClusterId] = useState<number>();
  const [decisions, setDecisions] = useState<{ id: number; number: string; date: string }[]>([]);
  const [decisionId, setDecisionId] = useState<number>();
  const finished = useDrawing((s) => s.rings.length > 0);

  const reload = () => drawingApi.proposals().then(setProposals, () => undefined);
  useEffect(() => {
    void reload();
    drawingApi.clusters().then((fc) => setClusters(fc.features.map((f) => f.properties)), () => undefined);
  }, []);
  useEffect(() => {
    setDecisionId(undefined);
    if (clusterId) drawingApi.decisions(clusterId).then(setDecisions, () => setDecisions([]));
    else setDecisions([]);
  }, [clusterId]);

  const saveProposal = async () => {
    if (!geometry || !finished) return setStatus({ ok: false, text: t('save.needGeometry') });
    if (!name.trim()) return setStatus({ ok: false, text: t('save.needName') });
    try {
      const r = await drawingApi.saveProposal({ name: name.trim(), origin, geometry, tm3_srid: tm3, source_file: sourceFile });
      setStatus({ ok: true, text: `${t('save.saved')}: ${r.properties.name} · ${formatHa(r.properties.plane_area_ha, locale)}` });
      void reload();
    } catch (e) {
      setStatus({ ok: false, text: errorText(e, locale) });
    }
  };
  const saveVersion = async () => {
    if (!geometry || !finished) return setStatus({ ok: false, text: t('save.needGeometry') });
    if (!clusterId || !decisionId) return;
    try {
      const r = await drawingApi.saveBoundaryVersion(clusterId, { geometry, decision_id: decisionId });
      setStatus({ ok: true, text: `${t('save.versionSaved')} · ${formatHa(r.plane_area_ha, locale)}` });
    } catch (e) {
      setStatus({ ok: false, text: errorText(e, locale) });
    }
  };
  const open = (f: FeatureCollection<MultiPolygon, ProposalProps>['features'][number]) => {
    if (!engine) return;
    useDrawing.getState().setOrigin(f.properties.origin as 'draw', f.properties.name);
    useDrawing.getState().setTm3(f.properties.tm3_srid);
    loadRings(f.geometry.coordinates.flatMap((p) => p.map((ring, i) => ({ role: i === 0 ? ('part' as const) : ('hole' as const), ring }))));
    fitTo(f.geometry.coordinates.flat(2));
  };

  return (
    <section className="draw-section">
      <h2>{t('save.title')}</h2>
      <label className="draw-field">
        {t('save.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="proposal-name" maxLength={200} />
      </label>
      <button type="button" className="primary" onClick={() => void saveProposal()} data-testid="save-proposal">{t('save.proposal')}</button>
      <details>
        <summary>{t('save.version')}</summary>
        <label className="draw-field">
          {t('save.cluster')}
          <select value={clusterId ?? ''} onChange={(e) => setClusterId(Number(e.target.value) || undefined)}>
            <option value="">{t('common.choose')}</option>
            {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="draw-field">
          {t('save.decision')}
          <select value={decisionId ?? ''} onChange={(e) => setDecisionId(Number(e.target.value) || undefined)} disabled={!decisions.length}>
            <option value="">{t('common.choose')}</option>
            {decisions.map((d) => <option key={d.id} value={d.id}>{d.number} · {formatDate(d.date)}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void saveVersion()} disabled={!clusterId || !decisionId}>{t('save.version')}</button>
      </details>
      {status && <p role="status" className={status.ok ? 'draw-ok' : 'draw-refusal'} data-testid="save-status">{status.text}</p>}
      <h3>{t('export.title')}</h3>
      <div className="draw-buttons">
        {(['csv', 'xlsx', 'kml', 'shp'] as const).map((f) => (
          <button key={f} type="button" disabled={!geometry} onClick={() => geometry && void drawingApi.exportDraft(geometry, name || 'ranh-gioi', f, tm3).catch((e) => setStatus({ ok: false, text: errorText(e, locale) }))}>
            {f.toUpperCase()}
          </button>
        ))}
      </div>
      <h3>{t('proposals.title')}</h3>
      {proposals?.features.length ? (
        <ul className="draw-proposals" data-testid="proposal-list">
          {proposals.features.map((f) => (
            <li key={f.id}>
              <span>{f.properties.name} · {formatHa(f.properties.plane_area_ha, locale)}</span>
              <button type="button" className="link-button" onClick={() => open(f)}>{t('proposals.open')}</button>
              <button type="button" className="link-button" onClick={() => void drawingApi.deleteProposal(f.properties.id, f.properties.version).then(reload, (e) => setStatus({ ok: false, text: errorText(e, locale) }))}>{t('proposals.delete')}</button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('proposals.none')}</p>
      )}
    </section>
  );
}
