import type { FeatureCollection, MultiPolygon } from 'geojson';
import { create } from 'zustand';
import { api, type ClusterProperties } from '../../api/client';

export type ClusterCollection = FeatureCollection<MultiPolygon | null, ClusterProperties>;

interface ClustersState {
  clusters: ClusterCollection | undefined;
  error: string | undefined;
  /** (Re)loads the clusters from the API, e.g. after an edit. */
  load: () => Promise<void>;
}

export const useClusters = create<ClustersState>((set) => ({
  clusters: undefined,
  error: undefined,
  load: async () => {
    try {
      set({ clusters: await api.clusters(), error: undefined });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));
