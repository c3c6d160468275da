import { Fragment, useEffect, useState } from 'react';
import { PARCEL_STATUS_COLORS } from '../../../layers/parcels.layer';
import { useI18n } from '../../app/i18n';
import { landCode } from '../../core/land/codes';
import { formatDate, formatHa, formatNumber } from '../../core/format/number';
import { clearanceApi, type Owner } from './api';
import { fill, formatVnd } from './format';
import { InventoryView } from './InventoryView';
import { Notices } from './Notices';
import { useClearance } from './store';
import { TransitionForm } from './TransitionForm';

/** Black or white text, whichever reads better on the background colour. */
function textOn(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  const l = 0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return l < 140 ? '#ffffff' : '#1f2328';
}

/** Overlay: the record of the parcel clicked on the map — record, inventory, money, deadlines, history, next step. */
export function ParcelPanel() {
  const { t, locale } = useI18n();
  const { record, busy, notice, selected, asOf } = useClearance();
  const [owners, setOwners] = useState<Owner[] | string | undefined>();
  useEffect(() => setOwners(undefined), [record?.id]);
  if (!record) return null;
  const p = record.properties;
  const code = (c: string | null) => (c ? `${c} — ${landCode(c)?.[locale] ?? '?'}` : '—');
  const loadOwners = () => clearanceApi.owners(record.id).then(setOwners, (e: Error) => setOwners(e.message));
  const isSelected = selected.has(record.id);
  return (
    <aside className="panel gpmb-panel" data-testid="parcel-panel" aria-label={fill(t('gpmb.parcelTitle'), { sheet: p.map_sheet_no, parcel: p.parcel_no })}>
      <div className="panel-header">
        <h2>{fill(t('gpmb.parcelTitle'), { sheet: p.map_sheet_no, parcel: p.parcel_no })}</h2>
        <button type="button" className="icon-button" onClick={() => void useClearance.getState().openRecord(undefined)} aria-label={t('panel.close')}>×</button>
      </div>
      <span className="status-chip" style={{ background: PARCEL_STATUS_COLORS[p.status], color: textOn(PARCEL_STATUS_COLORS[p.status]) }} data-testid="parcel-status">
        {p.step}. {t(`gpmb.status.${p.status}`)}
      </span>
      {p.flags.length > 0 && (
        <div className="gpmb-flags">
          {p.flags.map((f) => <span key={f} className="gpmb-flag">{t(`gpmb.flag.${f}`)}</span>)}
        </div>
      )}
      {p.overdue.map((o) => (
        <p key={o.kind} className="error small" data-testid="parcel-overdue">{t(`gpmb.overdue.${o.kind}`)} — {formatDate(o.due)}</p>
      ))}
      <dl className="facts">
        <dt>{t('gpmb.commune')}</dt><dd>{p.commune_name ?? p.commune_code}</dd>
        <dt>{t('gpmb.planeArea')}</dt><dd className="area" data-testid="parcel-area">{formatHa(p.area_ha, locale)}</dd>
        <dt>{t('gpmb.cadastralArea')}</dt><dd>{p.cadastral_area_m2 === null ? '—' : `${formatNumber(p.cadastral_area_m2, 1, locale)} m²`}</dd>
        <dt>{t('gpmb.landLegal')}</dt><dd>{code(p.legal_land_code)}</dd>
        <dt>{t('gpmb.landCurrent')}</dt><dd>{code(p.current_land_code)}</dd>
        <dt>{t('gpmb.landPlanned')}</dt><dd>{code(p.planned_land_code)}</dd>
        {p.original_land_code && (<><dt>{t('gpmb.landOriginal')}</dt><dd>{p.original_land_code}</dd></>)}
        <dt>{t('gpmb.owners')}</dt><dd>{p.owner_count} / {p.household_count}</dd>
      </dl>
      {p.notes && <p className="note">{p.notes}</p>}
      {p.owner_count > 0 && (
        owners === undefined ? <button type="button" onClick={() => void loadOwners()}>{t('gpmb.showOwners')}</button> :
        typeof owners === 'string' ? <p className="error small">{owners}</p> :
        <ul className="gpmb-owners">{owners.map((o) => <li key={o.id}>{o.owner_name} ({o.household_code}{o.share_pct ? `, ${formatNumber(o.share_pct, 2, locale)} %` : ''})</li>)}</ul>
      )}

      <h3>{t('gpmb.money')}</h3>
      <dl className="facts">
        <dt>{t('gpmb.proposed')}</dt><dd>{formatVnd(p.compensation_proposed, locale)}</dd>
        <dt>{t('gpmb.approved')}</dt><dd data-testid="parcel-approved">{formatVnd(p.compensation_approved, locale)}</dd>
        <dt>{t('gpmb.paidShort')}</dt><dd data-testid="parcel-paid">{formatVnd(p.compensation_paid, locale)}{p.deposited ? ' *' : ''}</dd>
      </dl>

      <h3>{t('gpmb.deadlines')}</h3>
      <dl className="facts">
        {([['earliestRecoveryDecision', 'gpmb.earliestRecovery'], ['noticeExpiry', 'gpmb.noticeExpiry'], ['postingEnd', 'gpmb.postingEnd'], ['paymentDue', 'gpmb.paymentDue']] as const)
          .filter(([k]) => p.deadlines[k])
          .map(([k, label]) => (<Fragment key={k}><dt>{t(label)}</dt><dd>{formatDate(p.deadlines[k])}</dd></Fragment>))}
      </dl>

      <h3>{t('gpmb.inventory')}</h3>
      <InventoryView inv={p.inventory} />

      <h3>{t('gpmb.history')}</h3>
      {record.events.length === 0 ? <p className="muted">{t('gpmb.historyNone')}</p> : (
        <ol className="timeline" data-testid="parcel-history">
          {record.events.map((e) => (
            <li key={e.seq}>
              <strong>{formatDate(e.date)}</strong> · {t(`gpmb.action.${e.action}`)}
              {e.decision_no && <> · {e.decision_no}</>}
              {e.signatory && <span className="muted"> · {e.signatory}</span>}
              {e.amount !== null && <span className="muted"> · {formatVnd(e.amount, locale)}</span>}
              {e.note && <div className="muted small">{e.note}</div>}
              <div className="muted small">{t('gpmb.byActor')}: {e.actor}</div>
            </li>
          ))}
        </ol>
      )}

      {!asOf && (
        <>
          <button type="button" onClick={() => useClearance.getState().toggleSelected(record.id)} data-testid="parcel-select">
            {isSelected ? t('gpmb.removeFromSelection') : t('gpmb.addToSelection')}
          </button>
          {p.allowed_actions.length > 0 && (
            <>
              <h3>{t('gpmb.nextStep')}</h3>
              <TransitionForm actions={p.allowed_actions} busy={busy} onSubmit={(f) => useClearance.getState().transition(f)} testId="parcel-transition-form" />
            </>
          )}
          {notice && <Notices notice={notice} okText={() => t('gpmb.saved')} />}
        </>
      )}
    </aside>
  );
}
