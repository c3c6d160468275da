import { useI18n } from '../../app/i18n';
import { formatDate } from '../../core/format/number';
import type { MonthlyReview } from './api';
import { usePlots } from './store';

/** Monthly review: slow projects (no construction N months after lease) and overdue follow-ups. */
export function ReviewPanel({ review }: { review: MonthlyReview }) {
  const { t } = useI18n();
  const months = usePlots((s) => s.months);
  const setMonths = usePlots((s) => s.setMonths);
  return (
    <div className="review">
      <p className="review-controls">
        <label>
          {t('plots.review.months')}{' '}
          <input
            type="number"
            min={1}
            max={120}
            value={months}
            data-testid="review-months"
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 120) void setMonths(n);
            }}
          />
        </label>{' '}
        <span className="muted">{t('plots.review.asOf')} {formatDate(review.as_of)}</span>
      </p>
      <h4>{t('plots.review.slow')} ({review.slow_projects.length})</h4>
      {review.slow_projects.length === 0 ? (
        <p className="muted">{t('plots.review.slowNone')}</p>
      ) : (
        <ul data-testid="review-slow">
          {review.slow_projects.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong> — {p.investor_name} · {p.plot_codes.join(', ')} · {formatDate(p.lease_date)} ·{' '}
              <span className="warn">{p.months_since_lease} {t('plots.review.sinceLease')}</span>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('plots.review.overdue')} ({review.overdue_violations.length})</h4>
      {review.overdue_violations.length === 0 ? (
        <p className="muted">{t('plots.review.overdueNone')}</p>
      ) : (
        <ul data-testid="review-overdue">
          {review.overdue_violations.map((v) => (
            <li key={v.id}>
              <strong>{v.project_name ?? t('plots.inspections.cluster')}</strong>: {v.description} — {t('plots.inspections.deadline')}{' '}
              {formatDate(v.deadline)} · <span className="warn">{v.days_overdue} {t('plots.review.daysOverdue')}</span> ·{' '}
              {t(`plots.followUp.${v.follow_up_status}`)} <span className="muted">({v.agency}, {formatDate(v.inspection_date)})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
