import type { StyleSpecification } from 'maplibre-gl';
import { backgroundLayer } from './background.layer';
import { clusterVersionsLayer } from './cluster-versions.layer';
import { clustersLayer } from './clusters.layer';
import { communesLayer } from './communes.layer';
import { districtsLayer } from './districts.layer';
import { drawingMarksLayer } from './drawing.layer';
import { labelsLayer } from './labels.layer';
import { neighboursLayer } from './neighbours.layer';
import { overlapLayer } from './overlap.layer';
import { parcelsLayer } from './parcels.layer';
import { planCorridorsLayer } from './plan-corridors.layer';
import { planForestLayer } from './plan-forest.layer';
import { planIndustrialLayer } from './plan-industrial.layer';
import { planLandUseLayer } from './plan-land-use.layer';
import { planRelicsLayer } from './plan-relics.layer';
import { plotsLayer } from './plots.layer';
import { provinceLayer } from './province.layer';
import type { MapLayerDef } from './types';

/** Every layer of the map, bottom to top. */
export const LAYER_REGISTRY: readonly MapLayerDef[] = [
  neighboursLayer,
  provinceLayer,
  planLandUseLayer,
  planForestLayer,
  planIndustrialLayer,
  planCorridorsLayer,
  planRelicsLayer,
  communesLayer,
  districtsLayer,
  clustersLayer,
  clusterVersionsLayer,
  plotsLayer,
  parcelsLayer,
  overlapLayer,
  drawingMarksLayer,
  // Labels stay on top: add new layers above this line.
  labelsLayer,
];

/** Where the app serves its glyph PBFs (server/routes/glyphs.route.ts); fonts are generated offline. */
export const GLYPHS_PATH = '/fonts/{fontstack}/{range}.pbf';

/**
 * The offline base style: no request leaves the machine. `origin` makes the glyph URL absolute
 * (the browser passes `location.origin`).
 */
export function buildStyle(registry: readonly MapLayerDef[] = LAYER_REGISTRY, origin = ''): StyleSpecification {
  return {
    version: 8,
    name: 'ccn-map offline',
    glyphs: `${origin}${GLYPHS_PATH}`,
    sources: Object.fromEntries(registry.map((l) => [l.id, l.source])),
    layers: [backgroundLayer, ...registry.flatMap((l) => l.layers)],
  };
}
