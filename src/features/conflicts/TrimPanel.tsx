import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useApp } from '../../app/store';
import { formatHa } from '../../core/format/number';
import { analysisApi } from './api';
import { useConflicts, type ConflictSubject } from './store';
import { serverOptions, subjectPayload } from './useConflictAnalysis';

/**
 * "Trim to buildable": the boundary minus blocking land (optionally minus land needing
 * approval), its area and whether it still meets the minimum; accepted as a new proposal
 * (POST /api/proposals), or as the boundary being drawn where proposals cannot be saved.
 */
export function TrimPanel({ subject }: { subject: ConflictSubject }) {
  const { t, locale } = useI18n();
  const trim = useConflicts((s) => (s.trim?.key === subject.key ? s.trim : undefined));
  const [needsApproval, setNeedsApproval] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string>();

  const run = async () => {
    setBusy(true);
    setNote(undefined);
    try {
      const o = serverOptions(subject);
      const result = await analysisApi.trim(subjectPayload(subject), { excludeNeedsApproval: needsApproval, date: o.date, ...(o.mountainous !== undefined ? { mountainous: o.mountainous } : {}) });
      useConflicts.getState().set({ trim: { key: subject.key, result, excludeNeedsApproval: needsApproval } });
    } catch (e) {
      setNote((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (!trim?.result.geometry) return;
    const name = `${subject.name ?? t('conflicts.proposal')} (${t('conflicts.trim.result').toLowerCase()})`;
    try {
      await analysisApi.createProposal({ name, origin: 'trim', cluster_id: subject.clusterId ?? null, geometry: trim.result.geometry });
      setNote(t('conflicts.trim.accepted'));
    } catch {
      // No proposals route here (or not allowed): keep it as the boundary being drawn.
      setNote(t('conflicts.trim.draft'));
    }
    const redrawn = subject.clusterId ?? subject.redraws?.clusterId;
    const draftOf = redrawn !== undefined ? { geometry: trim.result.geometry, clusterId: redrawn, name: subject.kind === 'cluster' ? subject.name : (subject.redraws?.name ?? null) } : undefined;
    useConflicts.getState().set({ mode: 'draft', trim: undefined, draftOf });
    useApp.getState().setDraft({ geometry: trim.result.geometry, origin: 'trim', name });
  };

  return (
    <section className="conflicts-trim" data-testid="trim">
      <h3>{t('conflicts.trim')}</h3>
      <label>
        <input type="checkbox" checked={needsApproval} onChange={(e) => setNeedsApproval(e.target.checked)} /> {t('conflicts.trim.needsApproval')}
      </label>
      <button type="button" onClick={run} disabled={busy}>
        {t('conflicts.trim.run')}
      </button>
      {trim && (
        <div data-testid="trim-result" className="trim-result">
          {trim.result.geometry ? (
            <>
              <div>
                {t('conflicts.trim.result')}: <strong data-testid="trim-area">{formatHa(trim.result.areaHa, locale)}</strong> ({t('conflicts.trim.removed')}{' '}
                {formatHa(trim.result.removedHa, locale)}: {trim.result.removedCodes.join(', ') || '—'})
              </div>
              <div className={trim.result.meetsMinimum ? 'ok' : 'bad'}>
                {trim.result.meetsMinimum ? t('conflicts.trim.meets') : t('conflicts.trim.notMeets')} — {trim.result.areaRule.message[locale]}
              </div>
              <button type="button" onClick={accept}>
                {t('conflicts.trim.accept')}
              </button>
            </>
          ) : (
            <div className="bad">{t('conflicts.trim.nothing')}</div>
          )}
        </div>
      )}
      {note && <p className="muted">{note}</p>}
    </section>
  );
}
