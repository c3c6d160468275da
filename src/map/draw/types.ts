import type { Position } from 'geojson';

/** A ring on the drawing board: an outer boundary (part) or a hole. */
export interface DrawnRing {
  id: string | number;
  role: 'part' | 'hole';
  ring: Position[];
}

export type RingVerdict = { valid: true } | { valid: false; point: [number, number] };

export interface DrawEngineOptions {
  /** Judges a ring at every committed change; a refused change does not happen. */
  validate: (ring: Position[], inProgress: boolean) => RingVerdict;
  onRefused: (point: [number, number]) => void;
  /** Snap target for a pointer position, within a tolerance in metres. */
  snap?: (p: Position, toleranceM: number) => Position | undefined;
  /** Called after every change with the finished rings and the ring being drawn (if any). */
  onChange: (rings: DrawnRing[], drawing: Position[] | null) => void;
}

/**
 * What feature code may ask of the drawing tool (implemented with terra-draw in
 * src/map/draw/terra.ts; feature code never imports terra-draw).
 */
export interface DrawEngine {
  draw(role: 'part' | 'hole'): void;
  edit(): void;
  idle(): void;
  undo(): void;
  redo(): void;
  setRings(rings: Omit<DrawnRing, 'id'>[]): void;
  rings(): DrawnRing[];
  clear(): void;
  destroy(): void;
}
