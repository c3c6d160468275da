import type { FeatureCollection } from 'geojson';
import { create } from 'zustand';
import { ApiError } from '../../api/client';
import { onMapClick } from '../../app/map-clicks';
import { useApp } from '../../app/store';
import {
  plotsApi, type Inspection, type MonthlyReview, type NewInspection, type NewProject, type PlotFeature, type PlotsCollection, type Project,
} from './api';

/** Where the plot panel is: what a user reads after an action. */
export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  /** Server details (e.g. the current state after a 409). */
  code?: string;
}

interface PlotsState {
  clusterId: number | undefined;
  plots: PlotsCollection | undefined;
  projects: Project[];
  inspections: Inspection[];
  review: MonthlyReview | undefined;
  months: number;
  selectedPlotId: number | undefined;
  loading: boolean;
  busy: boolean;
  notice: Notice | undefined;
  load: (clusterId: number) => Promise<void>;
  selectPlot: (id: number | undefined) => void;
  setMonths: (m: number) => Promise<void>;
  lease: (plot: PlotFeature, projectId: number, leasedOn: string) => Promise<boolean>;
  release: (plot: PlotFeature) => Promise<boolean>;
  resolveViolation: (id: number, version: number) => Promise<void>;
  /** Creates a record, then refreshes the lists; resolves to an error message or undefined. */
  create: (what: 'project', body: NewProject) => Promise<string | undefined>;
  createInspection: (body: NewInspection) => Promise<string | undefined>;
  clearNotice: () => void;
}

/**
 * Pushes the plots to the map's `plots` source: polygons (the selected one flagged) and one
 * label point per plot (so a code is drawn once, not once per tile piece of the polygon).
 */
function pushMap(plots: PlotsCollection | undefined, selected: number | undefined): void {
  const polygons = (plots?.features ?? []).map((f) => (f.id === selected ? { ...f, properties: { ...f.properties, selected: true } } : f));
  const labels = (plots?.features ?? [])
    .filter((f) => f.properties.label_point && f.properties.land_use !== 'roads')
    .map((f) => ({
      type: 'Feature' as const,
      geometry: f.properties.label_point!,
      properties: { kind: 'label', id: `label-${f.properties.id}`, code: f.properties.code },
    }));
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [...polygons, ...labels] };
  useApp.getState().setMapSource('plots', fc);
}

const errorNotice = (e: unknown): Notice => ({
  kind: 'error',
  text: (e as Error).message,
  code: e instanceof ApiError ? e.code : undefined,
});

export const usePlots = create<PlotsState>((set, get) => ({
  clusterId: undefined,
  plots: undefined,
  projects: [],
  inspections: [],
  review: undefined,
  months: 12,
  selectedPlotId: undefined,
  loading: false,
  busy: false,
  notice: undefined,

  load: async (clusterId) => {
    const changed = clusterId !== get().clusterId;
    set({ clusterId, loading: true, ...(changed ? { selectedPlotId: undefined, notice: undefined } : {}) });
    try {
      const [plots, projects, inspections, review] = await Promise.all([
        plotsApi.plots(clusterId),
        plotsApi.projects(clusterId),
        plotsApi.inspections(clusterId),
        plotsApi.review(clusterId, get().months),
      ]);
      if (get().clusterId !== clusterId) return;
      set({ plots, projects, inspections, review, loading: false });
      pushMap(plots, get().selectedPlotId);
    } catch (e) {
      set({ loading: false, notice: errorNotice(e) });
    }
  },

  selectPlot: (id) => {
    set({ selectedPlotId: id, notice: undefined });
    pushMap(get().plots, id);
  },

  setMonths: async (months) => {
    set({ months });
    const id = get().clusterId;
    if (id !== undefined) set({ review: await plotsApi.review(id, months) });
  },

  lease: async (plot, projectId, leasedOn) => {
    set({ busy: true, notice: undefined });
    try {
      const r = await plotsApi.lease(plot.id as number, { version: plot.properties.version, project_id: projectId, leased_on: leasedOn });
      applyPlotChange(r.plot, r.occupancy);
      set({ busy: false, notice: { kind: 'ok', text: 'leased' } });
      void refreshLists();
      return true;
    } catch (e) {
      set({ busy: false, notice: errorNotice(e) });
      if (e instanceof ApiError && e.status === 409) void get().load(plot.properties.cluster_id);
      return false;
    }
  },

  release: async (plot) => {
    set({ busy: true, notice: undefined });
    try {
      const r = await plotsApi.release(plot.id as number, { version: plot.properties.version });
      applyPlotChange(r.plot, r.occupancy);
      set({ busy: false, notice: { kind: 'ok', text: 'released' } });
      void refreshLists();
      return true;
    } catch (e) {
      set({ busy: false, notice: errorNotice(e) });
      if (e instanceof ApiError && e.status === 409) void get().load(plot.properties.cluster_id);
      return false;
    }
  },

  resolveViolation: async (id, version) => {
    try {
      await plotsApi.updateViolation(id, { version, follow_up_status: 'resolved' });
      await refreshLists();
    } catch (e) {
      set({ notice: errorNotice(e) });
    }
  },

  create: async (_what, body) => {
    try {
      await plotsApi.createProject(body);
      await refreshLists();
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  },

  createInspection: async (body) => {
    try {
      await plotsApi.createInspection(body);
      await refreshLists();
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  },

  clearNotice: () => set({ notice: undefined }),
}));

/** One update: the plot's colour, the occupancy and the vacant list (derived from the plots) change together. */
function applyPlotChange(plot: PlotFeature, occupancy: PlotsCollection['occupancy']): void {
  const s = usePlots.getState();
  if (!s.plots) return;
  const plots: PlotsCollection = {
    ...s.plots,
    occupancy,
    features: s.plots.features.map((f) => (f.id === plot.id ? plot : f)),
  };
  usePlots.setState({ plots });
  pushMap(plots, s.selectedPlotId);
}

/** Projects, inspections and the review after a write (the map and occupancy are already current). */
async function refreshLists(): Promise<void> {
  const { clusterId, months } = usePlots.getState();
  if (clusterId === undefined) return;
  const [projects, inspections, review] = await Promise.all([
    plotsApi.projects(clusterId),
    plotsApi.inspections(clusterId),
    plotsApi.review(clusterId, months),
  ]);
  if (usePlots.getState().clusterId === clusterId) usePlots.setState({ projects, inspections, review });
}

/** Vacant industrial plots of the loaded plan, by code. */
export const vacantPlots = (plots: PlotsCollection | undefined): PlotFeature[] =>
  (plots?.features ?? []).filter((f) => f.properties.map_class === 'vacant').sort((a, b) => a.properties.code.localeCompare(b.properties.code));

// A click on a plot opens the plots tab on that plot (registered once, whichever tab is shown).
onMapClick('plots', (id) => {
  if (typeof id !== 'number') return;
  usePlots.getState().selectPlot(id);
  useApp.getState().setActiveTab('plots');
});
