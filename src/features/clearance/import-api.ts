/** Client of the parcel import: preview (field mapping) and the import itself with its progress lines. */
import { ApiError } from '../../api/client';

export const IMPORT_FIELDS = [
  'map_sheet_no', 'parcel_no', 'legal_land_code', 'current_land_code', 'planned_land_code', 'cadastral_area_m2', 'commune_code', 'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type FieldMapping = Partial<Record<ImportField, string>>;

export interface PreviewRow {
  row: number;
  line?: number;
  values: { map_sheet_no: string; parcel_no: string; legal_land_code: string; original_land_code: string | null; cadastral_area_m2: number | null } | null;
  problem: { field: string; message: string; message_vi: string } | null;
}

export interface Preview {
  filename: string;
  format: string;
  crs: { epsg?: number; name: string; source: string };
  warnings: string[];
  count: number;
  columns: string[];
  mapping: FieldMapping;
  missing: ImportField[];
  rows: PreviewRow[];
}

export interface ImportResult {
  total: number;
  created: number;
  updated: number;
}

export interface ImportProgress {
  stage: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

const query = (clusterId: number, mapping: FieldMapping, crs?: number) => {
  const p = new URLSearchParams({ cluster_id: String(clusterId) });
  if (crs) p.set('crs', String(crs));
  for (const [k, v] of Object.entries(mapping)) if (v) p.set(`col_${k}`, v);
  return p.toString();
};

const form = (file: File) => {
  const f = new FormData();
  f.append('file', file, file.name);
  return f;
};

async function fail(res: Response): Promise<never> {
  const body = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  throw new ApiError(res.status, body.error?.code ?? 'HTTP', body.error?.message ?? res.statusText, body.error?.details);
}

export async function previewImport(clusterId: number, file: File, crs?: number): Promise<Preview> {
  const res = await fetch(`/api/parcels/imports/preview?${query(clusterId, {}, crs)}`, { method: 'POST', body: form(file), credentials: 'same-origin' });
  if (!res.ok) return fail(res);
  return (await res.json()) as Preview;
}

/** Runs the import, reporting each progress line; resolves with the result or rejects with the refusal. */
export async function runImport(clusterId: number, file: File, mapping: FieldMapping, crs: number | undefined, onProgress: (p: ImportProgress) => void): Promise<ImportResult> {
  const res = await fetch(`/api/parcels/imports?${query(clusterId, mapping, crs)}`, {
    method: 'POST', body: form(file), credentials: 'same-origin', headers: { Accept: 'application/x-ndjson' },
  });
  if (!res.ok || !res.body) return fail(res);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buf += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as { type: string; stage?: ImportProgress['stage']; done?: number; total?: number; result?: ImportResult; status?: number; error?: { code: string; message: string; details?: unknown } };
      buf = buf.slice(nl + 1);
      if (line.type === 'progress') onProgress({ stage: line.stage!, done: line.done!, total: line.total! });
      if (line.type === 'result') return line.result!;
      if (line.type === 'error') throw new ApiError(line.status ?? 422, line.error!.code, line.error!.message, line.error!.details);
    }
    if (done) throw new ApiError(500, 'INCOMPLETE', 'The import ended without a result');
  }
}
