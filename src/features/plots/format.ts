import { formatNumber, type Locale } from '../../core/format/number';

/** A percentage as reports print it: formatPct(51) → "51,00 %" (vi). */
export function formatPct(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${formatNumber(v, 2, locale)} %`;
}

/** Money in billions of VND, one decimal: "2.852,0". */
export function formatBn(v: number | null | undefined, locale: Locale): string {
  if (v === null || v === undefined) return '—';
  return formatNumber(v, 1, locale);
}

/** Today in the browser's calendar, YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
