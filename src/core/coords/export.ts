import type { MultiPolygon, Polygon } from 'geojson';
import { toVn2000 } from '../crs/transform';
import { formatMetres } from './numbers';

/** One row of a marker table as decisions print it. */
export interface MarkerRow {
  /** Part (1-based) and ring (0 = outer, then holes) when the boundary has several rings. */
  part: number;
  ring: number;
  marker: string;
  /** Northing (m). */
  x: number;
  /** Easting (m). */
  y: number;
  /** Plane distance to the next marker of the same ring (m). */
  edge: number;
}

/**
 * A boundary as a marker table in a VN-2000 plane: M1…Mn per ring (closing
 * vertex not repeated), X = northing, Y = easting, edge length to the next marker.
 */
export function markerRows(g: Polygon | MultiPolygon, epsg: number): MarkerRow[] {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const rows: MarkerRow[] = [];
  let n = 0;
  parts.forEach((rings, pi) =>
    rings.forEach((ring, ri) => {
      const pts = ring.slice(0, -1).map((p) => toVn2000(epsg, [p[0]!, p[1]!]));
      pts.forEach(([e, nn], i) => {
        const [e2, n2] = pts[(i + 1) % pts.length]!;
        rows.push({ part: pi + 1, ring: ri, marker: `M${++n}`, x: nn, y: e, edge: Math.hypot(e2 - e, n2 - nn) });
      });
    }),
  );
  return rows;
}

export const MARKER_HEADERS = {
  vi: ['Tên mốc', 'X (m)', 'Y (m)', 'Khoảng cách (m)', 'Phần', 'Vòng'],
  en: ['Marker', 'X (m)', 'Y (m)', 'Edge length (m)', 'Part', 'Ring'],
} as const;

/** CSV of a marker table: semicolons and decimal commas (vi, opens in Excel vi-VN), or commas and points (en). */
export function markerCsv(rows: readonly MarkerRow[], locale: 'vi' | 'en' = 'vi'): string {
  const sep = locale === 'vi' ? ';' : ',';
  const multi = rows.some((r) => r.part > 1 || r.ring > 0);
  const head = MARKER_HEADERS[locale].slice(0, multi ? 6 : 4);
  const lines = rows.map((r) =>
    [r.marker, formatMetres(r.x, locale), formatMetres(r.y, locale), formatMetres(r.edge, locale), ...(multi ? [r.part, r.ring] : [])].join(sep),
  );
  return `${[head.join(sep), ...lines].join('\r\n')}\r\n`;
}
