import { useState } from 'react';
import { ApiError } from '../../api/client';
import { sendJson } from '../../api/http';
import { useI18n } from '../../app/i18n';
import { DECISION_KIND_LABELS, DECISION_KINDS, LEGAL_REGIMES, validateDecision, type DecisionInput, type DecisionKind } from '../../core/clusters/decisions';
import { parseDateInput } from '../../core/format/date';
import { formatDate } from '../../core/format/number';
import type { DecisionFull } from './api';

const kindLabel = (k: string, locale: 'vi' | 'en') => DECISION_KIND_LABELS[k as DecisionKind]?.[locale] ?? k;

/** A form to add a decision to the timeline; errors name the field. */
function AddDecision({ clusterId, onAdded }: { clusterId: number; onAdded: () => void }) {
  const { t, locale } = useI18n();
  const [d, setD] = useState({ number: '', date: '', issuer: 'UBND tỉnh Lạng Sơn', kind: 'establishment', legal_regime: '32/2024/NĐ-CP', summary: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const iso = parseDateInput(d.date);
    const input: DecisionInput = { ...d, date: iso ?? d.date, legal_regime: d.legal_regime || null, summary: d.summary || null };
    const problems = validateDecision(input).map((e) => e[locale]);
    if (problems.length) return setErrors(problems);
    setBusy(true);
    try {
      await sendJson('POST', `/api/clusters/${clusterId}/decisions`, input);
      onAdded();
    } catch (e) {
      setErrors([e instanceof ApiError ? e.message : String(e)]);
    } finally {
      setBusy(false);
    }
  };
  const field = (k: keyof typeof d, label: string, extra: object = {}) => (
    <label>
      <span>{label}</span>
      <input value={d[k]} onChange={(e) => setD({ ...d, [k]: e.target.value })} {...extra} />
    </label>
  );
  return (
    <form className="decision-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      {field('number', t('decision.number'), { placeholder: '123/QĐ-UBND', required: true })}
      {field('date', t('decision.date'), { placeholder: 'dd/mm/yyyy', required: true })}
      {field('issuer', t('decision.issuer'))}
      <label>
        <span>{t('decision.kind')}</span>
        <select value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value })}>
          {DECISION_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k, locale)}
            </option>
          ))}
        </select>
      </label>
      {field('legal_regime', t('decision.regime'), { list: 'legal-regimes' })}
      <datalist id="legal-regimes">
        {LEGAL_REGIMES.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {field('summary', t('decision.summary'))}
      {errors.map((e) => (
        <p key={e} className="field-error" role="alert">
          {e}
        </p>
      ))}
      <button type="submit" disabled={busy}>
        {t('decision.add')}
      </button>
    </form>
  );
}

const SOURCE_KEYS = { public: 'decision.source.public', illustrative: 'decision.source.illustrative', user: 'decision.source.user' } as const;

/** The decisions of a cluster, oldest first, with a form to add one. */
export function DecisionTimeline({
  clusterId,
  decisions,
  onChanged,
  canEdit,
}: {
  clusterId: number;
  decisions: DecisionFull[];
  onChanged: () => void;
  /** Editors see the add form (the server checks their scope). */
  canEdit: boolean;
}) {
  const { t, locale } = useI18n();
  const [adding, setAdding] = useState(false);
  return (
    <section aria-label={t('panel.decisions')}>
      <h3>
        {t('panel.decisions')}
        {canEdit && (
          <button type="button" className="link-button" onClick={() => setAdding(!adding)}>
            {adding ? t('form.cancel') : `+ ${t('decision.add')}`}
          </button>
        )}
      </h3>
      {adding && canEdit && (
        <AddDecision
          clusterId={clusterId}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {decisions.length === 0 ? (
        <p className="muted">{t('panel.noDecisions')}</p>
      ) : (
        <ol className="timeline" data-testid="decisions">
          {decisions.map((d) => (
            <li key={d.id}>
              <strong>{d.number}</strong> · {formatDate(d.date)} · {d.issuer}
              <div>
                <span className="kind">{kindLabel(d.kind, locale)}</span>
                {d.legal_regime && <span className="muted"> · {t('decision.regime')}: {d.legal_regime}</span>}
                <span className={`badge source-${d.source}`}>{t(SOURCE_KEYS[d.source])}</span>
              </div>
              {d.summary && <div className="muted">{d.summary}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
