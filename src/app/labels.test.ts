import { describe, expect, it } from 'vitest';
import { labelFeatures } from './labels';

describe('labelFeatures', () => {
  it('labels clusters by short name and communes by name, at their label points', () => {
    const pt = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] });
    const fc = labelFeatures(
      { features: [{ properties: { name: 'Cụm công nghiệp Đình Lập', label_point: pt(107.1, 21.55) } }, { properties: { name: 'X', label_point: null } }] },
      { features: [{ properties: { name: 'Đình Lập', label_point: pt(107.09, 21.54) } }] },
    );
    expect(fc.features.map((f) => f.properties)).toEqual([
      { name: 'CCN Đình Lập', kind: 'cluster' },
      { name: 'Đình Lập', kind: 'commune' },
    ]);
  });
});
