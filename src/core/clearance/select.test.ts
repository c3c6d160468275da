import { describe, expect, it } from 'vitest';
import { idsInRing, pointInRing } from './select';

describe('lasso and box selection', () => {
  const box = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
  // A "C" shape: the notch on the right is outside.
  const lasso = [[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]];

  it('takes the points inside a box', () => {
    expect(idsInRing([{ id: 1, point: [1, 1] }, { id: 2, point: [3, 1] }, { id: 3, point: null }], box)).toEqual([1]);
  });

  it('follows a concave lasso', () => {
    expect(pointInRing([2, 0.5], lasso)).toBe(true);
    expect(pointInRing([2, 1.5], lasso)).toBe(false);
    expect(pointInRing([0.5, 1.5], lasso)).toBe(true);
    expect(pointInRing([2, 2.5], lasso)).toBe(true);
  });
});
