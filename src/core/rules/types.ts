/**
 * Legal rules for a cluster site (Decree 32/2024/NĐ-CP and what follows it):
 * the shapes shared by rule sets, their inputs and their results.
 */

export type RuleStatus = 'pass' | 'warn' | 'fail' | 'not_applicable';

export type RuleId =
  | 'area_band'
  | 'area_change'
  | 'no_residents'
  | 'occupancy_new'
  | 'expansion'
  | 'safety_residential'
  | 'safety_relics'
  | 'safety_water';

export interface Bilingual {
  vi: string;
  en: string;
}

/** Where a rule comes from: `article` is the short id ("Art. 2.1"), vi/en the full citation. */
export interface Citation extends Bilingual {
  article: string;
}

/** The regime a result was evaluated under. */
export interface RegimeRef {
  id: string;
  name: string;
  effectiveFrom: string;
  verified: boolean;
}

export type RuleNumbers = Record<string, number | string | boolean | null>;

export interface RuleResult {
  ruleId: RuleId;
  title: Bilingual;
  article: Citation;
  status: RuleStatus;
  /** Every figure the verdict used (hectares, percentages, thresholds, flags). */
  numbers: RuleNumbers;
  message: Bilingual;
  /** Caveats: excluded clusters, values to verify, missing data. */
  notes: Bilingual[];
  regime: RegimeRef;
}

/** Which clusters the occupancy test of a new cluster compares with. */
export type OccupancyScope = 'district' | 'former_district' | 'commune' | 'province';

export type SafetyCategory = 'residential' | 'relics' | 'water';

export interface SafetyDistanceConfig {
  /** Default distance in metres (configurable per request). */
  defaultM: number;
  /** Land codes that make up the category. */
  landCodes: readonly string[];
  /** Overlap with land of this category fails the rule (relics) or only warns. */
  overlapFails: boolean;
  note: Bilingual;
}

/**
 * A versioned set of thresholds, in force from `effectiveFrom`. Values marked
 * `verified: false` (or carrying a note) come from secondary sources: keep them
 * as configuration and confirm them before relying on the verdict.
 */
export interface RuleSet {
  id: string;
  name: Bilingual;
  /** The legal text the articles refer to. */
  decree: string;
  effectiveFrom: string;
  verified: boolean;
  note?: Bilingual;
  area: { minHa: number; minHaMountainousOrCraft: number; maxHa: number; article: Citation };
  areaChange: { maxIncreaseHa: number; article: Citation };
  residents: { article: Citation; slivers: { belowHa: number } };
  occupancyNew: {
    minAveragePct: number;
    maxUnleasedHa: number;
    scope: OccupancyScope;
    scopeNote?: Bilingual;
    article: Citation;
  };
  expansion: { minOccupancyPct: number; maxTotalHa: number; article: Citation };
  safety: { article: Citation } & Record<SafetyCategory, SafetyDistanceConfig>;
}

/** Figures of a cluster the occupancy tests use (legal definition, DOMAIN.md §2). */
export interface OccupancyFigures {
  clusterId: number;
  name: string;
  /** Industrial land of the approved detailed plan, ha (null: no detailed plan). */
  industrialLandHa: number | null;
  /** Industrial land leased or covered by an investment approval, ha. */
  occupiedHa: number | null;
  hasDetailedPlan: boolean;
  source: 'registry' | 'plots';
}

export interface SafetyMeasure {
  /** Distance from the boundary to the nearest land of the category, m (0 if overlapping; null: none found). */
  nearestM: number | null;
  overlapHa: number;
  /** Name of the nearest feature, if any. */
  nearestName?: string | null;
  /** The radius searched, m: "none found" means none within it. */
  searchedM: number;
}

/** Everything the rules read, gathered by the caller (server or browser). */
export interface RuleInput {
  /** ISO date the regime is chosen for. */
  date: string;
  kind: 'new' | 'expansion';
  /** VN-2000 plane area of the boundary analysed, ha. */
  areaHa: number;
  mountainous: boolean;
  craftVillage: boolean;
  /** Area of the cluster in the development plan, ha (for the +5 ha rule). */
  plannedAreaHa?: number | null;
  residentialOverlapHa: number;
  residentialFeatures?: string[];
  /** Peer clusters for the new-cluster occupancy test, and the scope's name. */
  occupancy?: { scopeLabel: Bilingual; peers: OccupancyFigures[] };
  /** The cluster being expanded (for kind = 'expansion'). */
  expansion?: {
    currentAreaHa: number | null;
    occupancy: OccupancyFigures | null;
    infrastructure: { roads: boolean | null; waterSupply: boolean | null; wastewater: boolean | null };
  };
  safety?: Partial<Record<SafetyCategory, SafetyMeasure>>;
  /** Distances chosen for this check, m (default: the rule set's). */
  safetyDistancesM?: Partial<Record<SafetyCategory, number>>;
}
