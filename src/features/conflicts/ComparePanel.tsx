import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useApp } from '../../app/store';
import { SEVERITY_ORDER } from '../../core/analysis/severity';
import { formatHa, formatNumber } from '../../core/format/number';
import { useClusters } from '../clusters/store';
import { analysisApi, type Scenario, type Subject } from './api';
import { useConflicts } from './store';
import { serverOptions } from './useConflictAnalysis';

interface Choice {
  key: string;
  label: string;
  subject: Subject;
  /** A draft that redraws a cluster leaves that cluster out of its conflicts. */
  excludeClusterId?: number;
}

/** Two to four scenarios side by side: area, overlap by severity, rules, parcels and compensation. */
export function ComparePanel() {
  const { t, locale } = useI18n();
  const clusters = useClusters((s) => s.clusters);
  const draft = useApp((s) => s.draft);
  const scenarios = useConflicts((s) => s.scenarios);
  const draftOf = useConflicts((s) => s.draftOf);
  const [proposals, setProposals] = useState<Choice[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    analysisApi.proposals().then(
      (fc) => setProposals(fc.features.map((f) => ({ key: `p${f.properties.id}`, label: `${t('conflicts.proposal')}: ${f.properties.name}`, subject: { proposalId: f.properties.id } }))),
      () => setProposals([]),
    );
  }, [t]);

  const choices: Choice[] = [
    ...(draft
      ? [{ key: 'draft', label: draft.name ?? t('conflicts.subject.draft'), subject: { geometry: draft.geometry }, excludeClusterId: draftOf?.geometry === draft.geometry ? draftOf.clusterId : undefined }]
      : []),
    ...proposals,
    ...(clusters?.features ?? []).map((f) => ({ key: `c${f.properties.id}`, label: f.properties.name, subject: { clusterId: f.properties.id } })),
  ];
  const toggle = (k: string) => setPicked((p) => (p.includes(k) ? p.filter((x) => x !== k) : p.length < 4 ? [...p, k] : p));
  const run = async () => {
    setError(undefined);
    try {
      const items = picked
        .map((k) => choices.find((c) => c.key === k)!)
        .map((c) => ({ ...c.subject, label: c.label, ...(c.excludeClusterId ? { options: { excludeClusterId: c.excludeClusterId } } : {}) }));
      const { scenarios } = await analysisApi.compare(items, { ...serverOptions(), includeGeometry: false });
      useConflicts.getState().set({ scenarios });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const sevHa = (s: Scenario, sev: string) => s.severities.find((x) => x.severity === sev)?.overlapHa ?? 0;
  const shownSev = SEVERITY_ORDER.filter((s) => scenarios?.some((x) => sevHa(x, s) > 0));

  return (
    <section className="conflicts-compare" data-testid="compare">
      <h3>{t('conflicts.compare')}</h3>
      <p className="muted">{t('conflicts.compare.pick')}</p>
      <ul className="compare-choices">
        {choices.map((c) => (
          <li key={c.key}>
            <label>
              <input type="checkbox" checked={picked.includes(c.key)} onChange={() => toggle(c.key)} /> {c.label}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" disabled={picked.length < 2} onClick={run}>
        {t('conflicts.compare.run')}
      </button>
      {error && <p className="error">{error}</p>}
      {scenarios && (
        <div className="compare-scroll">
          <table data-testid="compare-table">
            <thead>
              <tr>
                <th />
                {scenarios.map((s, i) => (
                  <th key={i}>{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{t('conflicts.area')}</td>
                {scenarios.map((s, i) => <td key={i} className="num">{formatHa(s.area.planeHa, locale)}</td>)}
              </tr>
              {shownSev.map((sev) => (
                <tr key={sev}>
                  <td>{t(`conflicts.severity.${sev}`)}</td>
                  {scenarios.map((s, i) => <td key={i} className="num">{formatHa(sevHa(s, sev), locale)}</td>)}
                </tr>
              ))}
              {scenarios[0]!.rules.filter((r) => scenarios.some((s) => s.rules.find((x) => x.ruleId === r.ruleId)?.status !== 'not_applicable')).map((r) => (
                <tr key={r.ruleId}>
                  <td title={r.article[locale]}>{r.title[locale]}</td>
                  {scenarios.map((s, i) => {
                    const st = s.rules.find((x) => x.ruleId === r.ruleId)?.status ?? 'not_applicable';
                    return <td key={i} className={`rule-${st}`}>{t(`conflicts.status.${st}`)}</td>;
                  })}
                </tr>
              ))}
              <tr>
                <td>{t('conflicts.compare.parcels')}</td>
                {scenarios.map((s, i) => (
                  <td key={i} className="num">
                    {s.parcels.available ? `${s.parcels.parcels ?? 0} / ${s.parcels.households ?? '—'}` : t('conflicts.compare.noParcels')}
                  </td>
                ))}
              </tr>
              <tr>
                <td>{t('conflicts.compare.compensation')}</td>
                {scenarios.map((s, i) => (
                  <td key={i} className="num">{s.parcels.compensationVnd != null ? `${formatNumber(s.parcels.compensationVnd / 1e6, 0, locale)} ${t('conflicts.compare.millionVnd')}` : '—'}</td>
                ))}
              </tr>
              <tr>
                <td>{t('conflicts.compare.overall')}</td>
                {scenarios.map((s, i) => <td key={i} className={`rule-${s.overall}`}>{t(`conflicts.status.${s.overall}`)}</td>)}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
