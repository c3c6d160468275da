import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LAYER_REGISTRY } from '../../layers';
import { shouldTile, TILE_THRESHOLD, tileSourceFor, tileUrl, toGeoJsonLayer, toVectorLayer, vectorSource } from './tiled-source';

const tiledDefs = LAYER_REGISTRY.filter((d) => tileSourceFor(d));

describe('vector-tile variant of large layers', () => {
  it('switches above the threshold only', () => {
    expect(shouldTile(TILE_THRESHOLD)).toBe(false);
    expect(shouldTile(TILE_THRESHOLD + 1)).toBe(true);
  });

  it('every plan layer and the parcels layer have a tile source; the others do not', () => {
    expect(tiledDefs.map((d) => d.id)).toEqual(expect.arrayContaining(['plan_land_use', 'plan_forest', 'parcels']));
    for (const d of LAYER_REGISTRY.filter((x) => !x.planLayerId && x.id !== 'parcels')) expect(tileSourceFor(d), d.id).toBeUndefined();
    expect(tileUrl(tileSourceFor({ id: 'plan_land_use', planLayerId: 'land_use' })!, 'http://h:1')).toBe(
      'http://h:1/tiles/plan_zones/{z}/{x}/{y}.mvt?layer=land_use',
    );
    expect(tileUrl(tileSourceFor({ id: 'parcels' }, { cluster: 3 })!, '')).toBe('/tiles/parcels/{z}/{x}/{y}.mvt?cluster=3');
  });

  it('keeps ids, paint and filters, adds source-layer, and valid style-spec for every tiled layer', () => {
    for (const def of tiledDefs) {
      const t = tileSourceFor(def)!;
      const layers = def.layers.map((l) => toVectorLayer(l, t.collection));
      for (const [i, l] of layers.entries()) {
        const orig = def.layers[i]!;
        expect(l.id).toBe(orig.id);
        expect((l as { paint?: unknown }).paint).toEqual((orig as { paint?: unknown }).paint);
        if ('source' in orig) expect((l as { 'source-layer'?: string })['source-layer'], l.id).toBe(t.collection);
      }
      const style: StyleSpecification = {
        version: 8,
        glyphs: 'http://localhost/fonts/{fontstack}/{range}.pbf',
        sources: { [def.id]: vectorSource(t, 'http://localhost') },
        layers,
      };
      expect(validateStyleMin(style), def.id).toEqual([]);
    }
  });

  it('outlines leave out the generalised pieces; going back to GeoJSON restores the layer as written', () => {
    const def = LAYER_REGISTRY.find((d) => d.id === 'plan_land_use')!;
    const line = def.layers.find((l) => l.type === 'line')!;
    const v = toVectorLayer(line, 'plan_zones') as LayerSpecification & { filter?: unknown };
    expect(JSON.stringify(v.filter)).toContain('generalised');
    expect(toGeoJsonLayer(v, line)).toEqual(line);
    const fill = def.layers.find((l) => l.type === 'fill')!;
    expect(toGeoJsonLayer(toVectorLayer(fill, 'plan_zones'), fill)).toEqual(fill);
  });
});
