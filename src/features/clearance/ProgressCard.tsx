import { PARCEL_FLAG_COLORS, PARCEL_NOT_IN_PLAN, PARCEL_OVERDUE_OUTLINE, PARCEL_STATUS_COLORS } from '../../../layers/parcels.layer';
import { useI18n } from '../../app/i18n';
import { OVERDUE_KINDS } from '../../core/clearance/deadlines';
import type { Progress } from '../../core/clearance/progress';
import { BLOCKING_FLAGS, PARCEL_STATUSES } from '../../core/clearance/steps';
import { formatHa, formatNumber } from '../../core/format/number';
import { formatBn, formatPct } from './format';

function Bar({ pct, color, testId }: { pct: number; color: string; testId: string }) {
  return (
    <div className="gpmb-bar" role="progressbar" aria-valuenow={Math.round(pct * 10) / 10} aria-valuemin={0} aria-valuemax={100} data-testid={testId}>
      <div style={{ width: `${Math.min(100, Math.max(0, pct))}%`, background: color }} />
    </div>
  );
}

/** Progress bar and figures: handed over, money, households, graves, overdue, obstacles. */
export function ProgressCard({ p }: { p: Progress }) {
  const { t, locale } = useI18n();
  return (
    <section className="gpmb-card" data-testid="gpmb-progress">
      <div className="gpmb-row">
        <span>{t('gpmb.handedOver')}</span>
        <strong data-testid="gpmb-handed-over">{formatHa(p.handedOver.areaHa, locale)} / {formatHa(p.areaHa, locale)} · {formatPct(p.handedOver.pctArea, locale)}</strong>
      </div>
      <Bar pct={p.handedOver.pctArea} color={PARCEL_STATUS_COLORS.handed_over} testId="gpmb-bar-handed-over" />
      <div className="gpmb-row">
        <span>{t('gpmb.paid')}</span>
        <strong>{formatBn(p.money.paid, locale)} / {formatBn(p.money.approved, locale)}</strong>
      </div>
      <Bar pct={p.money.pctPaidOfApproved} color={PARCEL_STATUS_COLORS.paid} testId="gpmb-bar-paid" />
      <dl className="gpmb-figures">
        <dt>{t('gpmb.parcels')}</dt>
        <dd data-testid="gpmb-parcels">{formatNumber(p.handedOver.parcels, 0, locale)} / {formatNumber(p.parcels, 0, locale)}</dd>
        <dt>{t('gpmb.households')}</dt>
        <dd>{formatNumber(p.handedOver.households, 0, locale)} / {formatNumber(p.households, 0, locale)}</dd>
        <dt>{t('gpmb.graves')}</dt>
        <dd>{formatNumber(p.graves.relocated, 0, locale)} / {formatNumber(p.graves.total, 0, locale)}</dd>
        {OVERDUE_KINDS.map((k) => (
          <FragmentRow key={k} label={t(`gpmb.overdue.${k}`)} value={formatNumber(p.overdue[k], 0, locale)} warn={p.overdue[k] > 0} testId={`gpmb-overdue-${k}`} />
        ))}
      </dl>
      <details>
        <summary>{t('gpmb.blocking')}</summary>
        <dl className="gpmb-figures">
          {BLOCKING_FLAGS.filter((f) => p.flags[f] > 0).map((f) => (
            <FragmentRow key={f} label={t(`gpmb.flag.${f}`)} value={formatNumber(p.flags[f], 0, locale)} />
          ))}
        </dl>
      </details>
    </section>
  );
}

function FragmentRow({ label, value, warn, testId }: { label: string; value: string; warn?: boolean; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={warn ? 'warn' : undefined} data-testid={testId}>{value}</dd>
    </>
  );
}

/** Status colours with the parcel count of each (the map's legend), and the flag symbols. */
export function StatusLegend({ p }: { p: Progress }) {
  const { t, locale } = useI18n();
  return (
    <section className="gpmb-card gpmb-legend" aria-label={t('gpmb.legend')}>
      <h3>{t('gpmb.legend')}</h3>
      {PARCEL_STATUSES.map((s) => (
        <div key={s} className="legend-row" data-testid={`gpmb-legend-${s}`}>
          <span className="legend-swatch fill" style={{ background: PARCEL_STATUS_COLORS[s] }} />
          <span className="grow">{t(`gpmb.status.${s}`)}</span>
          <span className="count">{formatNumber(p.byStatus[s].parcels, 0, locale)}</span>
        </div>
      ))}
      {p.notInPlan > 0 && (
        <div className="legend-row">
          <span className="legend-swatch fill" style={{ background: PARCEL_NOT_IN_PLAN }} />
          <span className="grow">{t('gpmb.notInPlan')}</span>
          <span className="count">{formatNumber(p.notInPlan, 0, locale)}</span>
        </div>
      )}
      <h3>{t('gpmb.flags')}</h3>
      <div className="legend-row">
        <span className="legend-swatch" style={{ border: `2px dashed ${PARCEL_OVERDUE_OUTLINE}` }} />
        <span className="grow">{t('gpmb.overdueTitle')}</span>
      </div>
      {([['grave', 'gpmb.flagGrave'], ['dispute', 'gpmb.flagDispute'], ['absent', 'gpmb.flagAbsent']] as const).map(([k, label]) => (
        <div key={k} className="legend-row">
          <span className="legend-dot" style={{ background: PARCEL_FLAG_COLORS[k] }} />
          <span className="grow">{t(label)}</span>
        </div>
      ))}
    </section>
  );
}
