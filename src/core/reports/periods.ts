/**
 * Reporting periods of Circular 14/2024/TT-BCT (DOMAIN.md §3): the 6-monthly report covers
 * 15/12 of the previous year → 14/06, the annual report 15/12 of the previous year → 14/12.
 * Period ids are the ones project_reports uses: 'YYYY-H1' (6 months) and 'YYYY' (year).
 */
import { formatDate } from '../format/number';
import type { Locale } from '../format/number';

export type PeriodKind = 'half' | 'year';
export type FormId = 'b02' | 'b03' | 'b04';
export const FORM_IDS: readonly FormId[] = ['b02', 'b03', 'b04'];

export interface ReportPeriod {
  id: string;
  kind: PeriodKind;
  year: number;
  /** First day, ISO (15/12 of the year before). */
  start: string;
  /** Last day included, ISO (14/06 or 14/12): figures are "as of the end of this day". */
  end: string;
}

/** Form → due day of month, for the 6-monthly and the annual report. */
const DUE: Record<FormId, { half: string; year: string }> = {
  b02: { half: '06-20', year: '12-20' },
  b03: { half: '06-25', year: '12-25' },
  b04: { half: '06-30', year: '12-31' },
};

export const PERIOD_ID_PATTERN = '^[0-9]{4}(-H1)?$';
const MIN_YEAR = 2000;
const MAX_YEAR = 2199;

/**
 * @example reportPeriod('half', 2026) // → { id: '2026-H1', start: '2025-12-15', end: '2026-06-14', … }
 * @example reportPeriod('year', 2025) // → { id: '2025', start: '2024-12-15', end: '2025-12-14', … }
 */
export function reportPeriod(kind: PeriodKind, year: number): ReportPeriod {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`year out of range: ${year}`);
  return {
    id: kind === 'half' ? `${year}-H1` : String(year),
    kind,
    year,
    start: `${year - 1}-12-15`,
    end: kind === 'half' ? `${year}-06-14` : `${year}-12-14`,
  };
}

/** Reads '2026-H1' or '2025'; undefined for anything else. */
export function parsePeriodId(id: string): ReportPeriod | undefined {
  const m = /^(\d{4})(-H1)?$/.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  return reportPeriod(m[2] ? 'half' : 'year', year);
}

/** Due date of a form for a period, ISO: Biểu 02 20/06·20/12, Biểu 03 25/06·25/12, Biểu 04 30/06·31/12. */
export function dueDate(p: ReportPeriod, form: FormId): string {
  return `${p.year}-${DUE[form][p.kind]}`;
}

/** Whether an ISO date falls inside the period (both ends included). */
export const inPeriod = (p: ReportPeriod, iso: string | null | undefined): boolean =>
  !!iso && iso >= p.start && iso <= p.end;

/**
 * The periods that have started by `today` (ISO), newest first: each year's annual and
 * 6-monthly period. `count` limits the list.
 * @example recentPeriods('2026-11-21', 3).map((p) => p.id) // → ['2026', '2026-H1', '2025']
 */
export function recentPeriods(today: string, count = 8): ReportPeriod[] {
  const y = Number(today.slice(0, 4));
  const out: ReportPeriod[] = [];
  // The period of year Y+1 starts on 15/12/Y.
  for (let year = y + 1; year >= MIN_YEAR && out.length < count; year--) {
    for (const kind of ['year', 'half'] as const) {
      const p = reportPeriod(kind, year);
      if (p.start <= today && out.length < count) out.push(p);
    }
  }
  return out;
}

/** The latest period whose last day is before `today` (a report that can be filed). */
export function latestClosedPeriod(today: string): ReportPeriod {
  return recentPeriods(today, 4).find((p) => p.end < today)!;
}

/** Today's date in Vietnam (UTC+7), ISO. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The instant "as of the end of" an ISO day in Vietnam (next midnight, UTC+7), as an ISO
 * timestamp with offset: history rows valid just before it give that day's figures.
 * @example endOfDayVn('2026-06-14') // → '2026-06-15T00:00:00+07:00'
 */
export function endOfDayVn(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T00:00:00+07:00`;
}

/**
 * @example periodLabel(reportPeriod('half', 2026), 'vi') // → '6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)'
 */
export function periodLabel(p: ReportPeriod, locale: Locale, withDates = true): string {
  const name =
    locale === 'vi'
      ? p.kind === 'half' ? `6 tháng đầu năm ${p.year}` : `Năm ${p.year}`
      : p.kind === 'half' ? `First half of ${p.year}` : `Year ${p.year}`;
  return withDates ? `${name} (${formatDate(p.start)} – ${formatDate(p.end)})` : name;
}
