import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from './url-state';

describe('URL state', () => {
  it('round-trips the view and the selected cluster', () => {
    const s = { view: { zoom: 13.5, lat: 21.55212, lng: 107.09811 }, clusterId: 3 };
    expect(formatUrlState(s)).toBe('#map=13.50/21.55212/107.09811&cluster=3');
    expect(parseUrlState(formatUrlState(s))).toEqual(s);
    expect(formatUrlState({})).toBe('');
  });
  it('ignores what is not a view or a cluster id', () => {
    expect(parseUrlState('#map=99/1/2&cluster=abc')).toEqual({});
    expect(parseUrlState('#cluster=0')).toEqual({});
    expect(parseUrlState('#map=10/21.5/107.1')).toEqual({ view: { zoom: 10, lat: 21.5, lng: 107.1 } });
    expect(parseUrlState('')).toEqual({});
  });
});
