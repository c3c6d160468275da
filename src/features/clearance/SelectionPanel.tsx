import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { actionsFrom } from '../../core/clearance/machine';
import type { ParcelAction } from '../../core/clearance/steps';
import { startAreaSelect, type SelectKind } from '../../map/select/area-select';
import { fill } from './format';
import { Notices } from './Notices';
import { useClearance } from './store';
import { TransitionForm } from './TransitionForm';

/** Box / lasso selection, and one decision applied to every selected parcel. */
export function SelectionPanel() {
  const { t } = useI18n();
  const { parcels, selected, busy, asOf, notice } = useClearance();
  const [mode, setMode] = useState<SelectKind | undefined>();
  const cancel = useRef<() => void>(undefined);
  useEffect(() => () => cancel.current?.(), []);

  const start = (kind: SelectKind) => {
    cancel.current?.();
    if (mode === kind) return setMode(undefined);
    setMode(kind);
    let shift = false;
    const onKey = (e: KeyboardEvent) => (shift = e.shiftKey);
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', onKey);
    cancel.current = startAreaSelect(
      kind,
      (ring) => useClearance.getState().selectInRing(ring, shift),
      () => {
        window.removeEventListener('keydown', onKey);
        window.removeEventListener('keyup', onKey);
        setMode(undefined);
      },
    );
  };

  // The steps every selected parcel may take next.
  const common = useMemo<ParcelAction[]>(() => {
    const statuses = new Set((parcels?.features ?? []).filter((f) => selected.has(f.properties.id)).map((f) => f.properties.status));
    let acts: ParcelAction[] | undefined;
    for (const s of statuses) {
      const a = s ? actionsFrom(s) : [];
      acts = acts ? acts.filter((x) => a.includes(x)) : a;
    }
    return acts ?? [];
  }, [parcels, selected]);

  if (asOf) return <p className="note">{t('gpmb.pastReadOnly')}</p>;
  return (
    <section className="gpmb-card" data-testid="gpmb-selection">
      <h3>{t('gpmb.select')}</h3>
      <div className="gpmb-row">
        <button type="button" aria-pressed={mode === 'box'} onClick={() => start('box')} data-testid="gpmb-select-box">{t('gpmb.selectBox')}</button>
        <button type="button" aria-pressed={mode === 'lasso'} onClick={() => start('lasso')} data-testid="gpmb-select-lasso">{t('gpmb.selectLasso')}</button>
        <span className="grow" />
        <span data-testid="gpmb-selected-count">{t('gpmb.selected')}: {selected.size}</span>
        <button type="button" onClick={() => useClearance.getState().clearSelection()} disabled={!selected.size}>{t('gpmb.clearSelection')}</button>
      </div>
      {mode && <p className="muted small">{t('gpmb.selectHint')}</p>}
      {selected.size > 0 && (
        <>
          <h3>{t('gpmb.bulkTitle')}</h3>
          {common.length ? (
            <TransitionForm actions={common} busy={busy} onSubmit={(f) => useClearance.getState().bulkTransition(f)} testId="gpmb-bulk-form" />
          ) : (
            <p className="muted small">{t('gpmb.bulkNone')}</p>
          )}
        </>
      )}
      {notice && !useClearance.getState().record && <Notices notice={notice} okText={(n) => fill(t('gpmb.bulkDone'), { n })} />}
    </section>
  );
}
