/**
 * The JS half of the embedded backend's tiles: WKB rows in tile units (y down, already clipped
 * and snapped by SQL) → Mapbox Vector Tile bytes through @maplibre/vt-pbf. Pure.
 */
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { EXTENT } from './tile-math';

type Ring = [number, number][];

/**
 * Polygon rings of a WKB geometry (Polygon, MultiPolygon or a GeometryCollection of them;
 * other types are skipped), one array of rings per polygon.
 */
export function readWkbPolygons(buf: Uint8Array): Ring[][] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let o = 0;
  const out: Ring[][] = [];
  const readGeom = (): void => {
    const le = view.getUint8(o) === 1;
    const rawType = view.getUint32(o + 1, le);
    o += 5;
    const hasZ = (rawType & 0x80000000) !== 0 || (rawType >= 1000 && rawType < 2000) || rawType >= 3000;
    const hasM = (rawType & 0x40000000) !== 0 || rawType >= 2000;
    const type = (rawType & 0xffff) % 1000;
    const dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    if (rawType & 0x20000000) o += 4; // EWKB SRID
    const u32 = () => {
      const v = view.getUint32(o, le);
      o += 4;
      return v;
    };
    if (type === 3) {
      const rings: Ring[] = [];
      const nr = u32();
      for (let r = 0; r < nr; r++) {
        const np = u32();
        const ring: Ring = new Array(np);
        for (let i = 0; i < np; i++) {
          ring[i] = [view.getFloat64(o, le), view.getFloat64(o + 8, le)];
          o += 8 * dims;
        }
        rings.push(ring);
      }
      out.push(rings);
    } else if (type === 6 || type === 7) {
      const n = u32();
      for (let i = 0; i < n; i++) readGeom();
    } else if (type === 1) {
      o += 8 * dims;
    } else if (type === 2) {
      o += u32() * 8 * dims;
    } else if (type === 4 || type === 5) {
      const n = u32();
      for (let i = 0; i < n; i++) readGeom();
    } else {
      throw new Error(`Unsupported WKB geometry type ${rawType}`);
    }
  };
  readGeom();
  return out;
}

/** Shoelace sum (twice the signed area); positive = clockwise with y pointing down. */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return s;
}

/**
 * Rings in MVT order (tile units, y down): exterior rings clockwise on screen (positive shoelace
 * area) and holes counter-clockwise, each exterior followed by its holes; degenerate rings dropped.
 */
export function toMvtRings(polys: Ring[][]): Ring[] {
  const out: Ring[] = [];
  for (const rings of polys) {
    let keptOuter = false;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r]!.map(([x, y]) => [Math.round(x), Math.round(y)] as [number, number]);
      if (ring.length < 4) {
        if (r === 0) break;
        continue;
      }
      const a = ringArea(ring);
      if (a === 0) {
        if (r === 0) break;
        continue;
      }
      if (r === 0) keptOuter = true;
      else if (!keptOuter) break;
      if ((r === 0 && a < 0) || (r > 0 && a > 0)) ring.reverse();
      out.push(ring);
    }
  }
  return out;
}

export interface TileFeature {
  id?: number | undefined;
  properties: Record<string, string | number | boolean | null>;
  rings: Ring[];
}

/** Encodes one layer of polygon features as an MVT (version 2, extent 4096). */
export function encodeMvt(layerName: string, features: TileFeature[]): Uint8Array {
  if (!features.length) return new Uint8Array(0);
  const tags = (p: TileFeature['properties']) => {
    const t: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(p)) if (v !== null && v !== undefined) t[k] = v;
    return t;
  };
  return fromGeojsonVt(
    {
      [layerName]: {
        features: features.map((f) => ({ type: 3, id: f.id, tags: tags(f.properties), geometry: f.rings })),
      } as unknown as Parameters<typeof fromGeojsonVt>[0][string],
    },
    { version: 2, extent: EXTENT },
  );
}
