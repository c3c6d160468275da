import { LAND_CODES, landCode, LEGACY_LAND_CODES, type LandSeverity } from '../land/codes';

/** Layer id under which other clusters' current boundaries are analysed. */
export const CLUSTERS_LAYER = 'clusters';

/** Most severe first: the order of tables and of the map's highlight. */
export const SEVERITY_ORDER: readonly LandSeverity[] = [
  'blocking',
  'conflict',
  'resettlement',
  'needs_approval',
  'sensitive',
  'corridor',
  'compensation',
  'target',
  'none',
];

/** Highlight colour of an overlap on the map and in the report, by severity. */
export const SEVERITY_COLORS: Record<LandSeverity, string> = {
  blocking: '#d7191c',
  conflict: '#7b3294',
  resettlement: '#f46d43',
  needs_approval: '#fdd835',
  sensitive: '#2c7bb6',
  corridor: '#8c8c8c',
  compensation: '#a6d96a',
  target: '#1a9641',
  none: '#d9d9d9',
};

export const SEVERITY_LABELS: Record<LandSeverity, { vi: string; en: string }> = {
  blocking: { vi: 'Cấm / chặn', en: 'Blocking' },
  conflict: { vi: 'Chồng lấn khu, cụm khác', en: 'Conflict with another zone' },
  resettlement: { vi: 'Phải tái định cư', en: 'Resettlement' },
  needs_approval: { vi: 'Cần phê duyệt chuyển mục đích', en: 'Needs conversion approval' },
  sensitive: { vi: 'Nhạy cảm (khoảng cách an toàn)', en: 'Sensitive (safety distance)' },
  corridor: { vi: 'Hành lang hạ tầng', en: 'Infrastructure corridor' },
  compensation: { vi: 'Bồi thường, hỗ trợ', en: 'Compensation' },
  target: { vi: 'Đất cụm công nghiệp', en: 'Industrial cluster land' },
  none: { vi: 'Không hạn chế', en: 'No restriction' },
};

export const severityRank = (s: LandSeverity): number => SEVERITY_ORDER.indexOf(s);

/**
 * Severity of overlapping a feature (DOMAIN.md §5). Another cluster — its boundary, or its
 * planned site (SKN) on the industrial layer — is a conflict; the subject's own planned
 * site (`own`) is its target. Unknown codes are 'none'.
 * @example severityOf('forest', 'RPH') // → 'blocking'
 */
export function severityOf(layerId: string, code: string, own = false): LandSeverity {
  if (layerId === CLUSTERS_LAYER) return own ? 'target' : 'conflict';
  const c = landCode(code);
  if (!c) return 'none';
  if (c.code === 'SKN' && layerId === 'industrial' && !own) return 'conflict';
  return c.severity;
}

/** Severities a trimmed boundary leaves out: blocking, and optionally land needing approval. */
export function trimSeverities(includeNeedsApproval: boolean): LandSeverity[] {
  return includeNeedsApproval ? ['blocking', 'needs_approval'] : ['blocking'];
}

/**
 * The severity of every "layer|code|own" combination of these layers (current and legacy
 * codes), so that SQL can group overlaps by severity exactly as severityOf does.
 */
export function severityTable(layerIds: readonly string[]): { keys: string[]; severities: LandSeverity[] } {
  const codes = [...LAND_CODES.map((c) => c.code), ...Object.keys(LEGACY_LAND_CODES)];
  const keys: string[] = [];
  const severities: LandSeverity[] = [];
  for (const layer of new Set([...layerIds, CLUSTERS_LAYER]))
    for (const code of codes)
      for (const own of [false, true]) {
        keys.push(`${layer}|${code}|${own}`);
        severities.push(severityOf(layer, code, own));
      }
  return { keys, severities };
}
