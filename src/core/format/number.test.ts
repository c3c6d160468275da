import { describe, expect, it } from 'vitest';
import { formatDate, formatHa, formatNumber } from './number';

describe('Vietnamese number and date formats', () => {
  it('prints hectares with a decimal comma and two decimals', () => {
    expect(formatHa(71.39)).toBe('71,39 ha');
    expect(formatHa(55)).toBe('55,00 ha');
    expect(formatHa(2329.456)).toBe('2.329,46 ha');
  });
  it('prints English with a decimal point', () => {
    expect(formatHa(71.39, 'en')).toBe('71.39 ha');
  });
  it('shows a dash for a missing value', () => {
    expect(formatHa(null)).toBe('—');
    expect(formatHa(Number.NaN)).toBe('—');
  });
  it('groups thousands with a dot', () => {
    expect(formatNumber(58123)).toBe('58.123');
    expect(formatNumber(40.6, 1)).toBe('40,6');
  });
  it('prints dates as dd/mm/yyyy', () => {
    expect(formatDate('2022-03-23')).toBe('23/03/2022');
    expect(formatDate(null)).toBe('—');
  });
});
