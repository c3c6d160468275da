import type { MultiPolygon, Polygon, Position } from 'geojson';
import { fromVn2000, toVn2000 } from '../../src/core/crs/transform';
import { planeAreaHa } from '../../src/core/geometry/area';

/** Test helper: scales a boundary about its vertex centroid in the TM-3 plane to a target area (ha). */
export function scaleToArea(g: Polygon | MultiPolygon, targetHa: number, epsg = 9215): Polygon | MultiPolygon {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const pts = polys.flatMap((p) => p[0]!.slice(0, -1)).map((p) => toVn2000(epsg, [p[0]!, p[1]!]));
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const k = Math.sqrt(targetHa / planeAreaHa(g, epsg));
  const scaled = polys.map((rings) =>
    rings.map((ring) =>
      ring.map((p): Position => {
        const [x, y] = toVn2000(epsg, [p[0]!, p[1]!]);
        return fromVn2000(epsg, [cx + (x - cx) * k, cy + (y - cy) * k]);
      }),
    ),
  );
  // Keep rings closed exactly.
  for (const rings of scaled) for (const ring of rings) ring[ring.length - 1] = [...ring[0]!];
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: scaled[0]! } : { type: 'MultiPolygon', coordinates: scaled };
}
