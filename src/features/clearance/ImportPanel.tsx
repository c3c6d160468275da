import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { formatNumber } from '../../core/format/number';
import { fill } from './format';
import { IMPORT_FIELDS, previewImport, runImport, type FieldMapping, type ImportProgress, type Preview } from './import-api';
import { useClearance } from './store';

const CRS_CHOICES = [undefined, 9215, 4326] as const;

/** Import parcels from a cadastral file: preview, field mapping, import with progress. */
export function ImportPanel({ clusterId }: { clusterId: number }) {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<File>();
  const [crs, setCrs] = useState<number>();
  const [preview, setPreview] = useState<Preview>();
  const [mapping, setMapping] = useState<FieldMapping>({});
  const [progress, setProgress] = useState<ImportProgress>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  const doPreview = async (f: File | undefined = file, c: number | undefined = crs) => {
    if (!f) return;
    setBusy(true);
    setMessage(undefined);
    setPreview(undefined);
    try {
      const p = await previewImport(clusterId, f, c);
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e, locale) });
    } finally {
      setBusy(false);
    }
  };
  const doImport = async () => {
    if (!file || !preview) return;
    setBusy(true);
    setMessage(undefined);
    try {
      const r = await runImport(clusterId, file, mapping, crs, setProgress);
      setMessage({ ok: true, text: fill(t('gpmb.importDone'), { created: r.created, updated: r.updated }) });
      setPreview(undefined);
      await useClearance.getState().init();
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e, locale) });
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };
  const missing = (['map_sheet_no', 'parcel_no', 'legal_land_code'] as const).filter((f) => !mapping[f]);
  return (
    <details className="gpmb-card" data-testid="gpmb-import">
      <summary>{t('gpmb.import')}</summary>
      <p className="muted small">{t('gpmb.importHint')}</p>
      <input type="file" accept=".zip,.geojson,.json,.csv,.txt" onChange={(e) => { const f = e.target.files?.[0]; setFile(f); void doPreview(f); }} data-testid="gpmb-import-file" />
      <label className="gpmb-field">
        {t('gpmb.importCrs')}
        <select value={crs ?? ''} onChange={(e) => { const c = e.target.value ? Number(e.target.value) : undefined; setCrs(c); void doPreview(file, c); }}>
          {CRS_CHOICES.map((c) => <option key={c ?? 'auto'} value={c ?? ''}>{c ? (c === 4326 ? 'WGS 84 (4326)' : `VN-2000 TM-3 107°15′ (${c})`) : t('gpmb.importCrsAuto')}</option>)}
        </select>
      </label>
      {preview && (
        <div data-testid="gpmb-import-preview">
          <p className="small">{preview.format} · {preview.crs.name} · {fill(t('gpmb.importCount'), { n: formatNumber(preview.count, 0, locale) })}</p>
          {preview.warnings.map((w) => <p key={w} className="note small">{w}</p>)}
          <div className="gpmb-mapping">
            {IMPORT_FIELDS.map((f) => (
              <label key={f}>
                {t(`gpmb.field.${f}`)}
                <select value={mapping[f] ?? ''} onChange={(e) => setMapping({ ...mapping, [f]: e.target.value || undefined })} name={`col_${f}`}>
                  <option value="">—</option>
                  {preview.columns.map((c) => <option key={c} value={c}>{c}</option>)}
                </select>
              </label>
            ))}
          </div>
          <table className="gpmb-preview">
            <thead><tr><th>#</th><th>{t('gpmb.field.map_sheet_no')}</th><th>{t('gpmb.field.parcel_no')}</th><th>{t('gpmb.field.legal_land_code')}</th></tr></thead>
            <tbody>
              {preview.rows.slice(0, 8).map((r) => (
                <tr key={r.row} className={r.problem ? 'bad' : undefined}>
                  <td>{r.row}</td>
                  {r.values ? (<><td>{r.values.map_sheet_no}</td><td>{r.values.parcel_no}</td><td>{r.values.legal_land_code}</td></>) : <td colSpan={3}>{locale === 'vi' ? r.problem?.message_vi : r.problem?.message}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" disabled={busy || missing.length > 0} onClick={() => void doImport()} data-testid="gpmb-import-run">
            {fill(t('gpmb.importRun'), { n: formatNumber(preview.count, 0, locale) })}
          </button>
        </div>
      )}
      {progress && (
        <div className="small" data-testid="gpmb-import-progress">
          {t(`gpmb.importStage.${progress.stage}`)}: {formatNumber(progress.done, 0, locale)} / {formatNumber(progress.total, 0, locale)}
          <div className="gpmb-bar"><div style={{ width: `${(100 * progress.done) / Math.max(1, progress.total)}%`, background: '#6fa6d6' }} /></div>
        </div>
      )}
      {message && <p className={message.ok ? 'gpmb-ok' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="gpmb-import-message">{message.text}</p>}
    </details>
  );
}

function messageOf(e: unknown, locale: 'vi' | 'en'): string {
  if (e instanceof ApiError && locale === 'vi') {
    const vi = (e.details as { message_vi?: string } | undefined)?.message_vi;
    if (vi) return vi;
  }
  return (e as Error).message;
}
