import type { StyleSpecification } from 'maplibre-gl';
import { backgroundLayer } from './background.layer';
import { clustersLayer } from './clusters.layer';
import { communesLayer } from './communes.layer';
import { districtsLayer } from './districts.layer';
import { neighboursLayer } from './neighbours.layer';
import { provinceLayer } from './province.layer';
import type { MapLayerDef } from './types';

/** Every layer of the map, bottom to top. */
export const LAYER_REGISTRY: readonly MapLayerDef[] = [
  neighboursLayer,
  provinceLayer,
  communesLayer,
  districtsLayer,
  clustersLayer,
];

/** The offline base style: no request leaves the machine. */
export function buildStyle(registry: readonly MapLayerDef[] = LAYER_REGISTRY): StyleSpecification {
  return {
    version: 8,
    name: 'ccn-map offline',
    sources: Object.fromEntries(registry.map((l) => [l.id, l.source])),
    layers: [backgroundLayer, ...registry.flatMap((l) => l.layers)],
  };
}
