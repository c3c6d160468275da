import { describe, expect, it } from 'vitest';
import { isIsoDate, parseDateInput, todayIso } from './date';

describe('dates', () => {
  it('accepts only real ISO calendar dates', () => {
    expect(isIsoDate('2022-03-23')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2022-13-01', '2022-00-10', '2022-3-23', '23/03/2022', '', 'abc', '2022-03-23T00:00:00Z', 20220323])
      expect(isIsoDate(bad), String(bad)).toBe(false);
  });
  it('reads dd/mm/yyyy as typed in Vietnam', () => {
    expect(parseDateInput('23/03/2022')).toBe('2022-03-23');
    expect(parseDateInput(' 2/6/2023 ')).toBe('2023-06-02');
    expect(parseDateInput('02.06.2023')).toBe('2023-06-02');
    expect(parseDateInput('2023-06-02')).toBe('2023-06-02');
    expect(parseDateInput('')).toBeNull();
    expect(parseDateInput('31/02/2022')).toBeUndefined();
    expect(parseDateInput('03/23/2022')).toBeUndefined();
    expect(parseDateInput('hôm qua')).toBeUndefined();
  });
  it('gives today in ISO', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
