/** Roles, weakest first. */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  role: Role;
  /** Province the user works for; an editor without one may edit nothing. */
  provinceCode: string | null;
  /** When non-empty, an editor may only edit records in these communes. */
  communeCodes: readonly string[];
  /** When non-empty, an editor may only edit these clusters. */
  clusterIds: readonly number[];
}

/** What a write touches: the province, the communes and the cluster of the record. */
export interface WriteTarget {
  provinceCode: string | null;
  communeCodes?: readonly string[];
  clusterId?: number | null;
}

export const roleAtLeast = (role: Role, min: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(min);

/**
 * Whether a user may write a record. Admins may write anything; viewers nothing;
 * an editor only within their province and, when scoped, within their communes
 * (the record must lie wholly inside them) or clusters.
 * @example canWrite({ role: 'editor', provinceCode: '20', communeCodes: [], clusterIds: [] }, { provinceCode: '20' }) // true
 */
export function canWrite(p: Principal, t: WriteTarget): boolean {
  if (p.role === 'admin') return true;
  if (p.role !== 'editor') return false;
  if (!p.provinceCode || p.provinceCode !== t.provinceCode) return false;
  if (p.clusterIds.length > 0) {
    if (t.clusterId === undefined || t.clusterId === null || !p.clusterIds.includes(t.clusterId)) {
      // A cluster-scoped editor may still write where the commune scope allows it.
      if (p.communeCodes.length === 0) return false;
    } else return true;
  }
  if (p.communeCodes.length > 0) {
    const communes = t.communeCodes ?? [];
    return communes.length > 0 && communes.every((c) => p.communeCodes.includes(c));
  }
  return true;
}
