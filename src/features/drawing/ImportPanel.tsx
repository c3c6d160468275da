import { useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { INPUT_SYSTEMS } from '../../core/crs/systems';
import { formatHa } from '../../core/format/number';
import { importFile, type ImportResult, type Progress } from './api';
import { fitTo, loadRings, useEngine } from './engine';
import { useDrawing } from './store';

const ringsOf = (g: Polygon | MultiPolygon) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** Upload a GeoJSON / KML / KMZ / zipped Shapefile / CSV, see each feature's repairs or refusal, pick what to use. */
export function ImportPanel() {
  const { t, locale } = useI18n();
  const engine = useEngine((s) => s.engine);
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<Progress>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<ApiError>();
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [crs, setCrs] = useState<number>(9215);

  const run = async (f: File, withCrs?: number) => {
    setFile(f);
    setResult(undefined);
    setError(undefined);
    setProgress({ stage: 'upload', done: 0, total: f.size });
    try {
      const r = await importFile(f, setProgress, withCrs);
      setResult(r);
      setChosen(new Set(r.features.filter((x) => x.geometry).map((x) => x.index)));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setProgress(undefined);
    }
  };

  const use = () => {
    if (!engine || !result) return;
    const picked = result.features.filter((f) => chosen.has(f.index) && f.geometry);
    const rings = picked.flatMap((f) => ringsOf(f.geometry!).flatMap((p) => p.map((ring, i) => ({ role: i === 0 ? ('part' as const) : ('hole' as const), ring }))));
    if (!rings.length) return;
    const name = picked[0]?.name ?? result.filename.replace(/\.[^.]+$/, '');
    useDrawing.getState().setOrigin('import', name, result.filename);
    if (picked[0]?.tm3_srid) useDrawing.getState().setTm3(picked[0].tm3_srid);
    loadRings(rings);
    fitTo(rings.flatMap((r) => r.ring));
  };

  const pct = progress && progress.total ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <section className="draw-section">
      <h2>{t('import.title')}</h2>
      <input
        type="file"
        accept=".geojson,.json,.kml,.kmz,.zip,.csv,.txt"
        onChange={(e) => e.target.files?.[0] && void run(e.target.files[0])}
        data-testid="import-file"
      />
      <p className="muted small">{t('import.formats')}</p>
      {progress && (
        <div className="draw-progress" data-testid="import-progress">
          <span>{t(`import.${progress.stage}`)} {pct}%</span>
          <progress max={100} value={pct} />
        </div>
      )}
      {error && (
        <div role="alert" className="draw-refusal" data-testid="import-error">
          {locale === 'vi' ? ((error.details as { message_vi?: string } | undefined)?.message_vi ?? error.message) : error.message}
          {error.code === 'NEEDS_CRS' && file && (
            <div className="draw-buttons">
              <select value={crs} onChange={(e) => setCrs(Number(e.target.value))}>
                {INPUT_SYSTEMS.filter((s) => s.kind === 'projected').map((s) => <option key={s.id} value={s.epsg}>{s.label}</option>)}
              </select>
              <button type="button" onClick={() => void run(file, crs)}>{t('import.retry')}</button>
            </div>
          )}
        </div>
      )}
      {result && (
        <>
          <p className="muted small" data-testid="import-summary">
            {result.filename}: {result.summary.total} {t('import.summary')} · {result.crs.name}
          </p>
          <ul className="draw-import-list" data-testid="import-features">
            {result.features.map((f) => (
              <li key={f.index} className={`import-${f.status}`}>
                <label>
                  <input
                    type="checkbox"
                    disabled={!f.geometry}
                    checked={chosen.has(f.index)}
                    onChange={(e) => {
                      const s = new Set(chosen);
                      if (e.target.checked) s.add(f.index);
                      else s.delete(f.index);
                      setChosen(s);
                    }}
                  />
                  <strong>{f.name ?? `#${f.index + 1}`}</strong> · {t(`import.${f.status}`)}
                  {f.plane_area_ha !== null && <> · {formatHa(f.plane_area_ha, locale)}</>}
                </label>
                {[...f.repairs, ...f.issues].map((n, i) => (
                  <div key={i} className="small">{locale === 'vi' ? n.message_vi : n.message}</div>
                ))}
              </li>
            ))}
          </ul>
          <button type="button" className="primary" onClick={use} disabled={!chosen.size || !engine} data-testid="import-use">{t('import.use')}</button>
        </>
      )}
    </section>
  );
}
