import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { DEFAULT_AREA_TOLERANCE_HA, reconcileAreas, type AreaCheck } from '../../core/clusters/reconcile';
import { formatHa, formatNumber } from '../../core/format/number';

const TOLERANCE_KEY = 'ccn-area-tolerance';

function storedTolerance(): number {
  const v = typeof localStorage === 'undefined' ? null : Number(localStorage.getItem(TOLERANCE_KEY));
  return v !== null && Number.isFinite(v) && v >= 0 && localStorage.getItem(TOLERANCE_KEY) !== null ? v : DEFAULT_AREA_TOLERANCE_HA;
}

/** "+0,01 ha" / "−0,01 ha" (a real minus sign). */
export function formatSignedHa(v: number, locale: 'vi' | 'en'): string {
  const s = formatHa(Math.abs(v), locale);
  return v > 0.00005 ? `+${s}` : v < -0.00005 ? `−${s}` : s;
}

export interface AreaReconciliationProps {
  declaredHa: number | null;
  planeHa: number | null;
  ellipsoidalHa: number | null;
}

/** Declared area vs VN-2000 TM-3 plane area vs ellipsoidal area, flagged beyond a tolerance. */
export function AreaReconciliation({ declaredHa, planeHa, ellipsoidalHa }: AreaReconciliationProps) {
  const { t, locale } = useI18n();
  const [tolerance, setTolerance] = useState(storedTolerance);
  const [text, setText] = useState(() => formatNumber(tolerance, 2, locale));
  useEffect(() => setText(formatNumber(tolerance, 2, locale)), [tolerance, locale]);
  const r = reconcileAreas(declaredHa, planeHa, ellipsoidalHa, tolerance);
  const diffCell = (c: AreaCheck, testId: string) =>
    c.diffHa === null ? (
      <td className="muted">—</td>
    ) : (
      <td data-testid={testId} className={c.flagged ? 'flag' : 'ok'} title={c.flagged ? t('recon.flagged') : t('recon.withinTolerance')}>
        {formatSignedHa(c.diffHa, locale)} {c.flagged ? '⚠' : '✓'}
      </td>
    );
  const commit = (s: string) => {
    const v = Number(s.replace(',', '.'));
    if (Number.isFinite(v) && v >= 0 && v <= 100) {
      setTolerance(v);
      localStorage.setItem(TOLERANCE_KEY, String(v));
    } else setText(formatNumber(tolerance, 2, locale));
  };
  return (
    <section className="recon" aria-label={t('recon.title')}>
      <h3>{t('recon.title')}</h3>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('recon.area')}</th>
            <th>{t('recon.diff')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('panel.declaredArea')}</th>
            <td className="area" data-testid="declared-area">
              {declaredHa === null ? t('panel.notFixed') : formatHa(declaredHa, locale)}
            </td>
            <td />
          </tr>
          <tr>
            <th scope="row">{t('panel.planeArea')}</th>
            <td data-testid="plane-area">{formatHa(planeHa, locale)}</td>
            {diffCell(r.plane, 'plane-diff')}
          </tr>
          <tr>
            <th scope="row">{t('panel.ellipsoidalArea')}</th>
            <td data-testid="ellipsoidal-area">{formatHa(ellipsoidalHa, locale)}</td>
            {diffCell(r.ellipsoidal, 'ellipsoidal-diff')}
          </tr>
        </tbody>
      </table>
      <label className="tolerance">
        {t('recon.tolerance')}{' '}
        <input
          inputMode="decimal"
          size={5}
          value={text}
          aria-label={t('recon.tolerance')}
          onChange={(e) => setText(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commit((e.target as HTMLInputElement).value)}
        />{' '}
        ha
      </label>
      {(r.plane.flagged || r.ellipsoidal.flagged) && (
        <p className="note warn" role="status">
          {t('recon.flagNote')}
        </p>
      )}
    </section>
  );
}
