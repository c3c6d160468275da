import proj4 from 'proj4';
import { vn2000Converter } from '../../src/core/crs/transform';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { ImportError, type RawFeature } from './types';

const converters = new Map<string, { forward: (p: number[]) => number[] }>();

/**
 * A converter from a source CRS to WGS 84 lon/lat: an EPSG code of the VN-2000 table
 * (through src/core, the same transform as the browser's) or a proj4/WKT string.
 */
export function toWgs84Converter(src: number | string): { forward: (p: number[]) => number[] } | undefined {
  if (src === 4326) return undefined;
  const key = String(src);
  let c = converters.get(key);
  if (!c) {
    if (typeof src === 'number') {
      if (!crsByEpsg(src)) throw new ImportError(400, 'UNKNOWN_CRS', `Unknown coordinate system EPSG:${src}`, `Không biết hệ tọa độ EPSG:${src}`);
      const v = vn2000Converter(src);
      c = { forward: (p) => v.inverse(p) };
    } else {
      let conv: proj4.Converter;
      try {
        conv = proj4(src, 'EPSG:4326');
      } catch {
        throw new ImportError(422, 'UNKNOWN_CRS', 'The .prj describes a coordinate system that cannot be read', 'Tệp .prj mô tả hệ tọa độ không đọc được');
      }
      c = { forward: (p) => conv.forward(p) };
    }
    converters.set(key, c);
  }
  return c;
}

function mapCoords(c: unknown, f: (p: number[]) => number[]): unknown {
  if (!Array.isArray(c)) return c;
  if (typeof c[0] === 'number' || c[0] === null || c.length === 0) return f(c as number[]);
  return c.map((x) => mapCoords(x, f));
}

/** Reprojects every geometry (positions keep any Z; bad numbers are left for validation). */
export function reprojectFeatures(features: RawFeature[], src: number | string): RawFeature[] {
  const conv = toWgs84Converter(src);
  if (!conv) return features;
  const f = (p: number[]) => {
    if (typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return p;
    const [x, y] = conv.forward([p[0], p[1]]);
    return [x!, y!, ...p.slice(2)];
  };
  const geom = (g: unknown): unknown => {
    const o = g as { type?: string; coordinates?: unknown; geometries?: unknown[] } | null;
    if (!o || typeof o !== 'object') return g;
    if (o.type === 'GeometryCollection') return { ...o, geometries: (o.geometries ?? []).map(geom) };
    return { ...o, coordinates: mapCoords(o.coordinates, f) };
  };
  return features.map((x) => ({ ...x, geometry: geom(x.geometry) }));
}

/** Whether the first coordinates of a set of geometries look like metres rather than degrees. */
export function looksProjected(features: RawFeature[]): boolean {
  for (const ft of features.slice(0, 50)) {
    let c: unknown = (ft.geometry as { coordinates?: unknown } | null)?.coordinates;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') return Math.abs(c[0]) > 1000 && Math.abs(c[1]) > 1000;
  }
  return false;
}
