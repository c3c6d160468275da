/**
 * Parses a number as Vietnamese and English documents print it:
 * "2.384.012,35", "2384012,35", "2 384 012,35", "2,384,012.35", "2384012.35".
 * With `dotThousands` (projected coordinates in metres), "484.061" is 484061.
 */
export function parseLocaleNumber(token: string, opts: { dotThousands?: boolean } = {}): number | undefined {
  let s = token.normalize('NFC').trim().replace(/^[(\[]|[)\]]$/g, '').replace(/[\u00a0\u2009\u202f\s']/g, '');
  s = s.replace(/^\u2212/, '-');
  if (!/^[+-]?[\d.,]*\d[\d.,]*$/.test(s)) return undefined;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  if (dots && commas) {
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (commas) {
    s = commas > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (dots > 1) {
    s = s.replace(/\./g, '');
  } else if (dots === 1 && opts.dotThousands && /^[+-]?\d{1,3}\.\d{3}$/.test(s)) {
    s = s.replace('.', '');
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** A metre value as decision tables print it: 2384012,35 (vi) or 2384012.35 (en), no grouping. */
export function formatMetres(v: number, locale: 'vi' | 'en' = 'vi', digits = 2): string {
  const s = v.toFixed(digits);
  return locale === 'vi' ? s.replace('.', ',') : s;
}
