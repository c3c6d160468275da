import type { MultiPolygon, Polygon } from 'geojson';
import { create } from 'zustand';
import type { OverlapTable } from '../../core/analysis/table';
import type { ConflictResult, Scenario, TrimResult } from './api';

/** What is analysed: the selected cluster or the boundary being drawn. */
export interface ConflictSubject {
  /** Identity of the subject: a result belongs to one key. */
  key: string;
  kind: 'cluster' | 'draft';
  clusterId?: number;
  name: string | null;
  geometry: Polygon | MultiPolygon;
  /** A draft that redraws a saved cluster (e.g. its trimmed boundary): that cluster is left out of conflicts. */
  redraws?: { clusterId: number; name: string | null };
}

export interface ConflictOptionsState {
  date: string;
  kind: 'new' | 'expansion';
  /** undefined: take the cluster's own flag. */
  mountainous: boolean | undefined;
  craftVillage: boolean | undefined;
}

interface ConflictsState {
  mode: 'cluster' | 'draft';
  options: ConflictOptionsState;
  /** Which figures the table shows: the server's (when it has answered for this subject) or the browser's. */
  source: 'server' | 'local';
  server: { key: string; result: ConflictResult } | undefined;
  local: { key: string; table: OverlapTable; features: number; ms: number } | undefined;
  loading: boolean;
  error: string | undefined;
  /** "layer|code" of the row picked in the table (highlighted on the map). */
  selectedRow: string | undefined;
  trim: { key: string; result: TrimResult; excludeNeedsApproval: boolean } | undefined;
  scenarios: Scenario[] | undefined;
  /** The draft made from a cluster here (trim accepted): which cluster it redraws. */
  draftOf: { geometry: object; clusterId: number; name: string | null } | undefined;
  set: (p: Partial<Omit<ConflictsState, 'set' | 'setOption'>>) => void;
  setOption: <K extends keyof ConflictOptionsState>(k: K, v: ConflictOptionsState[K]) => void;
}

/** Today in Vietnam (UTC+7), ISO. */
export const todayVn = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

export const useConflicts = create<ConflictsState>((set) => ({
  mode: 'cluster',
  options: { date: todayVn(), kind: 'new', mountainous: undefined, craftVillage: undefined },
  source: 'server',
  server: undefined,
  local: undefined,
  loading: false,
  error: undefined,
  selectedRow: undefined,
  trim: undefined,
  scenarios: undefined,
  draftOf: undefined,
  set: (p) => set(p),
  setOption: (k, v) => set((s) => ({ options: { ...s.options, [k]: v } })),
}));
