import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { INSPECTION_SCOPES, type InspectionScope } from '../../core/occupancy/land-use';
import type { Project } from './api';
import { todayIso } from './format';
import { usePlots } from './store';

/** Records an inspection of the cluster or one project, with at most one violation and its deadline. */
export function InspectionForm({ clusterId, projects, onDone }: { clusterId: number; projects: Project[]; onDone: () => void }) {
  const { t } = useI18n();
  const createInspection = usePlots((s) => s.createInspection);
  const [date, setDate] = useState(todayIso());
  const [agency, setAgency] = useState('');
  const [scope, setScope] = useState<InspectionScope[]>(['environment']);
  const [projectId, setProjectId] = useState('');
  const [findings, setFindings] = useState('');
  const [violation, setViolation] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="plots-form"
      data-testid="inspection-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!scope.length) return setError(t('plots.form.scopeRequired'));
        setBusy(true);
        const err = await createInspection({
          cluster_id: clusterId,
          project_id: projectId ? Number(projectId) : null,
          date,
          agency: agency.trim(),
          scope,
          findings: findings.trim() || null,
          violations: violation.trim() && deadline ? [{ description: violation.trim(), deadline }] : [],
        });
        setBusy(false);
        setError(err);
        if (!err) onDone();
      }}
    >
      <label>{t('plots.form.date')}<input type="date" value={date} onChange={(e) => setDate(e.target.value)} required /></label>
      <label>{t('plots.form.agency')}<input value={agency} onChange={(e) => setAgency(e.target.value)} required maxLength={300} /></label>
      <fieldset>
        <legend>{t('plots.form.scope')}</legend>
        {INSPECTION_SCOPES.map((s) => (
          <label key={s} className="inline">
            <input
              type="checkbox"
              checked={scope.includes(s)}
              onChange={(e) => setScope(e.target.checked ? [...scope, s] : scope.filter((x) => x !== s))}
            />
            {t(`plots.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('plots.plot.project')}
        <select value={projectId} onChange={(e) => setProjectId(e.target.value)}>
          <option value="">{t('plots.inspections.cluster')}</option>
          {projects.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="wide">{t('plots.form.findings')}<textarea value={findings} onChange={(e) => setFindings(e.target.value)} rows={2} maxLength={8000} /></label>
      <label className="wide">{t('plots.form.violation')}<input value={violation} onChange={(e) => setViolation(e.target.value)} maxLength={2000} /></label>
      <label>{t('plots.inspections.deadline')}<input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} required={!!violation.trim()} /></label>
      <div className="plots-form-actions">
        <button type="submit" className="primary" disabled={busy}>{t('plots.form.save')}</button>
        <button type="button" className="secondary" onClick={onDone}>{t('plots.form.cancel')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}
