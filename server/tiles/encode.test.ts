import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { toWkb } from '../bulk/wkb';
import { encodeMvt, readWkbPolygons, ringArea, toMvtRings } from './encode';

describe('WKB', () => {
  it('writes a polygon as a little-endian WKB MultiPolygon, byte for byte', () => {
    const hex = toWkb({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }).toString('hex');
    // PostGIS: SELECT ST_AsBinary(ST_Multi('POLYGON((0 0,1 0,1 1,0 0))'::geometry))
    expect(hex).toBe(
      '0106000000010000000103000000010000000400000000000000000000000000000000000000000000000000f03f0000000000000000000000000000f03f000000000000f03f00000000000000000000000000000000',
    );
  });

  it('reads back what it wrote: polygons with holes, multipolygons', () => {
    const g = {
      type: 'MultiPolygon' as const,
      coordinates: [
        [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 4], [4, 4], [2, 2]]],
        [[[20, 20], [21, 20], [21, 21], [20, 20]]],
      ],
    };
    expect(readWkbPolygons(toWkb(g))).toEqual(g.coordinates);
  });
});

describe('toMvtRings', () => {
  it('makes exteriors clockwise on screen (positive area, y down) and holes the other way', () => {
    // Counter-clockwise on screen exterior (negative area in y-down numbers) and a same-way hole.
    const outer: [number, number][] = [[0, 0], [0, 100], [100, 100], [100, 0], [0, 0]];
    const hole: [number, number][] = [[10, 10], [10, 20], [20, 20], [20, 10], [10, 10]];
    const rings = toMvtRings([[outer, hole]]);
    expect(rings).toHaveLength(2);
    expect(ringArea(rings[0]!)).toBeGreaterThan(0);
    expect(ringArea(rings[1]!)).toBeLessThan(0);
  });

  it('drops rings that collapsed to a line or a point, and holes of a dropped exterior', () => {
    const flat: [number, number][] = [[0, 0], [5, 0], [10, 0], [0, 0]];
    const hole: [number, number][] = [[1, 1], [2, 1], [2, 2], [1, 1]];
    const ok: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 0]];
    expect(toMvtRings([[flat, hole], [ok]])).toEqual([ok]);
    expect(toMvtRings([[[[0, 0], [1, 1], [0, 0]]]])).toEqual([]);
  });
});

describe('encodeMvt', () => {
  it('encodes features that a standard MVT reader decodes with the same id, properties and rings', () => {
    const rings: [number, number][][] = [[[0, 0], [4096, 0], [4096, 4096], [0, 0]]];
    const data = encodeMvt('plan_zones', [
      { id: 42, properties: { land_code: 'LUC', layer_id: 'land_use', name: null, zones: 3, generalised: true }, rings },
    ]);
    const layer = new VectorTile(new PbfReader(data)).layers.plan_zones!;
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBe(1);
    const f = layer.feature(0);
    expect(f.id).toBe(42);
    expect(f.type).toBe(3);
    expect(f.properties).toEqual({ land_code: 'LUC', layer_id: 'land_use', zones: 3, generalised: true });
    expect(f.loadGeometry().map((r) => r.map((p) => [p.x, p.y]))).toEqual([[[0, 0], [4096, 0], [4096, 4096], [0, 0]]]);
  });

  it('an empty tile is zero bytes', () => {
    expect(encodeMvt('parcels', []).length).toBe(0);
  });
});
