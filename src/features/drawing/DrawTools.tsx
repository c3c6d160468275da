import { useEffect } from 'react';
import { useApp } from '../../app/store';
import { useI18n } from '../../app/i18n';
import { formatHa, formatNumber } from '../../core/format/number';
import { describeWhere } from '../../core/geometry/issues';
import { crsByEpsg } from '../../core/crs/vn2000';
import { useEngine } from './engine';
import { useDrawing, type DrawMode } from './store';

/** Draw / edit buttons, undo/redo, live figures and the refusal of a self-intersection. */
export function DrawTools() {
  const { t, locale } = useI18n();
  const engine = useEngine((s) => s.engine);
  const { mode, measures, refusal, tm3, province, orphanHoles, setMode } = useDrawing();

  useEffect(() => {
    const fc = refusal
      ? { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { kind: 'crossing' }, geometry: { type: 'Point' as const, coordinates: refusal.point } }] }
      : { type: 'FeatureCollection' as const, features: [] };
    useApp.getState().setMapSource('drawing-marks', fc);
  }, [refusal]);

  const go = (m: DrawMode) => {
    if (!engine) return;
    setMode(m);
    if (m === 'part' || m === 'hole') {
      useDrawing.getState().setOrigin('draw', useDrawing.getState().name);
      engine.draw(m);
    } else if (m === 'edit') engine.edit();
    else engine.idle();
  };
  const btn = (m: DrawMode, key: string) => (
    <button type="button" aria-pressed={mode === m} onClick={() => go(mode === m ? 'idle' : m)} disabled={!engine} data-testid={`draw-${m}`}>
      {t(key)}
    </button>
  );

  return (
    <section className="draw-section">
      <h2>{t('draw.title')}</h2>
      <div className="draw-buttons">
        {btn('part', 'draw.part')}
        {btn('hole', 'draw.hole')}
        {btn('edit', 'draw.edit')}
      </div>
      <div className="draw-buttons">
        <button type="button" onClick={() => engine?.undo()} disabled={!engine} data-testid="draw-undo">↶ {t('draw.undo')}</button>
        <button type="button" onClick={() => engine?.redo()} disabled={!engine} data-testid="draw-redo">↷ {t('draw.redo')}</button>
        <button type="button" onClick={() => { engine?.clear(); useDrawing.setState({ refusal: undefined }); }} disabled={!engine}>{t('draw.clear')}</button>
      </div>
      {mode !== 'idle' && <p className="muted small">{t(`draw.help.${mode}`)}</p>}
      {refusal && (
        <p role="alert" className="draw-refusal" data-testid="draw-refusal">
          {t('draw.refused')} {describeWhere({ point: refusal.point }, locale).replace(/^(tại|at) /, '')}
        </p>
      )}
      {measures ? (
        <dl className="draw-figures">
          <dt>{t('draw.planeArea')}</dt>
          <dd data-testid="draw-plane-area">{formatHa(measures.planeHa, locale)}</dd>
          <dt>{t('draw.ellipsoidalArea')}</dt>
          <dd data-testid="draw-ellipsoidal-area">{formatHa(measures.ellipsoidalHa, locale)}</dd>
          <dt>{t('draw.perimeter')}</dt>
          <dd data-testid="draw-perimeter">{formatNumber(measures.perimeterM, 2, locale)} m</dd>
          <dt>{t('draw.vertices')}</dt>
          <dd data-testid="draw-vertices">{measures.vertices}</dd>
          <dt>{t('draw.zone')}</dt>
          <dd>{crsByEpsg(tm3)?.name.replace('VN-2000 / ', '')}{province ? ` · ${province}` : ''}</dd>
        </dl>
      ) : (
        <p className="muted small">{t('draw.empty')}</p>
      )}
      {orphanHoles > 0 && <p className="muted small">{orphanHoles} {t('draw.orphanHoles')}</p>}
    </section>
  );
}
