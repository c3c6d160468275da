import { useEffect, useRef } from 'react';
import type { FeatureCollection } from 'geojson';
import { MapController, type LngLatBounds } from './MapController';
import { setMapController } from './instance';

declare global {
  interface Window {
    /** The map controller, exposed for browser tests and debugging. */
    __ccnMap?: MapController;
  }
}

export interface MapViewProps {
  bounds: LngLatBounds;
  sources: Record<string, FeatureCollection | undefined>;
  selection: { source: string; id: string | number | undefined };
  onFeatureClick: (sourceId: string, id: string | number | undefined, properties: Record<string, unknown>) => void;
}

/** React wrapper: creates the controller once and pushes props into it. */
export function MapView({ bounds, sources, selection, onFeatureClick }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const clickRef = useRef(onFeatureClick);
  clickRef.current = onFeatureClick;

  useEffect(() => {
    const c = new MapController({
      container: container.current!,
      bounds,
      onFeatureClick: (s, id, p) => clickRef.current(s, id, p),
    });
    controller.current = c;
    window.__ccnMap = c;
    setMapController(c);
    return () => {
      c.destroy();
      controller.current = null;
      setMapController(undefined);
      if (window.__ccnMap === c) delete window.__ccnMap;
    };
    // The map is created once; later view changes go through the controller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    for (const [id, fc] of Object.entries(sources)) if (fc) void controller.current?.setData(id, fc);
  }, [sources]);

  useEffect(() => {
    void controller.current?.setSelected(selection.source, selection.id);
  }, [selection.source, selection.id]);

  return <div ref={container} className="map" data-testid="map" />;
}
