import { useI18n } from '../../app/i18n';
import { formatDate } from '../../core/format/number';
import type { RuleResult } from '../../core/rules/types';

/** Legal rule results: status, title, article, message and notes. */
export function RulesView({ rules }: { rules: RuleResult[] }) {
  const { t, locale } = useI18n();
  const regime = rules[0]?.regime;
  return (
    <section className="conflicts-rules" data-testid="rules">
      <h3>{t('conflicts.rules')}</h3>
      {regime && (
        <p className="muted" data-testid="regime">
          {t('conflicts.regime')}: {regime.name} ({formatDate(regime.effectiveFrom)})
        </p>
      )}
      <ul>
        {rules.map((r) => (
          <li key={r.ruleId} className={`rule rule-${r.status}`} data-rule={r.ruleId} data-status={r.status}>
            <span className={`badge badge-${r.status}`}>{t(`conflicts.status.${r.status}`)}</span> <strong>{r.title[locale]}</strong>
            <div className="article">{r.article[locale]}</div>
            <div>{r.message[locale]}</div>
            {r.notes.map((n, i) => (
              <div key={i} className="muted note">
                {n[locale]}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
