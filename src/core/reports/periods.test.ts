import { describe, expect, it } from 'vitest';
import {
  dueDate, endOfDayVn, inPeriod, latestClosedPeriod, parsePeriodId, periodLabel, recentPeriods, reportPeriod, todayInVietnam,
} from './periods';

describe('reporting periods (Circular 14/2024/TT-BCT)', () => {
  it('6-monthly: 15/12 of the previous year → 14/06', () => {
    expect(reportPeriod('half', 2026)).toEqual({ id: '2026-H1', kind: 'half', year: 2026, start: '2025-12-15', end: '2026-06-14' });
  });
  it('annual: 15/12 of the previous year → 14/12', () => {
    expect(reportPeriod('year', 2025)).toEqual({ id: '2025', kind: 'year', year: 2025, start: '2024-12-15', end: '2025-12-14' });
  });
  it('due dates: Biểu 02 20/06·20/12, Biểu 03 25/06·25/12, Biểu 04 30/06·31/12', () => {
    const h = reportPeriod('half', 2026);
    const y = reportPeriod('year', 2026);
    expect([dueDate(h, 'b02'), dueDate(h, 'b03'), dueDate(h, 'b04')]).toEqual(['2026-06-20', '2026-06-25', '2026-06-30']);
    expect([dueDate(y, 'b02'), dueDate(y, 'b03'), dueDate(y, 'b04')]).toEqual(['2026-12-20', '2026-12-25', '2026-12-31']);
  });
  it('parses ids and refuses anything else', () => {
    expect(parsePeriodId('2026-H1')?.end).toBe('2026-06-14');
    expect(parsePeriodId('2025')?.start).toBe('2024-12-15');
    for (const bad of ['2026-H2', '26', '2026-h1', '1999', '2026 ', '']) expect(parsePeriodId(bad)).toBeUndefined();
  });
  it('both ends of a period are inside it; the day before and after are not', () => {
    const p = reportPeriod('half', 2026);
    expect([inPeriod(p, '2025-12-14'), inPeriod(p, '2025-12-15'), inPeriod(p, '2026-06-14'), inPeriod(p, '2026-06-15')]).toEqual([
      false, true, true, false,
    ]);
    expect(inPeriod(p, null)).toBe(false);
  });
  it('lists the periods started by a day, newest first, and the latest closed one', () => {
    expect(recentPeriods('2026-11-21', 4).map((p) => p.id)).toEqual(['2026', '2026-H1', '2025', '2025-H1']);
    // On 15/12/2026 the 2027 periods have started.
    expect(recentPeriods('2026-12-15', 2).map((p) => p.id)).toEqual(['2027', '2027-H1']);
    expect(latestClosedPeriod('2026-11-21').id).toBe('2026-H1');
    expect(latestClosedPeriod('2026-06-14').id).toBe('2025');
    expect(latestClosedPeriod('2026-06-15').id).toBe('2026-H1');
  });
  it('the end of a day in Vietnam, and today in Vietnam', () => {
    expect(endOfDayVn('2026-06-14')).toBe('2026-06-15T00:00:00+07:00');
    expect(endOfDayVn('2025-12-31')).toBe('2026-01-01T00:00:00+07:00');
    expect(todayInVietnam(new Date('2026-06-14T17:30:00Z'))).toBe('2026-06-15');
  });
  it('labels in Vietnamese and English', () => {
    expect(periodLabel(reportPeriod('half', 2026), 'vi')).toBe('6 tháng đầu năm 2026 (15/12/2025 – 14/06/2026)');
    expect(periodLabel(reportPeriod('year', 2025), 'en', false)).toBe('Year 2025');
  });
});
