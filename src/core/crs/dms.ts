/**
 * Degrees–minutes–seconds. Accepts what surveyors and Word documents print:
 * 107°15'30.5"E, 107° 15′ 30,5″ Đ, 21 33 03.6 N, 21d33m3.6s, negative or S/W (T = Tây).
 */
const DMS_RE =
  /^\s*([+-]?)\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:°|º|d|độ|\s)\s*(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:['′’]|m|phút|\s)\s*)?(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:"|″|”|''|′′|s|giây)?\s*)?([NSEWĐTnsewđt]?)\s*$/u;

/** Parses one DMS (or decimal-degree) value; undefined when it is not one. */
export function parseDms(text: string): number | undefined {
  const m = DMS_RE.exec(text.normalize('NFC'));
  if (!m) return undefined;
  const num = (s: string | undefined) => (s ? Number(s.replace(',', '.')) : 0);
  const d = num(m[2]);
  const mi = num(m[3]);
  const s = num(m[4]);
  if (mi >= 60 || s >= 60) return undefined;
  if ((m[3] || m[4]) && !Number.isInteger(d)) return undefined;
  const hemi = (m[5] ?? '').toUpperCase();
  const negative = m[1] === '-' || hemi === 'S' || hemi === 'W' || hemi === 'T';
  const v = d + mi / 60 + s / 3600;
  return negative ? -v : v;
}

/** Whether a token carries DMS marks (° ′ ″ or d/m/s), as opposed to a plain number. */
export function looksLikeDms(text: string): boolean {
  return /[°º′″'"]/.test(text) || /\d\s*d\s*\d/.test(text);
}

/** Formats decimal degrees as 107°15′30,50″ (vi) or 107°15′30.50″ (en). */
export function formatDms(value: number, hemis: [string, string] = ['', '-'], decimals = 2, locale: 'vi' | 'en' = 'vi'): string {
  const neg = value < 0;
  let v = Math.abs(value);
  let d = Math.floor(v);
  v = (v - d) * 60;
  let m = Math.floor(v);
  let s = Number(((v - m) * 60).toFixed(decimals));
  if (s >= 60) { s -= 60; m += 1; }
  if (m >= 60) { m -= 60; d += 1; }
  const ss = s.toFixed(decimals).padStart(decimals + 3, '0');
  const prefix = neg && hemis[1] === '-' ? '-' : '';
  const suffix = neg ? (hemis[1] === '-' ? '' : hemis[1]) : hemis[0];
  return `${prefix}${d}°${String(m).padStart(2, '0')}′${locale === 'vi' ? ss.replace('.', ',') : ss}″${suffix}`;
}
