import { PARCEL_STATUS_COLORS } from '../../../layers/parcels.layer';
import { useI18n } from '../../app/i18n';
import type { TimelinePoint } from './api';

const W = 262;
const H = 118;
const PAD = { l: 26, r: 6, t: 8, b: 18 };

/** Month-end % of area handed over and % of money paid (of the latest approved total), with the slider's date marked. */
export function ProgressChart({ points, asOf }: { points: TimelinePoint[]; asOf: string | undefined }) {
  const { t } = useI18n();
  if (points.length < 2) return null;
  const approvedNow = points.at(-1)!.approved || 1;
  const x = (i: number) => PAD.l + (i * (W - PAD.l - PAD.r)) / (points.length - 1);
  const y = (pct: number) => PAD.t + (1 - pct / 100) * (H - PAD.t - PAD.b);
  const line = (f: (p: TimelinePoint) => number) => points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(f(p)).toFixed(1)}`).join(' ');
  const marker = asOf ? points.findIndex((p) => p.date >= asOf) : -1;
  const fmtMonth = (m: string) => `${m.slice(5, 7)}/${m.slice(2, 4)}`;
  return (
    <figure className="gpmb-chart" data-testid="gpmb-chart">
      <figcaption>{t('gpmb.chart')}</figcaption>
      <svg width={W} height={H} role="img" aria-label={t('gpmb.chart')}>
        {[0, 50, 100].map((v) => (
          <g key={v}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} stroke="#e1e4e8" />
            <text x={PAD.l - 4} y={y(v) + 3} fontSize="9" textAnchor="end" fill="#57606a">{v}</text>
          </g>
        ))}
        {[0, Math.floor((points.length - 1) / 2), points.length - 1].map((i) => (
          <text key={i} x={x(i)} y={H - 4} fontSize="9" textAnchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'} fill="#57606a">{fmtMonth(points[i]!.month)}</text>
        ))}
        <path d={line((p) => (100 * p.paid) / approvedNow)} fill="none" stroke={PARCEL_STATUS_COLORS.paid} strokeWidth="2" />
        <path d={line((p) => p.pctArea)} fill="none" stroke={PARCEL_STATUS_COLORS.cadastre_updated} strokeWidth="2" data-testid="gpmb-chart-handed-over" />
        {marker >= 0 && <line x1={x(marker)} x2={x(marker)} y1={PAD.t} y2={H - PAD.b} stroke="#111" strokeDasharray="3 2" />}
      </svg>
      <div className="gpmb-chart-keys">
        <span><i style={{ background: PARCEL_STATUS_COLORS.cadastre_updated }} />{t('gpmb.chartHandedOver')}</span>
        <span><i style={{ background: PARCEL_STATUS_COLORS.paid }} />{t('gpmb.chartPaid')}</span>
      </div>
    </figure>
  );
}
