import { useEffect } from 'react';
import { useI18n } from '../../app/i18n';
import type { Grouping } from '../../core/reports/aggregate';
import { scopeQuery } from './api';
import { useDashboard } from './store';
import './dashboard.css';

const FORMS = ['b02', 'b03', 'b04'] as const;

/** Sidebar of the dashboard: province, period, grouping, and the periodic forms to download. */
export function DashboardTab() {
  const { t, locale } = useI18n();
  const s = useDashboard();
  useEffect(() => {
    void useDashboard.getState().init();
  }, []);
  const province = s.provinces.find((p) => p.key === s.province);
  const summary = province?.kind === 'summary';
  const query = scopeQuery(s);
  return (
    <div className="dash-sidebar" data-testid="dashboard-controls">
      <label>
        {t('dash.province')}
        <select value={s.province} onChange={(e) => void s.set({ province: e.target.value })} data-testid="dash-province">
          {s.provinces.map((p) => (
            <option key={p.key} value={p.key}>
              {p.name}
              {p.kind === 'summary' ? ` (${t('dash.summaryOnly')}, ${p.as_of_label})` : ''}
            </option>
          ))}
        </select>
      </label>
      {!summary && (
        <>
          <label>
            {t('dash.period')}
            <select value={s.period} onChange={(e) => void s.set({ period: e.target.value })} data-testid="dash-period">
              <option value="now">{t('dash.now')}</option>
              {s.periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {locale === 'vi' ? p.label_vi : p.label_en}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dash.grouping')}
            <select value={s.group} onChange={(e) => void s.set({ group: e.target.value as Grouping | 'auto' })} data-testid="dash-group">
              <option value="auto">{t('dash.group.auto')}</option>
              <option value="district">{t('dash.group.district')}</option>
              <option value="commune">{t('dash.group.commune')}</option>
            </select>
          </label>
        </>
      )}
      <section className="dash-forms">
        <h3>{t('dash.forms')}</h3>
        {(summary ? (['b04'] as const) : FORMS).map((f) => (
          <div key={f} className="dash-form-row">
            <span>{t(`dash.form.${f}`)}</span>
            <span className="dash-downloads">
              <a href={`/api/reports/forms/${f}?${query}&format=xlsx`} download data-testid={`form-${f}-xlsx`}>
                XLSX
              </a>
              <a href={`/api/reports/forms/${f}?${query}&format=pdf`} download>
                PDF
              </a>
              <a href={`/api/reports/forms/${f}?${query}&format=html`} target="_blank" rel="noopener">
                {t('dash.print')}
              </a>
            </span>
          </div>
        ))}
        <p className="muted small">{summary ? t('dash.formsSummary') : s.period === 'now' ? t('dash.formsNeedPeriod') : ''}</p>
      </section>
    </div>
  );
}
