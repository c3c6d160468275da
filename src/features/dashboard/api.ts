import { ApiError } from '../../api/client';
import type { Grouping } from '../../core/reports/aggregate';
import type { ReportPeriod } from '../../core/reports/periods';
import type { ProvinceReport } from '../../core/reports/report';

export interface ProvinceOption {
  key: string;
  name: string;
  kind: 'registry' | 'summary';
  clusters: number | null;
  as_of_label: string | null;
}

export interface PeriodOption extends ReportPeriod {
  closed: boolean;
  label_vi: string;
  label_en: string;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText);
  return body as T;
}

/** Query string of a report scope; `group` left out = the server's default for the period. */
export function scopeQuery(s: { province: string; period: string; group: Grouping | 'auto' }): string {
  const q = new URLSearchParams({ province: s.province, period: s.period });
  if (s.group !== 'auto') q.set('group', s.group);
  return q.toString();
}

export const reportsApi = {
  provinces: () => getJson<ProvinceOption[]>('/api/reports/provinces'),
  periods: () => getJson<{ today: string; latest_closed: string; periods: PeriodOption[] }>('/api/reports/periods'),
  dashboard: (query: string) => getJson<ProvinceReport>(`/api/reports/dashboard?${query}`),
};
