import { describe, expect, it } from 'vitest';
import { formatPct } from './format';

describe('formatPct', () => {
  it('writes percentages the Vietnamese way', () => {
    expect(formatPct(40.6)).toBe('40,6 %');
    expect(formatPct(55.459183)).toBe('55,46 %');
    expect(formatPct(50)).toBe('50,0 %');
    expect(formatPct(null)).toBe('—');
    expect(formatPct(55.459183, 'en')).toBe('55.46 %');
  });
});
