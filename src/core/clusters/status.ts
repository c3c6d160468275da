/** Lifecycle of an industrial cluster (Decree 32/2024/NĐ-CP), in order. */
export const CLUSTER_STATUSES = [
  'proposed',
  'in_plan',
  'investor_selection',
  'established',
  'detailed_plan_approved',
  'infrastructure_construction',
  'operating',
  'expanded',
  'adjusted',
  'removed_from_plan',
] as const;

export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export function isClusterStatus(s: string): s is ClusterStatus {
  return (CLUSTER_STATUSES as readonly string[]).includes(s);
}
