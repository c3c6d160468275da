import type { FeatureCollection, MultiPolygon } from 'geojson';
import { create } from 'zustand';
import { EMPTY_FILTER, type ClusterFilter } from '../../core/clusters/search';
import { clustersApi, type ClusterFull } from './api';

export type ClusterCollection = FeatureCollection<MultiPolygon | null, ClusterFull>;

interface ClustersState {
  clusters: ClusterCollection | undefined;
  error: string | undefined;
  /** The list's search text and filters. */
  filter: ClusterFilter;
  setFilter: (f: Partial<ClusterFilter>) => void;
  /** (Re)loads the clusters from the API, e.g. after an edit. */
  load: () => Promise<void>;
}

export const useClusters = create<ClustersState>((set) => ({
  clusters: undefined,
  error: undefined,
  filter: EMPTY_FILTER,
  setFilter: (f) => set((s) => ({ filter: { ...s.filter, ...f } })),
  load: async () => {
    try {
      set({ clusters: await clustersApi.list(), error: undefined });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
}));
