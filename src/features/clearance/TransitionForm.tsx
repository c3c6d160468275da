import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { todayInVietnam } from '../../core/clearance/dates';
import { needsDecision } from '../../core/clearance/machine';
import type { ParcelAction } from '../../core/clearance/steps';
import type { TransitionFields } from './api';

interface Props {
  actions: readonly ParcelAction[];
  busy: boolean;
  onSubmit: (f: TransitionFields) => Promise<boolean>;
  testId: string;
}

/** The fields of one transition: step, date, decision no. and signatory (when the step is a decision), note, money. */
export function TransitionForm({ actions, busy, onSubmit, testId }: Props) {
  const { t } = useI18n();
  const [action, setAction] = useState<ParcelAction | ''>(actions[0] ?? '');
  const [date, setDate] = useState(todayInVietnam());
  const [decisionNo, setDecisionNo] = useState('');
  const [signatory, setSignatory] = useState('Chủ tịch UBND xã');
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [deposited, setDeposited] = useState(false);
  useEffect(() => {
    if (!action || !actions.includes(action)) setAction(actions[0] ?? '');
  }, [actions, action]);

  if (!actions.length) return null;
  const decision = action ? needsDecision(action) : false;
  const money = action === 'approve_plan' || action === 'pay' || action === 'draft_plan';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    const ok = await onSubmit({
      action,
      date,
      decision_no: decisionNo.trim() || null,
      signatory: decision ? signatory.trim() || null : null,
      note: note.trim() || null,
      amount: money && amount.trim() ? Number(amount.replace(/[.\s]/g, '')) : null,
      deposited: action === 'pay' ? deposited : null,
    });
    if (ok) {
      setDecisionNo('');
      setNote('');
      setAmount('');
    }
  };
  return (
    <form className="gpmb-form" onSubmit={submit} data-testid={testId}>
      <label>
        {t('gpmb.action')}
        <select value={action} onChange={(e) => setAction(e.target.value as ParcelAction)} name="action">
          {actions.map((a) => (
            <option key={a} value={a}>{t(`gpmb.action.${a}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('gpmb.date')}
        <input type="date" value={date} max={todayInVietnam()} onChange={(e) => setDate(e.target.value)} name="date" required />
      </label>
      <label>
        {t('gpmb.decisionNo')}
        <input value={decisionNo} onChange={(e) => setDecisionNo(e.target.value)} name="decision_no" required={decision} placeholder="123/QĐ-UBND" />
      </label>
      {decision && (
        <label>
          {t('gpmb.signatory')}
          <input value={signatory} onChange={(e) => setSignatory(e.target.value)} name="signatory" required />
        </label>
      )}
      {money && (
        <label>
          {t('gpmb.amount')}
          <input value={amount} inputMode="numeric" onChange={(e) => setAmount(e.target.value)} name="amount" placeholder={t('gpmb.amountHint')} />
        </label>
      )}
      {action === 'pay' && (
        <label className="check">
          <input type="checkbox" checked={deposited} onChange={(e) => setDeposited(e.target.checked)} name="deposited" /> {t('gpmb.deposited')}
        </label>
      )}
      <label>
        {t('gpmb.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} name="note" />
      </label>
      <button type="submit" disabled={busy || !action}>{t('gpmb.apply')}</button>
    </form>
  );
}
