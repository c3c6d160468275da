import { LAND_CODES, landCode, LEGACY_LAND_CODES, type LandSeverity } from '../land/codes';

/** Layer id under which other clusters' current boundaries are analysed. */
export const CLUSTERS_LAYER = 'clusters';
/** The plan layer of industrial zones and clusters' planned sites (SKN). */
export const INDUSTRIAL_LAYER = 'industrial';
/** Stands for any layer without rules of its own in severityLookup's keys. */
export const ANY_LAYER = '*';

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
  if (c.code === 'SKN' && layerId === INDUSTRIAL_LAYER && !own) return 'conflict';
  return c.severity;
}

/** Severities a trimmed boundary leaves out: blocking, and optionally land needing approval. */
export function trimSeverities(includeNeedsApproval: boolean): LandSeverity[] {
  return includeNeedsApproval ? ['blocking', 'needs_approval'] : ['blocking'];
}

/** Layers with rules of their own in severityOf; every other layer follows the land code alone. */
const LAYERS_WITH_OWN_RULES = [CLUSTERS_LAYER, INDUSTRIAL_LAYER] as const;

let lookup: string | undefined;

/**
 * The severity of every "layer|code|own" key (current and legacy codes) as one JSON object for SQL,
 * so that SQL groups overlaps by severity exactly as severityOf does: keys for the layers with rules
 * of their own, and "*|code|own" for any other layer (look up the layer's key, then the "*" one).
 */
export function severityLookup(): string {
  if (lookup) return lookup;
  const codes = [...LAND_CODES.map((c) => c.code), ...Object.keys(LEGACY_LAND_CODES)];
  const map: Record<string, LandSeverity> = {};
  for (const layer of [...LAYERS_WITH_OWN_RULES, ANY_LAYER])
    for (const code of codes) for (const own of [false, true]) map[`${layer}|${code}|${own}`] = severityOf(layer, code, own);
  return (lookup = JSON.stringify(map));
}
