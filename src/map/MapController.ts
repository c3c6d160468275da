import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import { buildStyle, LAYER_REGISTRY } from '../../layers';

maplibregl.setWorkerUrl(workerUrl);

export type LngLatBounds = [number, number, number, number];

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

  constructor(opts: MapControllerOptions) {
    this.map = new maplibregl.Map({
      container: opts.container,
      style: buildStyle(),
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
    const src = this.map.getSource(sourceId) as maplibregl.GeoJSONSource | undefined;
    src?.setData(fc);
  }

  /** Highlights one feature of a source (or none). */
  async setSelected(source: string, id: string | number | undefined): Promise<void> {
    if (this.selected?.source === source && this.selected.id === id) return;
    await this.ready;
    if (this.selected) this.map.setFeatureState({ source: this.selected.source, id: this.selected.id }, { selected: false });
    this.selected = id === undefined ? undefined : { source, id };
    if (this.selected) this.map.setFeatureState({ source, id: this.selected.id }, { selected: true });
  }

  /** Pans and zooms to fit a box. */
  fitBounds(b: LngLatBounds, maxZoom = 14): void {
    this.map.fitBounds(b, { padding: 80, maxZoom, duration: 600 });
  }

  destroy(): void {
    this.map.remove();
  }
}
