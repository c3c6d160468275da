import proj4 from 'proj4';
import { crsByEpsg, MEKONG_DBSCL_AREA, VN2000_TOWGS84, VN2000_TOWGS84_MEKONG } from './vn2000';

export type Position = [number, number];

/** WGS 84 lon/lat ⇄ a VN-2000 CRS. */
export interface Vn2000Converter {
  forward(lonLat: readonly number[]): Position;
  inverse(xy: readonly number[]): Position;
}

const converters = new Map<number, Vn2000Converter>();

const inMekongArea = (p: readonly number[]): boolean => {
  const [w, s, e, n] = MEKONG_DBSCL_AREA;
  return p[0]! >= w && p[0]! <= e && p[1]! >= s && p[1]! <= n;
};

/** The Mekong area's bounding box in a projected CRS: its edges densified (21 points each), projected, bounded. */
function projectedBox(conv: proj4.Converter): [number, number, number, number] {
  const [w, s, e, n] = MEKONG_DBSCL_AREA;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i <= 20; i++) {
    const t = i / 20;
    for (const p of [[w + t * (e - w), s], [w + t * (e - w), n], [w, s + t * (n - s)], [e, s + t * (n - s)]]) {
      const [x, y] = conv.forward(p);
      b[0] = Math.min(b[0], x!); b[1] = Math.min(b[1], y!); b[2] = Math.max(b[2], x!); b[3] = Math.max(b[3], y!);
    }
  }
  return b;
}

/**
 * A cached converter between WGS 84 (EPSG:4326) and a VN-2000 CRS. Like PROJ, it
 * uses the EPSG:5194 datum shift inside the Mekong delta blocks and the country-wide
 * shift everywhere else (see vn2000.ts).
 */
export function vn2000Converter(epsg: number): Vn2000Converter {
  let c = converters.get(epsg);
  if (!c) {
    const def = crsByEpsg(epsg);
    if (!def) throw new Error(`Unknown VN-2000 CRS EPSG:${epsg}`);
    const main = proj4('EPSG:4326', def.proj4);
    const mekong = proj4('EPSG:4326', def.proj4.replace(VN2000_TOWGS84, VN2000_TOWGS84_MEKONG));
    // PROJ tests a point against the area of use's bounding box transformed into the source CRS
    // (densified edges, VN-2000 lon/lat projected without datum shift): for the inverse, a box in metres.
    const box = projectedBox(proj4('+proj=longlat +ellps=WGS84 +no_defs', def.proj4.replace(/ \+towgs84=\S+/, '')));
    c = {
      forward: (p) => (inMekongArea(p) ? mekong : main).forward([p[0]!, p[1]!]) as Position,
      inverse: (xy) => {
        const inBox = def.epsg === 4756 ? inMekongArea(xy) : xy[0]! >= box[0] && xy[0]! <= box[2] && xy[1]! >= box[1] && xy[1]! <= box[3];
        return (inBox ? mekong : main).inverse([xy[0]!, xy[1]!]) as Position;
      },
    };
    converters.set(epsg, c);
  }
  return c;
}

/** WGS 84 lon/lat → VN-2000 projected (easting, northing) in metres. */
export function toVn2000(epsg: number, lonLat: readonly number[]): Position {
  const [x, y] = vn2000Converter(epsg).forward(lonLat);
  return [x, y];
}

/** VN-2000 projected (easting, northing) → WGS 84 lon/lat. */
export function fromVn2000(epsg: number, en: readonly number[]): Position {
  const [x, y] = vn2000Converter(epsg).inverse(en);
  return [x, y];
}
