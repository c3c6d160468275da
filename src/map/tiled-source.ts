import type { FilterSpecification, LayerSpecification, Map as MlMap, SourceSpecification } from 'maplibre-gl';
import type { MapLayerDef } from '../../layers/types';

/**
 * Large layers come from vector tiles instead of GeoJSON. Above TILE_THRESHOLD features a
 * layer's GeoJSON source is replaced by a vector source over the server's
 * `/tiles/{collection}/{z}/{x}/{y}.mvt` with the SAME source id and the same style layers
 * (ids, paint, filters), which only gain `source-layer` — so the layer panel, clicks and
 * selection keep working whichever kind of source is live.
 */

/** Features above which a layer is drawn from vector tiles (a GeoJSON of 5,000 polygons is ~2 MB). */
export const TILE_THRESHOLD = 5000;

export const shouldTile = (featureCount: number): boolean => featureCount > TILE_THRESHOLD;

export interface TileSource {
  /** Tile collection of the server (server/tiles/collections.ts): also the MVT layer name. */
  collection: 'plan_zones' | 'parcels';
  filters?: Record<string, string | number>;
  /** Zooms the server draws (parcels: from 10; see the collection's minZoom). */
  minzoom?: number;
}

/** The tile source that draws a registry layer, if it has one: plan layers and parcels. */
export function tileSourceFor(def: Pick<MapLayerDef, 'id' | 'planLayerId'>, filters: Record<string, string | number> = {}): TileSource | undefined {
  if (def.planLayerId) return { collection: 'plan_zones', filters: { layer: def.planLayerId, ...filters } };
  if (def.id === 'parcels') return { collection: 'parcels', filters, minzoom: 10 };
  return undefined;
}

/** URL template of a collection's tiles, absolute (MapLibre's worker resolves no relative URL). */
export function tileUrl(t: TileSource, origin: string): string {
  const qs = new URLSearchParams(Object.entries(t.filters ?? {}).map(([k, v]) => [k, String(v)])).toString();
  return `${origin}/tiles/${t.collection}/{z}/{x}/{y}.mvt${qs ? `?${qs}` : ''}`;
}

export function vectorSource(t: TileSource, origin: string): SourceSpecification {
  return { type: 'vector', tiles: [tileUrl(t, origin)], minzoom: t.minzoom ?? 0, maxzoom: 16 };
}

/** Generalised (dissolved) features of low zooms carry `generalised: true`: outlines skip them. */
const NOT_GENERALISED: FilterSpecification = ['!', ['to-boolean', ['get', 'generalised']]];

/**
 * A style layer as it draws from the vector source: `source-layer` set; outlines leave out the
 * generalised pieces of low zooms (their edges are cell cuts, not zone boundaries).
 */
export function toVectorLayer(l: LayerSpecification, sourceLayer: string): LayerSpecification {
  if (!('source' in l)) return l;
  if ('source-layer' in l) return { ...l, 'source-layer': sourceLayer } as LayerSpecification; // already a vector layer
  const out = { ...l, 'source-layer': sourceLayer } as LayerSpecification & { filter?: FilterSpecification };
  if (l.type === 'line') out.filter = l.filter ? (['all', l.filter, NOT_GENERALISED] as FilterSpecification) : NOT_GENERALISED;
  return out;
}

/** A style layer as it draws from GeoJSON again: no `source-layer`. */
export function toGeoJsonLayer(l: LayerSpecification, original: LayerSpecification | undefined): LayerSpecification {
  const { 'source-layer': _drop, filter: _filter, ...rest } = l as LayerSpecification & { 'source-layer'?: string; filter?: FilterSpecification };
  const filter = (original as { filter?: FilterSpecification } | undefined)?.filter;
  return (filter ? { ...rest, filter } : rest) as LayerSpecification;
}

/**
 * Replaces a source of the live map (same id) and re-adds its style layers, transformed, at
 * their places and with their current paint/layout (visibility and opacity set by the panel).
 */
export function replaceSource(map: MlMap, sourceId: string, source: SourceSpecification, transform: (l: LayerSpecification) => LayerSpecification): void {
  const all = map.getStyle().layers;
  const mine = all.filter((l) => 'source' in l && l.source === sourceId);
  const before = mine.map((l) => {
    const i = all.indexOf(l);
    return all.slice(i + 1).find((n) => !('source' in n) || n.source !== sourceId)?.id;
  });
  for (const l of mine) map.removeLayer(l.id);
  map.removeSource(sourceId);
  map.addSource(sourceId, source);
  mine.forEach((l, i) => map.addLayer(transform(l), before[i]));
}
