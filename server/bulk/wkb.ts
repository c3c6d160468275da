import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * GeoJSON Polygon / MultiPolygon → little-endian WKB MultiPolygon (2-D). Sending WKB to
 * PostGIS (`ST_GeomFromWKB`) instead of GeoJSON text makes a bulk insert about 5× cheaper on
 * the database side: ST_GeomFromGeoJSON spends most of an import's time parsing JSON.
 *
 * @example toWkb({ type: 'Polygon', coordinates: [[[0,0],[1,0],[1,1],[0,0]]] }).toString('hex')
 *   // '0106000000010000000103000000010000000400000000…'
 */
export function toWkb(g: Polygon | MultiPolygon): Buffer {
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let size = 9;
  for (const p of polys) {
    size += 9;
    for (const r of p) size += 4 + r.length * 16;
  }
  const buf = Buffer.allocUnsafe(size);
  let o = 0;
  const header = (type: number, n: number) => {
    buf.writeUInt8(1, o);
    buf.writeUInt32LE(type, o + 1);
    buf.writeUInt32LE(n, o + 5);
    o += 9;
  };
  header(6, polys.length);
  for (const p of polys) {
    header(3, p.length);
    for (const r of p) {
      buf.writeUInt32LE(r.length, o);
      o += 4;
      for (const pt of r) {
        buf.writeDoubleLE(pt[0]!, o);
        buf.writeDoubleLE(pt[1]!, o + 8);
        o += 16;
      }
    }
  }
  return buf;
}
