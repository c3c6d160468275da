import { describe, expect, it } from 'vitest';
import { CLUSTER_FIELDS } from '../../src/core/clusters/record';
import { updateCluster } from './clusters.sql';

describe('updateCluster', () => {
  it('binds $2… to the editable fields in CLUSTER_FIELDS order', () => {
    const bound = [...updateCluster.matchAll(/(\w+) = \$(\d+)/g)].map((m) => [Number(m[2]), m[1]] as const).sort((a, b) => a[0] - b[0]);
    expect(bound.map(([, col]) => col)).toEqual(['id', ...CLUSTER_FIELDS]);
    expect(bound.map(([n]) => n)).toEqual(Array.from({ length: CLUSTER_FIELDS.length + 1 }, (_, i) => i + 1));
  });
});
