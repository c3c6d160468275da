import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle, LAYER_REGISTRY } from './index';

describe('map style', () => {
  it('passes the MapLibre style-spec validator', () => {
    expect(validateStyleMin(buildStyle())).toEqual([]);
  });

  it('each layer passes the validator on its own', () => {
    for (const layer of LAYER_REGISTRY) expect(validateStyleMin(buildStyle([layer])), layer.id).toEqual([]);
  });

  it('requests nothing from the network (offline)', () => {
    const json = JSON.stringify(buildStyle());
    expect(json).not.toMatch(/https?:\/\//);
  });
});
