/** Handlers for clicks on interactive map layers, by source id. */
export type MapClickHandler = (id: string | number | undefined, properties: Record<string, unknown>) => void;

const handlers = new Map<string, MapClickHandler>();

/** A feature registers what a click on one of its sources does. */
export function onMapClick(sourceId: string, handler: MapClickHandler): () => void {
  handlers.set(sourceId, handler);
  return () => {
    if (handlers.get(sourceId) === handler) handlers.delete(sourceId);
  };
}

export function dispatchMapClick(sourceId: string, id: string | number | undefined, properties: Record<string, unknown>): void {
  handlers.get(sourceId)?.(id, properties);
}
