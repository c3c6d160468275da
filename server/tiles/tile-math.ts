/**
 * Web-Mercator tile arithmetic, pure. A tile (z, x, y) covers a lon/lat rectangle (Mercator is
 * separable), so its envelope in EPSG:4326 is exact and the GiST index on the 4326 column is used
 * as it is: the envelope is transformed, never the column.
 */

export const EXTENT = 4096;
/** Tile buffer in tile units (each side): features are clipped this far outside the tile. */
export const BUFFER = 64;
export const MAX_ZOOM = 22;
/** From this zoom the tile-local linear lat → y mapping is used instead of ST_Transform (error ≤ ~5 units of 4096 at z8). */
export const LINEAR_FROM_ZOOM = 8;

export interface TileBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Latitude of the top edge of tile row y at zoom z. */
export function tileLat(y: number, z: number): number {
  const n = Math.PI * (1 - (2 * y) / 2 ** z);
  return (Math.atan(Math.sinh(n)) * 180) / Math.PI;
}

export const tileLon = (x: number, z: number) => (x / 2 ** z) * 360 - 180;

export function tileBounds(z: number, x: number, y: number): TileBounds {
  return { west: tileLon(x, z), east: tileLon(x + 1, z), north: tileLat(y, z), south: tileLat(y + 1, z) };
}

/** The tile envelope grown by `margin` tile units on every side (lon/lat, still exact per edge). */
export function bufferedBounds(z: number, x: number, y: number, margin = BUFFER): TileBounds {
  const f = margin / EXTENT;
  return { west: tileLon(x - f, z), east: tileLon(x + 1 + f, z), north: tileLat(y - f, z), south: tileLat(y + 1 + f, z) };
}

/** Tile column and row of a lon/lat at zoom z. */
export function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(Math.max(x, 0), n - 1), Math.min(Math.max(y, 0), n - 1)];
}

/** Ground size of one screen pixel (512-px tiles) in degrees of longitude at zoom z. */
export const pixelDegrees = (z: number) => 360 / 2 ** z / 512;

/**
 * Coefficients of the tile-local affine map lon/lat → tile units with y DOWN as in the MVT
 * (0 at the north edge, EXTENT at the south edge): x_t = (lon - west)·kx, y_t = (lat - north)·ky
 * with ky < 0. It is exact on
 * the tile edges; inside, Mercator's curvature makes it differ by ≈ EXTENT·Δφ·tanφ/8 units
 * (about 1 unit of 4096 at z10 and 22°N), far below a pixel for z ≥ LINEAR_FROM_ZOOM.
 */
export function tileAffine(z: number, x: number, y: number): { kx: number; ky: number; xoff: number; yoff: number } {
  const b = tileBounds(z, x, y);
  const kx = EXTENT / (b.east - b.west);
  const ky = -EXTENT / (b.north - b.south);
  return { kx, ky, xoff: -b.west * kx, yoff: -b.north * ky };
}

/** Web-Mercator bounds (EPSG:3857 metres) of a tile, for the exact path at low zoom. */
export function mercatorBounds(z: number, x: number, y: number): TileBounds {
  const R = 6378137;
  const size = (2 * Math.PI * R) / 2 ** z;
  const west = -Math.PI * R + x * size;
  const north = Math.PI * R - y * size;
  return { west, east: west + size, north, south: north - size };
}

/** Whether (z, x, y) names a tile; the reason when not. */
export function checkTile(z: number, x: number, y: number): string | null {
  if (!Number.isInteger(z) || z < 0 || z > MAX_ZOOM) return `zoom ${z} is outside 0–${MAX_ZOOM}`;
  const n = 2 ** z;
  if (!Number.isInteger(x) || x < 0 || x >= n) return `x ${x} is outside 0–${n - 1} at zoom ${z}`;
  if (!Number.isInteger(y) || y < 0 || y >= n) return `y ${y} is outside 0–${n - 1} at zoom ${z}`;
  return null;
}

/** The range of cells of level L (a zoom ≥ z) under tile (z, x, y), grown by one cell for the buffer. */
export function cellRange(z: number, x: number, y: number, level: number): { x0: number; x1: number; y0: number; y1: number } {
  const k = 2 ** (level - z);
  const max = 2 ** level - 1;
  return {
    x0: Math.max(0, x * k - 1),
    x1: Math.min(max, (x + 1) * k),
    y0: Math.max(0, y * k - 1),
    y1: Math.min(max, (y + 1) * k),
  };
}
