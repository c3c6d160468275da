/**
 * State of the clearance (GPMB) tab: the cluster shown, its parcels (now or as of
 * a past date), progress figures and series, the selection, the open record, and
 * the actions that write (single and bulk transitions).
 */
import type { FeatureCollection } from 'geojson';
import { create } from 'zustand';
import { ApiError } from '../../api/client';
import { useApp } from '../../app/store';
import { todayInVietnam } from '../../core/clearance/dates';
import { idsInRing } from '../../core/clearance/select';
import { clearanceApi, type ParcelFeature, type ParcelsCollection, type ProgressAnswer, type RefusalDetail, type TimelinePoint, type TransitionFields } from './api';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
  /** Per-parcel reasons of a refused transition. */
  refusals?: RefusalDetail[];
}

interface ClearanceState {
  clusters: { id: number; name: string }[];
  /** Province-wide figures (all clusters with parcels), today. */
  province: ProgressAnswer['progress'] | undefined;
  clusterId: number | undefined;
  parcels: ParcelsCollection | undefined;
  progress: ProgressAnswer | undefined;
  timeline: TimelinePoint[];
  /** undefined: today (live, editable); a date: replayed history (read-only). */
  asOf: string | undefined;
  selected: ReadonlySet<number>;
  record: ParcelFeature | undefined;
  busy: boolean;
  notice: Notice | undefined;
  error: string | undefined;
  init: () => Promise<void>;
  load: (clusterId: number) => Promise<void>;
  setAsOf: (date: string | undefined) => Promise<void>;
  openRecord: (id: number | undefined) => Promise<void>;
  toggleSelected: (id: number) => void;
  selectInRing: (ring: [number, number][], add: boolean) => void;
  clearSelection: () => void;
  bulkTransition: (f: TransitionFields) => Promise<boolean>;
  transition: (f: TransitionFields) => Promise<boolean>;
  clearNotice: () => void;
  leave: () => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Polygons with their status and selection, plus one point per flagged parcel for the flag symbols. */
export function mapData(parcels: ParcelsCollection | undefined, selected: ReadonlySet<number>, openId?: number): FeatureCollection {
  if (!parcels) return EMPTY;
  const flags: FeatureCollection['features'] = [];
  const polys = parcels.features.map((f) => {
    const p = f.properties;
    const grave = p.graves_total > p.graves_relocated;
    const dispute = p.flags.includes('dispute') || p.flags.includes('complaint');
    const absent = p.flags.includes('absent_owner');
    if (p.label_point && (grave || dispute || absent))
      flags.push({ type: 'Feature', geometry: p.label_point, properties: { pid: p.id, grave, dispute, absent } });
    return { ...f, properties: { id: p.id, status: p.status, overdue: p.overdue.length > 0, selected: selected.has(p.id), open: p.id === openId } };
  });
  return { type: 'FeatureCollection', features: [...polys, ...flags] };
}

const refusalsOf = (e: unknown): RefusalDetail[] | undefined =>
  e instanceof ApiError ? ((e.details as { refused?: RefusalDetail[] } | undefined)?.refused ?? undefined) : undefined;

export const useClearance = create<ClearanceState>((set, get) => {
  const push = () => useApp.getState().setMapSource('parcels', mapData(get().parcels, get().selected, get().record?.id));
  const refresh = async () => {
    const { clusterId, asOf } = get();
    if (!clusterId) return;
    const [parcels, progress, timeline] = await Promise.all([
      clearanceApi.parcels(clusterId, asOf),
      clearanceApi.progress(clusterId, asOf),
      clearanceApi.timeline(clusterId),
    ]);
    if (get().clusterId !== clusterId || get().asOf !== asOf) return;
    set({ parcels, progress, timeline, error: undefined });
    push();
  };
  return {
    clusters: [],
    province: undefined,
    clusterId: undefined,
    parcels: undefined,
    progress: undefined,
    timeline: [],
    asOf: undefined,
    selected: new Set(),
    record: undefined,
    busy: false,
    notice: undefined,
    error: undefined,

    async init() {
      try {
        const province = await clearanceApi.progress();
        const clusters = (province.clusters ?? []).map((c) => ({ id: c.cluster_id, name: c.cluster_name }));
        set({ clusters, province: province.progress });
        const id = get().clusterId ?? clusters[0]?.id;
        if (id) await get().load(id);
      } catch (e) {
        set({ error: (e as Error).message });
      }
    },

    async load(clusterId) {
      set({ clusterId, parcels: undefined, progress: undefined, timeline: [], selected: new Set(), record: undefined, notice: undefined });
      try {
        await refresh();
      } catch (e) {
        set({ error: (e as Error).message });
      }
    },

    async setAsOf(date) {
      const today = todayInVietnam();
      set({ asOf: date && date < today ? date : undefined, selected: new Set() });
      try {
        await refresh();
      } catch (e) {
        set({ error: (e as Error).message });
      }
    },

    async openRecord(id) {
      if (id === undefined) {
        set({ record: undefined });
        return push();
      }
      try {
        set({ record: await clearanceApi.parcel(id), notice: undefined });
        push();
      } catch (e) {
        set({ notice: { kind: 'error', text: (e as Error).message } });
      }
    },

    toggleSelected(id) {
      const next = new Set(get().selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      set({ selected: next });
      push();
    },

    selectInRing(ring, add) {
      const items = (get().parcels?.features ?? []).map((f) => ({ id: f.properties.id, point: f.properties.label_point?.coordinates }));
      const ids = idsInRing(items, ring);
      set({ selected: new Set([...(add ? get().selected : []), ...ids]) });
      push();
    },

    clearSelection() {
      set({ selected: new Set() });
      push();
    },

    async bulkTransition(f) {
      const byId = new Map((get().parcels?.features ?? []).map((x) => [x.properties.id, x.properties.version]));
      const items = [...get().selected].map((id) => ({ id, version: byId.get(id)! }));
      set({ busy: true, notice: undefined });
      try {
        const r = await clearanceApi.bulk(items, f);
        set({ selected: new Set(), notice: { kind: 'ok', text: String(r.count) } });
        await refresh();
        return true;
      } catch (e) {
        set({ notice: { kind: 'error', text: (e as Error).message, refusals: refusalsOf(e) } });
        if (e instanceof ApiError && e.status === 409) await refresh();
        return false;
      } finally {
        set({ busy: false });
      }
    },

    async transition(f) {
      const rec = get().record;
      if (!rec) return false;
      set({ busy: true, notice: undefined });
      try {
        const updated = await clearanceApi.transition(rec.id, rec.properties.version, f);
        set({ record: updated, notice: { kind: 'ok', text: 'saved' } });
        await refresh();
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          const current = (e.details as { current?: ParcelFeature } | undefined)?.current;
          if (current) set({ record: current });
          await refresh();
        }
        set({ notice: { kind: 'error', text: (e as Error).message, refusals: refusalsOf(e) } });
        return false;
      } finally {
        set({ busy: false });
      }
    },

    clearNotice: () => set({ notice: undefined }),

    leave() {
      set({ record: undefined, selected: new Set() });
      useApp.getState().setMapSource('parcels', EMPTY);
    },
  };
});
