/**
 * Land clearance (GPMB) of one parcel under the Land Law 2024 (DOMAIN.md §4):
 * the statuses a parcel passes through, the actions that move it, and its
 * blocking flags. Pure data, shared by the browser and the server.
 */
import { landCode } from '../land/codes';

/**
 * Status of a parcel = the last step completed. The 12 steps of §4 plus the
 * compulsory-inventory (step 4) and compulsory-recovery (step 11) branches.
 */
export const PARCEL_STATUSES = [
  'plan', // 1 recovery and inventory plan, cadastral extract, record of current state
  'meeting', // 2 meeting with affected land users held
  'notified', // 3 notice of land recovery issued
  'inventory_refused', // 4 branch: the user does not cooperate with the inventory
  'inventory_persuasion', // 4 branch: persuasion
  'compulsory_inventory_decided', // 4 branch: compulsory inventory decision
  'inventoried', // 4 survey, measurement, inventory done
  'draft_plan', // 5 draft compensation, support and resettlement plan
  'posted', // 6 public posting (10 days) and consultation
  'approved', // 7 plan appraised and approved
  'published', // 8 plan published and delivered to the owner
  'paid', // 9 compensation paid (or deposited when refused)
  'recovery_decided', // 10 land recovery decision
  'handover_refused', // 11 branch: the user refuses to hand over
  'handover_persuasion', // 11 branch: persuasion
  'compulsory_recovery_decided', // 11 branch: compulsory recovery decision
  'handed_over', // 11 site handed over
  'cadastre_updated', // 12 recovered land managed, cadastre updated
] as const;

export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

/** The step of §4 (1–12) each status belongs to. */
export const STATUS_STEP: Readonly<Record<ParcelStatus, number>> = {
  plan: 1,
  meeting: 2,
  notified: 3,
  inventory_refused: 4,
  inventory_persuasion: 4,
  compulsory_inventory_decided: 4,
  inventoried: 4,
  draft_plan: 5,
  posted: 6,
  approved: 7,
  published: 8,
  paid: 9,
  recovery_decided: 10,
  handover_refused: 11,
  handover_persuasion: 11,
  compulsory_recovery_decided: 11,
  handed_over: 11,
  cadastre_updated: 12,
};

/** Position in PARCEL_STATUSES: a later status is further along. */
export const statusRank = (s: ParcelStatus): number => PARCEL_STATUSES.indexOf(s);

export function isParcelStatus(s: unknown): s is ParcelStatus {
  return typeof s === 'string' && (PARCEL_STATUSES as readonly string[]).includes(s);
}

/** Statuses that count as "site handed over" in progress figures. */
export const HANDED_OVER_STATUSES: readonly ParcelStatus[] = ['handed_over', 'cadastre_updated'];

/** Statuses where the compulsory branches are under way (shown as obstacles). */
export const BRANCH_STATUSES: readonly ParcelStatus[] = [
  'inventory_refused',
  'inventory_persuasion',
  'compulsory_inventory_decided',
  'handover_refused',
  'handover_persuasion',
  'compulsory_recovery_decided',
];

export const PARCEL_ACTIONS = [
  'hold_meeting',
  'issue_notice',
  'reissue_notice',
  'refuse_inventory',
  'persuade_inventory',
  'decide_compulsory_inventory',
  'enforce_compulsory_inventory',
  'complete_inventory',
  'draft_plan',
  'post_plan',
  'approve_plan',
  'publish_plan',
  'pay',
  'decide_recovery',
  'refuse_handover',
  'persuade_handover',
  'decide_compulsory_recovery',
  'enforce_compulsory_recovery',
  'hand_over',
  'update_cadastre',
] as const;

export type ParcelAction = (typeof PARCEL_ACTIONS)[number];

export function isParcelAction(s: unknown): s is ParcelAction {
  return typeof s === 'string' && (PARCEL_ACTIONS as readonly string[]).includes(s);
}

/** Blocking flags of a parcel (DOMAIN.md §4). */
export const BLOCKING_FLAGS = [
  'dispute',
  'absent_owner',
  'undivided_inheritance',
  'mortgage',
  'price_disagreement',
  'needs_resettlement',
  'graves_pending',
  'public_land',
  'complaint',
] as const;

export type BlockingFlag = (typeof BLOCKING_FLAGS)[number];

/** The notice period of §4 step 3 depends on whether the land is agricultural. */
export type LandGroup = 'agricultural' | 'non_agricultural';

/**
 * Land group from the LEGAL land code (the certificate's type, which compensation
 * follows): agricultural and forest land → agricultural; everything else,
 * including an unknown code, → non-agricultural (the longer, safer notice).
 */
export function landGroupOf(legalCode: string | null | undefined): LandGroup {
  const c = legalCode ? landCode(legalCode) : undefined;
  return c && (c.group === 'agricultural' || c.group === 'forest') ? 'agricultural' : 'non_agricultural';
}
