import type { Locale } from './number';

/**
 * Reads a number as a planner types it: "71,39" (Vietnamese decimal comma), "1.234,5",
 * "71.39", "-5". Empty → null; anything else that is not a number → NaN (the validator
 * then names the field). With only dots, "1.234" is a thousands group in Vietnamese.
 * @example parseNumberInput('71,39') // → 71.39
 * @example parseNumberInput('1.234,5') // → 1234.5
 */
export function parseNumberInput(text: string, locale: Locale = 'vi'): number | null {
  let s = text.trim().replace(/\s/g, '').replace(/^−/, '-');
  if (s === '') return null;
  const lastDot = s.lastIndexOf('.'), lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const dec = lastDot > lastComma ? '.' : ',';
    s = s.split(dec === '.' ? ',' : '.').join('').replace(dec, '.');
  } else if (lastComma >= 0) {
    s = locale === 'en' && /^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (lastDot >= 0 && locale === 'vi' && /^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}
