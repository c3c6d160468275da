import type { Locale } from '../../core/format/number';

const pctFormats = new Map<Locale, Intl.NumberFormat>();

/** A percentage with one or two decimals: 40,6 % · 55,46 % (vi); '—' when unknown. */
export function formatPct(v: number | null | undefined, locale: Locale = 'vi'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  let f = pctFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    pctFormats.set(locale, f);
  }
  return `${f.format(v)} %`;
}
