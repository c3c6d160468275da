import { useState } from 'react';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { PLOT_LAND_USES, type PlotLandUse } from '../../core/occupancy/land-use';
import { plotsApi, type ImportPreview, type ImportProblem } from './api';
import { describeProblem } from './problems';
import { usePlots } from './store';

/** Import plots from a detailed-plan file: read it, confirm the field mapping, create all or none. */
export function ImportPlots({ clusterId }: { clusterId: number }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [crs, setCrs] = useState('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [mapping, setMapping] = useState({ code: '', land_use: '', plan_area_ha: '' });
  const [values, setValues] = useState<Record<string, PlotLandUse | ''>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [done, setDone] = useState<number>();

  if (!open) {
    return (
      <button type="button" className="secondary" data-testid="import-open" onClick={() => setOpen(true)}>
        {t('plots.import.open')}
      </button>
    );
  }

  const read = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setProblems([]);
    setDone(undefined);
    try {
      const p = await plotsApi.importPreview(file, crs ? Number(crs) : undefined);
      setPreview(p);
      setMapping({ code: p.suggested?.code ?? '', land_use: p.suggested?.landUse ?? '', plan_area_ha: p.suggested?.planAreaHa ?? '' });
      setValues(Object.fromEntries(p.land_use_values.map((v) => [v.value, v.land_use ?? ''])));
    } catch (e) {
      setPreview(undefined);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const useField = preview?.fields.find((f) => f.name === mapping.land_use);
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setError(undefined);
    setProblems([]);
    try {
      const mapped = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, PlotLandUse>;
      const r = await plotsApi.importCommit({
        cluster_id: clusterId,
        filename: preview.filename,
        mapping: { code: mapping.code, land_use: mapping.land_use || null, plan_area_ha: mapping.plan_area_ha || null },
        land_use_values: mapped,
        ...(mapping.land_use ? {} : { default_land_use: 'industrial' as const }),
        features: preview.features.features,
      });
      setDone(r.created);
      setPreview(undefined);
      await usePlots.getState().load(clusterId);
    } catch (e) {
      const list = e instanceof ApiError ? ((e.details as { problems?: ImportProblem[] } | undefined)?.problems ?? []) : [];
      setError(list.length ? t('plots.import.refused').replace('{n}', String(list.length)) : (e as Error).message);
      setProblems(list.slice(0, 50));
    } finally {
      setBusy(false);
    }
  };

  const fieldSelect = (key: keyof typeof mapping, optional: boolean) => (
    <select data-testid={`import-map-${key}`} value={mapping[key]} onChange={(e) => setMapping({ ...mapping, [key]: e.target.value })}>
      {optional && <option value="">—</option>}
      {preview!.fields.map((f) => (
        <option key={f.name} value={f.name}>
          {f.name} ({f.values.slice(0, 2).join(', ')})
        </option>
      ))}
    </select>
  );

  return (
    <section className="plots-card import" data-testid="import-plots">
      <header className="plots-card-header">
        <h3>{t('plots.import.title')}</h3>
        <button type="button" className="icon-button" onClick={() => setOpen(false)} aria-label={t('plots.plot.close')}>×</button>
      </header>
      <p className="muted small">{t('plots.import.formats')}</p>
      <label className="import-row">
        {t('plots.import.crs')}
        <input value={crs} inputMode="numeric" placeholder="9215" onChange={(e) => setCrs(e.target.value.replace(/\D/g, ''))} />
      </label>
      <input type="file" data-testid="import-file" accept=".geojson,.json,.kml,.kmz,.zip" disabled={busy} onChange={(e) => e.target.files?.[0] && void read(e.target.files[0])} />
      {preview && (
        <div className="import-mapping">
          <p className="small">
            {preview.filename}: {preview.count} {t('plots.occ.plots')} · {preview.crs.name}
            {preview.skipped > 0 && ` · ${preview.skipped} ${t('plots.import.skipped')}`}
          </p>
          <label className="import-row">{t('plots.import.codeField')}{fieldSelect('code', false)}</label>
          <label className="import-row">{t('plots.import.useField')}{fieldSelect('land_use', true)}</label>
          <label className="import-row">{t('plots.import.areaField')}{fieldSelect('plan_area_ha', true)}</label>
          {useField && (
            <table className="plots-table import-values">
              <tbody>
                {useField.values.map((v) => (
                  <tr key={v}>
                    <td>{v}</td>
                    <td>
                      <select value={values[v] ?? ''} onChange={(e) => setValues({ ...values, [v]: e.target.value as PlotLandUse })}>
                        <option value="">—</option>
                        {PLOT_LAND_USES.map((u) => <option key={u} value={u}>{t(`plots.landUse.${u}`)}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!mapping.land_use && <p className="muted small">{t('plots.import.allIndustrial')}</p>}
          <button type="button" className="primary" data-testid="import-commit" disabled={busy || !mapping.code} onClick={() => void commit()}>
            {t('plots.import.commit')} ({preview.count})
          </button>
        </div>
      )}
      {done !== undefined && <p className="plots-ok" role="status">{t('plots.import.done')}: {done}</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {problems.length > 0 && (
        <ul className="import-problems" data-testid="import-problems">
          {problems.map((p) => (
            <li key={`${p.index}-${p.code}`}>
              <strong>{p.plot_code ?? `#${p.index + 1}`}</strong>:{' '}
              {describeProblem(t, locale, p.code, { plot_code: p.plot_code ?? undefined, ...(p.details ?? {}) }, p.message)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
