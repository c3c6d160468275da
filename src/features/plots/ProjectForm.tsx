import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { CAPITAL_ORIGINS, PROJECT_STATUSES, type CapitalOrigin, type ProjectStatus } from '../../core/occupancy/land-use';
import { usePlots } from './store';

const empty = { name: '', investor_name: '', capital_origin: 'domestic' as CapitalOrigin, investor_country: '', industry: '', cert_no: '', cert_date: '', capital: '', status: 'approved' as ProjectStatus };

/** Adds a tenant project (Biểu 01 essentials); plots are then leased to it from the map. */
export function ProjectForm({ clusterId, onDone }: { clusterId: number; onDone: () => void }) {
  const { t } = useI18n();
  const create = usePlots((s) => s.create);
  const [v, setV] = useState(empty);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const field = (k: keyof typeof empty, label: string, props: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} {...props} />
    </label>
  );
  return (
    <form
      className="plots-form"
      data-testid="project-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const err = await create('project', {
          cluster_id: clusterId,
          name: v.name.trim(),
          investor_name: v.investor_name.trim(),
          capital_origin: v.capital_origin,
          investor_country: v.investor_country.trim() || null,
          industry: v.industry.trim() || null,
          investment_cert_no: v.cert_no.trim() || null,
          investment_cert_date: v.cert_date || null,
          registered_capital_bn_vnd: v.capital ? Number(v.capital.replace(',', '.')) : null,
          status: v.status,
        });
        setBusy(false);
        setError(err);
        if (!err) onDone();
      }}
    >
      {field('name', t('plots.form.projectName'), { required: true, maxLength: 300 })}
      {field('investor_name', t('plots.plot.investor'), { required: true, maxLength: 300 })}
      <label>
        {t('plots.projects.origin')}
        <select value={v.capital_origin} onChange={(e) => setV({ ...v, capital_origin: e.target.value as CapitalOrigin })}>
          {CAPITAL_ORIGINS.map((o) => <option key={o} value={o}>{t(`plots.project.${o}`)}</option>)}
        </select>
      </label>
      {field('investor_country', t('plots.form.country'))}
      {field('industry', t('plots.projects.industry'))}
      {field('cert_no', t('plots.form.certNo'))}
      {field('cert_date', t('plots.form.certDate'), { type: 'date' })}
      {field('capital', t('plots.form.capital'), { inputMode: 'decimal', pattern: '\\d+([.,]\\d+)?' })}
      <label>
        {t('plots.projects.status')}
        <select value={v.status} onChange={(e) => setV({ ...v, status: e.target.value as ProjectStatus })}>
          {PROJECT_STATUSES.filter((s) => s !== 'terminated').map((s) => <option key={s} value={s}>{t(`plots.project.status.${s}`)}</option>)}
        </select>
      </label>
      <div className="plots-form-actions">
        <button type="submit" className="primary" disabled={busy}>{t('plots.form.save')}</button>
        <button type="button" className="secondary" onClick={onDone}>{t('plots.form.cancel')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
