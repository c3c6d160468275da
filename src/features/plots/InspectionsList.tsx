import { useI18n } from '../../app/i18n';
import { formatDate } from '../../core/format/number';
import type { Inspection } from './api';
import { usePlots } from './store';

/** Inspections of the cluster and its projects, newest first, with violations and their follow-up. */
export function InspectionsList({ inspections }: { inspections: Inspection[] }) {
  const { t } = useI18n();
  const resolve = usePlots((s) => s.resolveViolation);
  if (inspections.length === 0) return <p className="muted">{t('plots.inspections.none')}</p>;
  return (
    <ol className="inspections" data-testid="inspections-list">
      {inspections.map((i) => (
        <li key={i.id}>
          <div>
            <strong>{formatDate(i.date)}</strong> · {i.agency} · {i.scope.map((s) => t(`plots.scope.${s}`)).join(', ')} ·{' '}
            <em>{i.project_name ?? t('plots.inspections.cluster')}</em>
          </div>
          {i.findings && <div className="muted">{i.findings}</div>}
          {i.violations.length > 0 && (
            <ul className="violations">
              {i.violations.map((v) => (
                <li key={v.id} data-overdue={v.overdue}>
                  {v.description}{' '}
                  <span className="muted">
                    — {t('plots.inspections.deadline')} {formatDate(v.deadline)} · {t(`plots.followUp.${v.follow_up_status}`)}
                    {v.resolved_on ? ` ${formatDate(v.resolved_on)}` : ''}
                  </span>
                  {v.overdue && <span className="badge-overdue">{t('plots.inspections.overdue')}</span>}
                  {v.follow_up_status !== 'resolved' && (
                    <button type="button" className="link" onClick={() => void resolve(v.id, v.version)}>
                      {t('plots.inspections.resolve')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
