import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { buildStyle, LAYER_REGISTRY } from '../../layers';
import { replaceSource, toGeoJsonLayer, toVectorLayer, vectorSource, type TileSource } from './tiled-source';

maplibregl.setWorkerUrl(workerUrl);

export type LngLatBounds = [number, number, number, number];

/** A map view: centre and zoom. */
export interface ViewState {
  lng: number;
  lat: number;
  zoom: number;
}

const OPACITY_PROP: Partial<Record<string, string>> = {
  fill: 'fill-opacity',
  line: 'line-opacity',
  symbol: 'text-opacity',
  raster: 'raster-opacity',
  circle: 'circle-opacity',
};

const styleLayersOf = (layerId: string) => LAYER_REGISTRY.find((l) => l.id === layerId)?.layers ?? [];

export interface MapControllerOptions {
  container: HTMLElement;
  bounds: LngLatBounds;
  onFeatureClick?: (sourceId: string, id: string | number | undefined, properties: Record<string, unknown>) => void;
}

/**
 * The one owner of the MapLibre map. React pushes state in (data, selection);
 * unchanged writes are skipped; map events go back through callbacks.
 */
export class MapController {
  readonly map: maplibregl.Map;
  private readonly data = new Map<string, FeatureCollection>();
  private selected: { source: string; id: string | number } | undefined;
  private readonly ready: Promise<void>;
  private basemap = false;
  /** Sources drawn from vector tiles (source id → MVT layer name); see tiled-source.ts. */
  private readonly tiled = new Map<string, string>();

