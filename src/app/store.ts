import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { create } from 'zustand';
import type { Locale } from '../core/format/number';

/** A boundary being worked on (drawn, typed, imported) before it is saved. */
export interface DraftBoundary {
  geometry: Polygon | MultiPolygon;
  origin: 'draw' | 'table' | 'import' | 'trim';
  name?: string;
}

export interface AppState {
  locale: Locale;
  setLocale: (l: Locale) => void;
  /** The sidebar tab shown (see src/app/tabs.tsx). */
  activeTab: string;
  setActiveTab: (id: string) => void;
  selectedClusterId: number | undefined;
  selectCluster: (id: number | undefined) => void;
  draft: DraftBoundary | undefined;
  setDraft: (d: DraftBoundary | undefined) => void;
  /** GeoJSON pushed to map sources by features (source id → data). */
  mapSources: Record<string, FeatureCollection | undefined>;
  setMapSource: (id: string, fc: FeatureCollection | undefined) => void;
}

const initialLocale = (): Locale =>
  typeof localStorage !== 'undefined' && localStorage.getItem('locale') === 'en' ? 'en' : 'vi';

/** App-wide state. The map is never the source of truth: it renders this. */
export const useApp = create<AppState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => set({ locale }),
  activeTab: 'clusters',
  setActiveTab: (activeTab) => set({ activeTab }),
  selectedClusterId: undefined,
  selectCluster: (selectedClusterId) => set({ selectedClusterId }),
  draft: undefined,
  setDraft: (draft) => set({ draft }),
  mapSources: {},
  setMapSource: (id, fc) => set((s) => ({ mapSources: { ...s.mapSources, [id]: fc } })),
}));
