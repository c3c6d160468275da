/**
 * Whether a string is a real calendar date in ISO form (YYYY-MM-DD), years 1900–2199.
 * @example isIsoDate('2022-03-23') // → true
 * @example isIsoDate('2023-02-30') // → false
 */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/**
 * Reads a date typed the Vietnamese way (dd/mm/yyyy, also d/m/yyyy, dd-mm-yyyy or ISO) into
 * ISO YYYY-MM-DD; undefined when it is not a real date. Empty input gives null.
 * @example parseDateInput('23/03/2022') // → '2022-03-23'
 * @example parseDateInput('31/02/2022') // → undefined
 */
export function parseDateInput(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** Today's date in ISO form (local time). */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