  constructor(opts: MapControllerOptions) {
    this.map = new maplibregl.Map({
      container: opts.container,
      style: buildStyle(LAYER_REGISTRY, typeof location === 'undefined' ? '' : location.origin),
      bounds: opts.bounds,
      fitBoundsOptions: { padding: { top: 60, left: 310, right: 20, bottom: 20 } },
      attributionControl: { compact: true, customAttribution: 'Ranh giới hành chính: censusVN2009 (MIT)' },
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.ready = new Promise((resolve) => this.map.once('load', () => resolve()));

    for (const layer of LAYER_REGISTRY) {
      for (const layerId of layer.interactiveLayerIds ?? []) {
        this.map.on('click', layerId, (e) => {
          const f = e.features?.[0];
          opts.onFeatureClick?.(layer.id, f?.id, (f?.properties ?? {}) as Record<string, unknown>);
        });
        this.map.on('mouseenter', layerId, () => (this.map.getCanvas().style.cursor = 'pointer'));
        this.map.on('mouseleave', layerId, () => (this.map.getCanvas().style.cursor = ''));
      }
    }
  }

  /** Replaces the data of a source; a no-op when the same object is pushed again. */
  async setData(sourceId: string, fc: FeatureCollection): Promise<void> {
    if (this.data.get(sourceId) === fc) return;
    this.data.set(sourceId, fc);
    await this.ready;
    if (this.tiled.has(sourceId)) return; // kept for when the source goes back to GeoJSON
    const src = this.map.getSource(sourceId) as maplibregl.GeoJSONSource | undefined;
    src?.setData(fc);
  }

  /** Highlights one feature of a source (or none). */
  async setSelected(source: string, id: string | number | undefined): Promise<void> {
    if (this.selected?.source === source && this.selected.id === id) return;
    await this.ready;
    if (this.selected) this.map.setFeatureState({ source: this.selected.source, sourceLayer: this.tiled.get(this.selected.source), id: this.selected.id }, { selected: false });
    this.selected = id === undefined ? undefined : { source, id };
    if (this.selected) this.map.setFeatureState({ source, sourceLayer: this.tiled.get(source), id: this.selected.id }, { selected: true });
  }

  /**
   * Draws a source from the server's vector tiles (a large layer), or from its GeoJSON again
   * (`undefined`). Same source id and style layers: panel, clicks and selection keep working.
   */
  async setTiles(sourceId: string, tiles: TileSource | undefined): Promise<void> {
    await this.ready;
    if (!tiles && !this.tiled.has(sourceId)) return;
    if (tiles) {
      const src = vectorSource(tiles, typeof location === 'undefined' ? '' : location.origin);
      const current = this.map.getStyle().sources[sourceId] as { tiles?: string[] } | undefined;
      if (JSON.stringify(current?.tiles) === JSON.stringify((src as { tiles: string[] }).tiles)) return;
      this.tiled.set(sourceId, tiles.collection);
      replaceSource(this.map, sourceId, src, (l) => toVectorLayer(l, tiles.collection));
    } else {
      this.tiled.delete(sourceId);
      const registry = styleLayersOf(sourceId);
      const def = LAYER_REGISTRY.find((l) => l.id === sourceId)?.source;
      const data = this.data.get(sourceId) ?? { type: 'FeatureCollection' as const, features: [] };
      replaceSource(this.map, sourceId, { ...(def?.type === 'geojson' ? def : { type: 'geojson' as const }), data }, (l) =>
        toGeoJsonLayer(l, registry.find((r) => r.id === l.id)),
      );
    }
  }

  /** Pans and zooms to fit a box. */
  fitBounds(b: LngLatBounds, maxZoom = 14): void {
    this.map.fitBounds(b, { padding: 80, maxZoom, duration: 600 });
  }

  /** Shows or hides every style layer of a registry layer. */
  async setLayerVisible(layerId: string, visible: boolean): Promise<void> {
    await this.ready;
    for (const l of styleLayersOf(layerId)) this.map.setLayoutProperty(l.id, 'visibility', visible ? 'visible' : 'none');
  }

  /** Scales the opacity of every style layer of a registry layer (1 = as styled). */
  async setLayerOpacity(layerId: string, opacity: number): Promise<void> {
    await this.ready;
    for (const l of styleLayersOf(layerId)) {
      const prop = OPACITY_PROP[l.type];
      if (!prop) continue;
      const base = (l.paint as Record<string, unknown> | undefined)?.[prop];
      // Opacity 1 restores the style as written (expressions included); a zoom curve is left alone.
      const value = opacity === 1 ? base : typeof base === 'number' ? base * opacity : base === undefined ? opacity : ['*', base, opacity];
      if (opacity !== 1 && Array.isArray(base) && JSON.stringify(base).includes('"zoom"')) continue;
      if (JSON.stringify(this.map.getPaintProperty(l.id, prop as 'fill-opacity')) !== JSON.stringify(value))
        this.map.setPaintProperty(l.id, prop as 'fill-opacity', value as number | undefined);
    }
  }

  /** Draws registry layers in this order (bottom to top); layers not named keep their place above. */
  async setLayerOrder(layerIds: readonly string[]): Promise<void> {
    await this.ready;
    const named = new Set(layerIds.flatMap((id) => styleLayersOf(id).map((l) => l.id)));
    const above = this.map.getStyle().layers.map((l) => l.id);
    const firstNamed = above.findIndex((id) => named.has(id));
    const after = above.slice(firstNamed).filter((id) => !named.has(id));
    for (const id of layerIds) for (const l of styleLayersOf(id)) this.map.moveLayer(l.id);
    for (const id of after) this.map.moveLayer(id);
  }

  /** The current view (centre lon/lat and zoom). */
  getView(): ViewState {
    const c = this.map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  /** Jumps to a view without animation. */
  setView(v: ViewState): void {
    this.map.jumpTo({ center: [v.lng, v.lat], zoom: v.zoom });
  }

  /** Calls back after every pan or zoom; returns the unsubscribe function. */
  onViewChange(cb: (v: ViewState) => void): () => void {
    const handler = () => cb(this.getView());
    this.map.on('moveend', handler);
    return () => this.map.off('moveend', handler);
  }

  /**
   * Adds an online basemap under every layer (an XYZ raster template, or a style URL's non-label
   * layers) and turns the offline land fills into a light wash so it shows through. Once only.
   */
  async setBasemap(b: { kind: 'raster'; tiles: string } | { kind: 'style'; url: string }): Promise<void> {
    await this.ready;
    if (this.basemap) return;
    this.basemap = true;
    const before = this.map.getStyle().layers[1]?.id;
    if (b.kind === 'raster') {
      this.map.addSource('basemap', { type: 'raster', tiles: [b.tiles], tileSize: 256, attribution: new URL(b.tiles).host });
      this.map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap' }, before);
    } else {
      const style = (await (await fetch(b.url)).json()) as maplibregl.StyleSpecification;
      for (const [id, src] of Object.entries(style.sources)) this.map.addSource(`basemap:${id}`, src);
      for (const l of style.layers) {
        if (l.type === 'symbol' || l.type === 'background' || !('source' in l)) continue;
        this.map.addLayer({ ...l, id: `basemap:${l.id}`, source: `basemap:${String(l.source)}` } as maplibregl.LayerSpecification, before);
      }
    }
    for (const [id, o] of [['neighbours-fill', 0.25], ['province-fill', 0.35]] as const) {
      if (this.map.getLayer(id)) this.map.setPaintProperty(id, 'fill-opacity', o);
    }
  }

  destroy(): void {
    this.map.remove();
  }
}
