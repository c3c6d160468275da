/** Default tolerance between the declared area and a computed one, ha (configurable in the UI). */
export const DEFAULT_AREA_TOLERANCE_HA = 0.05;

export interface AreaCheck {
  /** Computed − declared, ha (null when either is missing). */
  diffHa: number | null;
  /** |diff| > tolerance. */
  flagged: boolean;
}

export interface AreaReconciliation {
  declaredHa: number | null;
  planeHa: number | null;
  ellipsoidalHa: number | null;
  toleranceHa: number;
  plane: AreaCheck;
  ellipsoidal: AreaCheck;
  /** Ellipsoidal − plane, ha: the TM-3 projection's own scale effect. */
  planeVsEllipsoidalHa: number | null;
}

const check = (computed: number | null, declared: number | null, tol: number): AreaCheck => {
  if (computed === null || declared === null) return { diffHa: null, flagged: false };
  const diffHa = Math.round((computed - declared) * 10_000) / 10_000;
  return { diffHa, flagged: Math.abs(diffHa) > tol + 1e-9 };
};

/**
 * Declared area (the decision) vs VN-2000 TM-3 plane area vs ellipsoidal area of the boundary.
 * A computed area further than `toleranceHa` from the declared one is flagged.
 * @example reconcileAreas(71.39, 71.3904, 71.3811) // → plane diff 0.0004 ha (ok), ellipsoidal −0.0089 (ok)
 */
export function reconcileAreas(
  declaredHa: number | null,
  planeHa: number | null,
  ellipsoidalHa: number | null,
  toleranceHa: number = DEFAULT_AREA_TOLERANCE_HA,
): AreaReconciliation {
  if (!(toleranceHa >= 0) || !Number.isFinite(toleranceHa)) throw new RangeError(`tolerance must be a finite number ≥ 0, got ${toleranceHa}`);
  return {
    declaredHa,
    planeHa,
    ellipsoidalHa,
    toleranceHa,
    plane: check(planeHa, declaredHa, toleranceHa),
    ellipsoidal: check(ellipsoidalHa, declaredHa, toleranceHa),
    planeVsEllipsoidalHa: planeHa === null || ellipsoidalHa === null ? null : Math.round((ellipsoidalHa - planeHa) * 10_000) / 10_000,
  };
}
