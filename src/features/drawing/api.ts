import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { ApiError } from '../../api/client';
import { getCsrfToken, sendJson } from '../../api/http';

export interface Note { code: string; message: string; message_vi: string }
export interface ImportedFeature {
  index: number;
  name: string | null;
  status: 'ok' | 'repaired' | 'refused';
  geometry: Polygon | MultiPolygon | null;
  tm3_srid: number | null;
  province: string | null;
  plane_area_ha: number | null;
  ellipsoidal_area_ha: number | null;
  repairs: Note[];
  issues: Note[];
}
export interface ImportResult {
  filename: string;
  format: string;
  crs: { epsg?: number; name: string; source: string };
  warnings: string[];
  summary: { total: number; ok: number; repaired: number; refused: number };
  features: ImportedFeature[];
}
export interface ProposalProps {
  id: number;
  name: string;
  origin: string;
  version: number;
  tm3_srid: number;
  plane_area_ha: number;
  ellipsoidal_area_ha: number;
  updated_at: string;
}
export type Progress = { stage: 'upload' | 'read' | 'check'; done: number; total: number };

/**
 * Uploads a boundary file to POST /api/imports and follows its progress: upload bytes,
 * then the server's NDJSON progress lines, then the result.
 */
export function importFile(file: File, onProgress: (p: Progress) => void, crs?: number): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports${crs ? `?crs=${crs}` : ''}`);
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.withCredentials = true;
    let seen = 0;
    let result: ImportResult | undefined;
    let failure: ApiError | undefined;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        try {
          const o = JSON.parse(line);
          if (o.type === 'progress') onProgress({ stage: o.stage, done: o.done, total: o.total });
          else if (o.type === 'result') result = o.result;
          else if (o.type === 'error') failure = new ApiError(o.status, o.error.code, o.error.message, o.error.details);
        } catch {
          /* a partial line: read on the next event */
        }
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress({ stage: 'upload', done: e.loaded, total: e.total });
    xhr.onprogress = readLines;
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let body: { error?: { code: string; message: string; details?: unknown } } = {};
        try {
          body = JSON.parse(xhr.responseText);
        } catch { /* not JSON */ }
        return reject(new ApiError(xhr.status, body.error?.code ?? 'HTTP', body.error?.message ?? xhr.statusText, body.error?.details));
      }
      readLines();
      if (failure) reject(failure);
      else if (result) resolve(result);
      else reject(new ApiError(500, 'NO_RESULT', 'The server sent no result'));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export const drawingApi = {
  proposals: async () => (await fetch('/api/proposals')).json() as Promise<FeatureCollection<MultiPolygon, ProposalProps>>,
  saveProposal: (body: { name: string; origin: string; geometry: Polygon | MultiPolygon; tm3_srid: number; source_file?: string | null }) =>
    sendJson<{ id: number; properties: ProposalProps; repairs: Note[] }>('POST', '/api/proposals', body),
  deleteProposal: (id: number, version: number) => sendJson<unknown>('DELETE', `/api/proposals/${id}?version=${version}`),
  saveBoundaryVersion: (clusterId: number, body: { geometry: Polygon | MultiPolygon; decision_id: number; note?: string }) =>
    sendJson<{ id: number; plane_area_ha: number }>('POST', `/api/clusters/${clusterId}/boundaries`, body),
  clusters: async () => (await fetch('/api/clusters')).json() as Promise<FeatureCollection<MultiPolygon, { id: number; name: string }>>,
  decisions: async (clusterId: number) =>
    ((await (await fetch(`/api/clusters/${clusterId}`)).json()) as { decisions: { id: number; number: string; date: string; kind: string }[] }).decisions,
  /** Downloads a boundary as a file (nothing stored on the server). */
  exportDraft: async (geometry: Polygon | MultiPolygon, name: string, format: 'csv' | 'xlsx' | 'kml' | 'shp' | 'geojson', tm3: number) => {
    const crs = format === 'shp' ? '&crs=tm3' : '';
    const res = await fetch(`/api/exports?format=${format}&tm3=${tm3}${crs}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(getCsrfToken() ? { 'x-csrf-token': getCsrfToken()! } : {}) },
      body: JSON.stringify({ name, features: [{ geometry, properties: { name } }] }),
    });
    if (!res.ok) throw new ApiError(res.status, 'EXPORT', (await res.json().catch(() => ({}))).error?.message ?? res.statusText);
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1] ?? `ranh-gioi.${format === 'shp' ? 'zip' : format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  },
};
