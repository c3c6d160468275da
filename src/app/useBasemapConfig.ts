import { useEffect } from 'react';
import { getMapController } from '../map/instance';

/** Adds the optional online basemap when the server is configured with one (GET /api/config). */
export function useOnlineBasemap(): void {
  useEffect(() => {
    fetch('/api/config')
      .then((r) => (r.ok ? (r.json() as Promise<{ basemap: Parameters<NonNullable<ReturnType<typeof getMapController>>['setBasemap']>[0] | null }>) : null))
      .then((cfg) => cfg?.basemap && getMapController()?.setBasemap(cfg.basemap))
      .catch(() => undefined);
  }, []);
}
