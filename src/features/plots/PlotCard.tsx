import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { formatDate, formatHa } from '../../core/format/number';
import type { PlotFeature, Project } from './api';
import { todayIso } from './format';
import { usePlots } from './store';

/** The selected plot: what it is, who holds it, and (vacant industrial land) the lease form. */
export function PlotCard({ plot, projects }: { plot: PlotFeature; projects: Project[] }) {
  const { t, locale } = useI18n();
  const { busy, notice, lease, release, selectPlot } = usePlots();
  const [projectId, setProjectId] = useState<string>('');
  const [date, setDate] = useState(todayIso());
  const p = plot.properties;
  const eligible = projects
    .filter((x) => x.status !== 'terminated')
    .sort((a, b) => a.plots.length - b.plots.length || a.name.localeCompare(b.name));
  const noticeText =
    notice?.kind === 'ok'
      ? t(notice.text === 'leased' ? 'plots.plot.leased' : 'plots.plot.released')
      : notice && (notice.code && t(`plots.error.${notice.code}`) !== `plots.error.${notice.code}` ? t(`plots.error.${notice.code}`) : notice.text);
  return (
    <section className="plots-card plot-card" data-testid="plot-card" aria-label={`${t('plots.plot.title')} ${p.code}`}>
      <header className="plots-card-header">
        <h3>
          {t('plots.plot.title')} <span data-testid="plot-code">{p.code}</span>
        </h3>
        <button type="button" className="icon-button" onClick={() => selectPlot(undefined)} aria-label={t('plots.plot.close')}>×</button>
      </header>
      <p className="plot-chip" data-class={p.map_class} data-testid="plot-state">{t(`plots.class.${p.map_class}`)}</p>
      <dl className="plots-facts">
        <dt>{t('plots.plot.landUse')}</dt>
        <dd>{t(`plots.landUse.${p.land_use}`)}</dd>
        <dt>{t('plots.plot.area')}</dt>
        <dd data-testid="plot-area">{formatHa(p.area_ha, locale)}</dd>
        {p.plan_area_ha !== null && (
          <>
            <dt>{t('plots.plot.planArea')}</dt>
            <dd>{formatHa(p.plan_area_ha, locale)}</dd>
          </>
        )}
        {p.project_name && (
          <>
            <dt>{t('plots.plot.project')}</dt>
            <dd data-testid="plot-project">{p.project_name}</dd>
            <dt>{t('plots.plot.investor')}</dt>
            <dd>
              {p.investor_name} · {t(`plots.project.${p.capital_origin}`)}
            </dd>
            <dt>{t('plots.projects.status')}</dt>
            <dd>{t(`plots.project.status.${p.project_status}`)}</dd>
            <dt>{t('plots.plot.leasedOn')}</dt>
            <dd>{formatDate(p.leased_on)}</dd>
          </>
        )}
      </dl>
      {p.land_use !== 'industrial' && <p className="muted small">{t('plots.plot.notIndustrial')}</p>}
      {p.map_class === 'vacant' && (
        <form
          className="lease-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (projectId) void lease(plot, Number(projectId), date);
          }}
        >
          <label>
            {t('plots.plot.leaseTo')}
            <select data-testid="lease-project" value={projectId} onChange={(e) => setProjectId(e.target.value)} required>
              <option value="">{t('plots.plot.chooseProject')}</option>
              {eligible.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({t(`plots.project.status.${x.status}`)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('plots.plot.leaseDate')}
            <input type="date" data-testid="lease-date" value={date} onChange={(e) => setDate(e.target.value)} required />
          </label>
          <button type="submit" className="primary" data-testid="lease-button" disabled={busy || !projectId}>
            {t('plots.plot.leaseButton')}
          </button>
        </form>
      )}
      {p.project_id !== null && (
        <button type="button" className="secondary" data-testid="release-button" disabled={busy} onClick={() => void release(plot)}>
          {t('plots.plot.releaseButton')}
        </button>
      )}
      {noticeText && (
        <p className={notice?.kind === 'ok' ? 'plots-ok' : 'error'} role={notice?.kind === 'ok' ? 'status' : 'alert'} data-testid="plot-notice">
          {noticeText}
        </p>
      )}
    </section>
  );
}
