import { describe, expect, it } from 'vitest';
import { parseNumberInput } from './number-input';

describe('parseNumberInput', () => {
  it('reads Vietnamese and English forms', () => {
    expect(parseNumberInput('71,39')).toBe(71.39);
    expect(parseNumberInput('71.39')).toBe(71.39);
    expect(parseNumberInput('1.234,5')).toBe(1234.5);
    expect(parseNumberInput('1.234')).toBe(1234);
    expect(parseNumberInput('1.234', 'en')).toBe(1.234);
    expect(parseNumberInput('1,234', 'en')).toBe(1234);
    expect(parseNumberInput('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumberInput(' -5 ')).toBe(-5);
    expect(parseNumberInput('−5')).toBe(-5);
    expect(parseNumberInput('3 300')).toBe(3300);
  });
  it('gives null for empty and NaN for text', () => {
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('bảy mươi')).toBeNaN();
    expect(parseNumberInput('1,2,3')).toBeNaN();
    expect(parseNumberInput('12abc')).toBeNaN();
  });
});
