import { create } from 'zustand';
import type { Grouping } from '../../core/reports/aggregate';
import type { ProvinceReport } from '../../core/reports/report';
import { reportsApi, scopeQuery, type PeriodOption, type ProvinceOption } from './api';

export interface DashboardState {
  province: string;
  /** 'now' or a period id ('2026-H1', '2025'). */
  period: string;
  group: Grouping | 'auto';
  provinces: ProvinceOption[];
  periods: PeriodOption[];
  report: ProvinceReport | undefined;
  loading: boolean;
  error: string | undefined;
  /** Loads the choices once, then the report. */
  init: () => Promise<void>;
  set: (patch: Partial<Pick<DashboardState, 'province' | 'period' | 'group'>>) => Promise<void>;
  load: () => Promise<void>;
}

let requestNo = 0;

export const useDashboard = create<DashboardState>((set, get) => ({
  province: '',
  period: 'now',
  group: 'auto',
  provinces: [],
  periods: [],
  report: undefined,
  loading: false,
  error: undefined,
  init: async () => {
    if (get().provinces.length) return;
    try {
      const [provinces, periods] = await Promise.all([reportsApi.provinces(), reportsApi.periods()]);
      const first = provinces.find((p) => p.kind === 'registry') ?? provinces[0];
      set({ provinces, periods: periods.periods, province: get().province || (first?.key ?? '') });
      await get().load();
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  set: async (patch) => {
    set(patch);
    await get().load();
  },
  load: async () => {
    const { province, period, group } = get();
    if (!province) return;
    const no = ++requestNo;
    set({ loading: true, error: undefined });
    try {
      const report = await reportsApi.dashboard(scopeQuery({ province, period, group }));
      if (no === requestNo) set({ report, loading: false });
    } catch (e) {
      if (no === requestNo) set({ error: (e as Error).message, loading: false });
    }
  },
}));
