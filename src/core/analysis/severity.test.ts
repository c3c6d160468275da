import { describe, expect, it } from 'vitest';
import { LAND_CODES, LEGACY_LAND_CODES } from '../land/codes';
import { ANY_LAYER, severityLookup, severityOf } from './severity';

/** What the SQL does with the lookup: the layer's own key, else the "*" key, else 'none'. */
const viaLookup = (map: Record<string, string>, layer: string, code: string, own: boolean) =>
  map[`${layer}|${code}|${own}`] ?? map[`${ANY_LAYER}|${code}|${own}`] ?? 'none';

describe('severityLookup (the severity table SQL reads)', () => {
  it('gives exactly what severityOf gives, for every layer, code (current and legacy, and unknown) and own flag', () => {
    const map = JSON.parse(severityLookup()) as Record<string, string>;
    const codes = [...LAND_CODES.map((c) => c.code), ...Object.keys(LEGACY_LAND_CODES), 'XYZ'];
    let n = 0;
    for (const layer of ['land_use', 'forest', 'industrial', 'clusters', 'transport', 'a_layer_added_later'])
      // Other clusters' boundaries come to the SQL as land code SKN.
      for (const code of layer === 'clusters' ? ['SKN'] : codes)
        for (const own of [false, true]) {
          expect(viaLookup(map, layer, code, own), `${layer}|${code}|${own}`).toBe(severityOf(layer, code, own));
          n++;
        }
    expect(n).toBeGreaterThan(350);
    expect(viaLookup(map, 'industrial', 'SKN', false)).toBe('conflict');
    expect(viaLookup(map, 'clusters', 'SKN', true)).toBe('target');
  });
});
