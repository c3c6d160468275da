/**
 * A tenant project's state at the end of a past day, from the project's own dates
 * (projects and project_plots carry dates; their status changes are not versioned).
 */
import type { ProjectStatus } from '../occupancy/land-use';

export interface DatedProject {
  status: ProjectStatus;
  /** Investment approval / registration certificate date. */
  investment_cert_date: string | null;
  lease_contract_date: string | null;
  construction_start: string | null;
  operation_start: string | null;
  /** When the row was entered (ISO date), used when no other date is known. */
  created_on: string;
  /** Latest released_on of the project's plot holdings, if any. */
  last_released_on: string | null;
}

/**
 * The status the project had at the end of `asOf` (ISO), or null if it did not exist yet.
 * Rules, because only dates are versioned:
 * - it exists from its investment approval (else lease contract, else the day it was entered);
 * - `terminated` applies from its last plot release (a terminated project that held plots
 *   held them until then); without a release date it applies throughout;
 * - for a day before `today`, `operating` from operation_start, `under_construction` from
 *   construction_start, else `approved` — a `suspended` status has no date and is ignored for
 *   past days (so re-generating a past report does not change when a project is suspended);
 * - for `today` or later, the current status.
 * @example projectStatusAsOf({ status: 'operating', operation_start: '2025-03-01', construction_start: '2024-03-18',
 *   investment_cert_date: '2023-10-05', … }, '2024-12-14', '2026-11-21') // → 'under_construction'
 */
export function projectStatusAsOf(p: DatedProject, asOf: string, today: string): ProjectStatus | null {
  const since = p.investment_cert_date ?? p.lease_contract_date ?? p.created_on;
  if (since > asOf) return null;
  if (p.status === 'terminated') {
    if (p.last_released_on === null || p.last_released_on <= asOf) return 'terminated';
  } else if (asOf >= today) {
    return p.status;
  }
  if (p.operation_start !== null && p.operation_start <= asOf) return 'operating';
  if (p.construction_start !== null && p.construction_start <= asOf) return 'under_construction';
  return 'approved';
}

/** Whether a plot holding [leased_on, released_on) is active at the end of `asOf`. */
export const holdingActive = (h: { leased_on: string; released_on: string | null }, asOf: string): boolean =>
  h.leased_on <= asOf && (h.released_on === null || h.released_on > asOf);
