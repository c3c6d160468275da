import { HttpError } from '../errors';

export type Bbox = [number, number, number, number];

/**
 * Parses a `bbox` query value `minLon,minLat,maxLon,maxLat` (EPSG:4326 degrees);
 * undefined when absent, a 400 naming the parameter when malformed.
 * @example parseBbox('106.1,21.3,107.4,22.5') // → [106.1, 21.3, 107.4, 22.5]
 */
export function parseBbox(raw: string | undefined): Bbox | undefined {
  if (raw === undefined || raw === '') return undefined;
  const parts = raw.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s.trim())));
  const [a, b, c, d] = parts as Bbox;
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || a > c || b > d || a < -180 || c > 180 || b < -90 || d > 90) {
    throw new HttpError(400, 'VALIDATION', 'bbox must be minLon,minLat,maxLon,maxLat in EPSG:4326 degrees (min ≤ max)', {
      field: 'bbox',
      value: raw,
    });
  }
  return [a, b, c, d];
}
