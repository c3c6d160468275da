/** Locales the UI supports. Vietnamese is the default. */
export type Locale = 'vi' | 'en';

const numberFormats = new Map<string, Intl.NumberFormat>();

function nf(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, f);
  }
  return f;
}

/** Formats a number with fixed decimals: formatNumber(2329.5, 1) → "2.329,5" (vi). */
export function formatNumber(value: number, digits = 0, locale: Locale = 'vi'): string {
  return nf(locale, digits).format(value);
}

/** Hectares as decisions print them: formatHa(71.39) → "71,39 ha". */
export function formatHa(value: number | null | undefined, locale: Locale = 'vi'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${formatNumber(value, 2, locale)} ha`;
}

/** An ISO date (YYYY-MM-DD) as dd/mm/yyyy, the Vietnamese administrative form. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
