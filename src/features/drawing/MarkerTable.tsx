import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { detectSwappedXY, markersToPolygon, parseMarkerTable, swapXY, tablePlaneAreaHa } from '../../core/coords/table';
import { DEFAULT_INPUT_SYSTEM, INPUT_SYSTEMS, inputSystem } from '../../core/crs/systems';
import { formatHa } from '../../core/format/number';
import { repairGeometry } from '../../core/geometry/repair';
import { fitTo, loadRings, useEngine } from './engine';
import { useDrawing } from './store';

/** Paste or type a marker table (M1…Mn, X = northing, Y = easting); the polygon shows at once. */
export function MarkerTable() {
  const { t, locale } = useI18n();
  const engine = useEngine((s) => s.engine);
  const [systemId, setSystemId] = useState(DEFAULT_INPUT_SYSTEM);
  const [text, setText] = useState('');
  const system = inputSystem(systemId)!;
  const parsed = useMemo(() => parseMarkerTable(text, system), [text, system]);
  const swapped = useMemo(() => detectSwappedXY(parsed.markers, system), [parsed, system]);

  useEffect(() => {
    if (!engine || parsed.markers.length < 3 || swapped) return;
    const poly = markersToPolygon(parsed.markers, system);
    const repaired = poly && repairGeometry(poly).geometry;
    if (!repaired || repaired.type !== 'Polygon') return;
    useDrawing.getState().setOrigin('table', useDrawing.getState().name);
    if (system.kind === 'projected' && /TM-3/.test(system.label)) useDrawing.getState().setTm3(system.epsg);
    loadRings(repaired.coordinates.map((ring, i) => ({ role: i === 0 ? 'part' : 'hole', ring })));
    fitTo(repaired.coordinates[0]!);
  }, [engine, parsed, swapped, system]);

  const swap = () => {
    const lines = swapXY(parsed.markers).map((m) => `${m.name}\t${String(m.x).replace('.', ',')}\t${String(m.y).replace('.', ',')}`);
    setText(lines.join('\n'));
  };

  return (
    <section className="draw-section">
      <h2>{t('table.title')}</h2>
      <label className="draw-field">
        {t('table.system')}
        <select value={systemId} onChange={(e) => setSystemId(e.target.value)} data-testid="table-system">
          {INPUT_SYSTEMS.map((s) => (
            <option key={s.id} value={s.id}>{s.label}</option>
          ))}
        </select>
      </label>
      <textarea
        rows={6}
        value={text}
        placeholder={t('table.placeholder')}
        onChange={(e) => setText(e.target.value)}
        data-testid="table-input"
        spellCheck={false}
      />
      {parsed.markers.length > 0 && (
        <p className="muted small" data-testid="table-summary">
          {parsed.markers.length} {t('table.markers')}
          {parsed.skipped > 0 && ` · ${parsed.skipped} ${t('table.skipped')}`}
          {system.kind === 'projected' && parsed.markers.length >= 3 && !swapped && (
            <> · {t('table.area')}: <strong data-testid="table-area">{formatHa(tablePlaneAreaHa(parsed.markers), locale)}</strong></>
          )}
        </p>
      )}
      {parsed.errors.map((e) => (
        <p key={e.line} className="draw-refusal small">{t('table.lineError')} {e.line}: “{e.text}”</p>
      ))}
      {swapped && (
        <div role="alert" className="draw-warning" data-testid="table-swapped">
          {t('table.swapped')} <button type="button" onClick={swap} data-testid="table-swap">{t('table.swap')}</button>
        </div>
      )}
    </section>
  );
}
