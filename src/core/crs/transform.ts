import proj4 from 'proj4';
import { crsByEpsg } from './vn2000';

export type Position = [number, number];

const converters = new Map<number, proj4.Converter>();

/** A cached proj4 converter between WGS 84 (EPSG:4326) and a VN-2000 CRS. */
export function vn2000Converter(epsg: number): proj4.Converter {
  let c = converters.get(epsg);
  if (!c) {
    const def = crsByEpsg(epsg);
    if (!def) throw new Error(`Unknown VN-2000 CRS EPSG:${epsg}`);
    c = proj4('EPSG:4326', def.proj4);
    converters.set(epsg, c);
  }
  return c;
}

/** WGS 84 lon/lat → VN-2000 projected (easting, northing) in metres. */
export function toVn2000(epsg: number, lonLat: Position): Position {
  const [x, y] = vn2000Converter(epsg).forward(lonLat);
  return [x, y] as Position;
}

/** VN-2000 projected (easting, northing) → WGS 84 lon/lat. */
export function fromVn2000(epsg: number, en: Position): Position {
  const [x, y] = vn2000Converter(epsg).inverse(en);
  return [x, y] as Position;
}
