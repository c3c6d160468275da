import { CLUSTERS_LAYER, SEVERITY_LABELS } from '../../src/core/analysis/severity';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { formatDate, formatNumber } from '../../src/core/format/number';
import { landCode, type LandSeverity } from '../../src/core/land/codes';
import type { RuleStatus } from '../../src/core/rules/types';
import type { ConflictResult } from '../analysis/conflicts';

/** Vietnamese wording shared by the PDF and the XLSX report. */

export const STATUS_VI: Record<RuleStatus, string> = {
  pass: 'Đạt',
  warn: 'Cần lưu ý',
  fail: 'Không đạt',
  not_applicable: 'Không áp dụng',
};

export const SUBJECT_KIND_VI: Record<ConflictResult['subject']['kind'], string> = {
  geometry: 'Ranh giới đề xuất (vẽ hoặc nhập)',
  cluster: 'Cụm công nghiệp đã lưu',
  proposal: 'Phương án đề xuất',
};

export const haText = (v: number) => formatNumber(v, 2, 'vi');
export const pctText = (v: number) => formatNumber(v, 1, 'vi');

export function layerNameVi(r: ConflictResult, layerId: string): string {
  if (layerId === CLUSTERS_LAYER) return 'Cụm công nghiệp khác (ranh giới hiện hành)';
  return r.layers.find((l) => l.id === layerId)?.name_vi ?? layerId;
}

export const codeNameVi = (code: string) => landCode(code)?.vi ?? code;
export const severityVi = (s: LandSeverity | string) => SEVERITY_LABELS[s as LandSeverity]?.vi ?? s;

export function subjectTitle(r: ConflictResult): string {
  return r.subject.name ?? SUBJECT_KIND_VI[r.subject.kind];
}

export function crsText(srid: number): string {
  return `${crsByEpsg(srid)?.name ?? 'VN-2000'} (EPSG:${srid})`;
}

/** Date and time of computation in Vietnam (UTC+7), dd/mm/yyyy hh:mm. */
export function computedAtVi(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString();
  return `${formatDate(d.slice(0, 10))} ${d.slice(11, 16)}`;
}

/** One line per plan layer: its source and version, and the registry's. */
export function dataVersionLines(r: ConflictResult): string[] {
  const lines = r.layers.map(
    (l) =>
      `${l.name_vi}: ${l.zones} vùng${l.updated_at ? `, cập nhật ${formatDate(l.updated_at.slice(0, 10))}` : ''}${l.is_synthetic ? ' — dữ liệu minh họa, không phải quy hoạch chính thức' : ''}`,
  );
  lines.push(
    `Cơ sở dữ liệu cụm công nghiệp: ${r.dataVersions.clusters} cụm${r.dataVersions.clustersUpdatedAt ? `, cập nhật ${formatDate(r.dataVersions.clustersUpdatedAt.slice(0, 10))}` : ''}; lược đồ ${r.dataVersions.schema ?? '—'}`,
  );
  return lines;
}
