/**
 * A synthetic province for benchmarks: the real outline of Lạng Sơn (~8,300 km²) filled with
 * an irregular, non-overlapping tessellation of land-use zones (a jittered grid whose shared
 * edges carry jittered midpoints, some neighbours merged), land codes in coherent zones from
 * noise fields, a forest layer of large many-vertex polygons (what ST_Subdivide is for), and
 * cadastral parcels in village patches. Pure and seeded: same (size, seed) → same features.
 */
import type { Feature, Polygon, Position } from 'geojson';
import { fbm, hash01 } from './noise';

export interface Outline {
  /** Exterior ring in lon/lat. */
  ring: Position[];
}

/** Local equirectangular frame (metres) around the province: fine for generating shapes. */
export class Frame {
  readonly kx: number;
  readonly ky = 110_574;
  constructor(
    readonly lon0: number,
    readonly lat0: number,
  ) {
    this.kx = 111_320 * Math.cos((lat0 * Math.PI) / 180);
  }
  toLonLat(x: number, y: number): Position {
    return [round7(this.lon0 + x / this.kx), round7(this.lat0 + y / this.ky)];
  }
  toXY(p: Position): [number, number] {
    return [(p[0]! - this.lon0) * this.kx, (p[1]! - this.lat0) * this.ky];
  }
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** The outline in frame metres, its area and bounds, and a scanline inside test. */
export class Mask {
  readonly xy: [number, number][];
  readonly area: number;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  private readonly rowCache = new Map<number, number[]>();

  constructor(
    outline: Outline,
    readonly frame: Frame,
  ) {
    this.xy = outline.ring.map((p) => frame.toXY(p));
    let a = 0;
    for (let i = 0, j = this.xy.length - 1; i < this.xy.length; j = i++) a += this.xy[j]![0] * this.xy[i]![1] - this.xy[i]![0] * this.xy[j]![1];
    this.area = Math.abs(a) / 2;
    const xs = this.xy.map((p) => p[0]);
    const ys = this.xy.map((p) => p[1]);
    this.minX = Math.min(...xs);
    this.maxX = Math.max(...xs);
    this.minY = Math.min(...ys);
    this.maxY = Math.max(...ys);
  }

  /** Sorted x crossings of the horizontal line at y (pairs are inside intervals). */
  crossings(y: number): number[] {
    const hit = this.rowCache.get(y);
    if (hit) return hit;
    const xs: number[] = [];
    const pts = this.xy;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i]!;
      const [xj, yj] = pts[j]!;
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) / (yj - yi)) * (xj - xi));
    }
    xs.sort((p, q) => p - q);
    if (this.rowCache.size > 4096) this.rowCache.clear();
    this.rowCache.set(y, xs);
    return xs;
  }

  inside(x: number, y: number): boolean {
    const xs = this.crossings(y);
    let n = 0;
    while (n < xs.length && xs[n]! < x) n++;
    return n % 2 === 1;
  }
}

export interface ProvinceOptions {
  /** Plan polygons in total (land use + forest). */
  size: number;
  seed: number;
}

export interface ZoneProps {
  layer_id: 'land_use' | 'forest';
  land_code: string;
  name: string | null;
}

const MERGE_RATE = 0.3;

/** Land code of a land-use cell from coherent noise fields (rivers, roads, villages, terrain). */
export function landCodeAt(seed: number, x: number, y: number, city: [number, number]): string {
  const km = 1 / 1000;
  const river = fbm(seed + 11, x * km / 9, y * km / 9);
  if (Math.abs(river - 0.5) < 0.006) return 'SON';
  const dc = Math.hypot(x - city[0], y - city[1]);
  // Two national roads through the city (QL1A north-south-ish, QL4B east-west-ish), ~40 m wide.
  const road1 = Math.abs((x - city[0]) * 0.95 + (y - city[1]) * 0.3) / Math.hypot(0.95, 0.3);
  const road2 = Math.abs((x - city[0]) * 0.2 - (y - city[1]) * 0.98) / Math.hypot(0.2, 0.98);
  if (Math.min(road1, road2) < 25 + 15 * fbm(seed + 13, x * km, y * km)) return 'DGT';
  if (dc < 4000) {
    const u = fbm(seed + 17, x * km / 0.8, y * km / 0.8);
    return u < 0.45 ? 'ODT' : u < 0.6 ? 'TMD' : u < 0.7 ? 'SKC' : u < 0.75 ? 'DGT' : 'CLN';
  }
  const village = fbm(seed + 19, x * km / 2.5, y * km / 2.5);
  if (village > 0.72) return 'ONT';
  const e = fbm(seed + 23, x * km / 18, y * km / 18);
  const sub = fbm(seed + 29, x * km / 1.5, y * km / 1.5);
  if (e < 0.38) return sub < 0.5 ? 'LUC' : sub < 0.8 ? 'LUK' : sub < 0.9 ? 'HNK' : 'NTS';
  if (e < 0.48) return sub < 0.5 ? 'HNK' : sub < 0.96 ? 'CLN' : 'NTD';
  if (e < 0.6) return sub < 0.8 ? 'RSX' : 'CLN';
  if (e < 0.7) return sub < 0.85 ? 'RPH' : 'DCS';
  return sub < 0.4 ? 'RDD' : sub < 0.8 ? 'NCS' : 'DCS';
}

/** Lạng Sơn city centre (approx.) — where the urban codes cluster. */
export const CITY: Position = [106.7615, 21.8537];

function feature<P>(props: P, ring: Position[]): Feature<Polygon, P> {
  return { type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/** Number of forest polygons for a given total size. */
export const forestCount = (size: number) => Math.max(20, Math.round(size / 5000));

/**
 * The land-use tessellation: about `size - forestCount(size)` polygons. Rings are
 * counter-clockwise (RFC 7946), 9–15 vertices, sharing edges exactly with their neighbours.
 */
export function* landUseZones(mask: Mask, opts: ProvinceOptions): Generator<Feature<Polygon, ZoneProps>> {
  const { seed } = opts;
  const target = opts.size - forestCount(opts.size);
  const cells = target / (1 - MERGE_RATE / 2);
  const s = Math.sqrt(mask.area / cells);
  const f = mask.frame;
  const city = f.toXY(CITY);
  const i0 = Math.floor(mask.minX / s) - 1;
  const j0 = Math.floor(mask.minY / s) - 1;
  const ni = Math.ceil((mask.maxX - mask.minX) / s) + 3;
  const nj = Math.ceil((mask.maxY - mask.minY) / s) + 3;
  const J = 0.2 * s;
  const M = 0.12 * s;
  const corner = (i: number, j: number): Position =>
    f.toLonLat(i * s + (hash01(seed, i, j, 1) - 0.5) * 2 * J, j * s + (hash01(seed, i, j, 2) - 0.5) * 2 * J);
  const cornerXY = (i: number, j: number): [number, number] => [i * s + (hash01(seed, i, j, 1) - 0.5) * 2 * J, j * s + (hash01(seed, i, j, 2) - 0.5) * 2 * J];
  // Midpoint of the horizontal edge (i,j)-(i+1,j), pushed up/down; of the vertical edge (i,j)-(i,j+1), left/right.
  const hMid = (i: number, j: number): Position => {
    const a = cornerXY(i, j);
    const b = cornerXY(i + 1, j);
    return f.toLonLat((a[0] + b[0]) / 2, (a[1] + b[1]) / 2 + (hash01(seed, i, j, 3) - 0.5) * 2 * M);
  };
  const vMid = (i: number, j: number): Position => {
    const a = cornerXY(i, j);
    const b = cornerXY(i, j + 1);
    return f.toLonLat((a[0] + b[0]) / 2 + (hash01(seed, i, j, 4) - 0.5) * 2 * M, (a[1] + b[1]) / 2);
  };
  const inside = (i: number, j: number) => mask.inside((i + 0.5) * s, (j + 0.5) * s);

  for (let j = j0; j < j0 + nj; j++) {
    for (let i = i0; i < i0 + ni; i++) {
      if (!inside(i, j)) continue;
      const merge = (i - i0) % 2 === 0 && hash01(seed, i, j, 5) < MERGE_RATE && inside(i + 1, j);
      const code = landCodeAt(seed, (i + 0.5) * s, (j + 0.5) * s, city);
      // Counter-clockwise: along the bottom edge(s), up the right side, back along the top, down the left.
      const ring: Position[] = [corner(i, j), hMid(i, j), corner(i + 1, j)];
      if (merge) ring.push(hMid(i + 1, j), corner(i + 2, j), vMid(i + 2, j), corner(i + 2, j + 1), hMid(i + 1, j + 1), corner(i + 1, j + 1));
      else ring.push(vMid(i + 1, j), corner(i + 1, j + 1));
      ring.push(hMid(i, j + 1), corner(i, j + 1), vMid(i, j), corner(i, j));
      yield feature({ layer_id: 'land_use', land_code: code, name: null }, ring);
      if (merge) i++;
    }
  }
}

/**
 * The forest layer: large star-shaped polygons (512–4096 vertices) on a coarse jittered grid,
 * never overlapping each other (each stays inside its own grid slot).
 */
export function* forestZones(mask: Mask, opts: ProvinceOptions): Generator<Feature<Polygon, ZoneProps>> {
  const { seed } = opts;
  const n = forestCount(opts.size);
  const S = Math.sqrt(mask.area / (n * 1.6));
  let made = 0;
  for (let j = Math.floor(mask.minY / S); j * S < mask.maxY && made < n; j++) {
    for (let i = Math.floor(mask.minX / S); i * S < mask.maxX && made < n; i++) {
      const cx = (i + 0.5 + (hash01(seed, i, j, 31) - 0.5) * 0.3) * S;
      const cy = (j + 0.5 + (hash01(seed, i, j, 32) - 0.5) * 0.3) * S;
      if (!mask.inside(cx, cy) || hash01(seed, i, j, 33) > 0.75) continue;
      const R = S * 0.3 * (0.6 + 0.4 * hash01(seed, i, j, 34));
      const verts = 512 << Math.floor(hash01(seed, i, j, 35) * 4);
      const ring: Position[] = [];
      for (let k = 0; k < verts; k++) {
        const t = (2 * Math.PI * k) / verts;
        const r = R * (0.55 + 0.45 * fbm(seed + i * 131 + j, 2 + 2.5 * Math.cos(t), 2 + 2.5 * Math.sin(t), 4));
        ring.push(mask.frame.toLonLat(cx + r * Math.cos(t), cy + r * Math.sin(t)));
      }
      ring.push(ring[0]!);
      const h = hash01(seed, i, j, 36);
      yield feature({ layer_id: 'forest', land_code: h < 0.5 ? 'RSX' : h < 0.85 ? 'RPH' : 'RDD', name: `Rừng ${i}-${j}` }, ring);
      made++;
    }
  }
}

export interface ParcelProps {
  patch: number;
  sheet: string;
  parcel_no: string;
  legal_land_code: string;
  status: string;
  cadastral_area_m2: number;
  center: Position;
}

const PARCEL_STATUSES = ['plan', 'plan', 'notified', 'inventoried', 'approved', 'paid', 'handed_over'];
export const PARCELS_PER_PATCH = 256;

/**
 * Cadastral parcels in village patches (16 × 16 jittered cells of 25–40 m), the patches on a
 * 2.5 km grid of slots inside the province taken in a seeded order, so they never overlap.
 */
export function* parcels(mask: Mask, count: number, seed: number): Generator<Feature<Polygon, ParcelProps>> {
  const SLOT = 2500;
  const slots: [number, number, number][] = [];
  for (let j = Math.floor(mask.minY / SLOT); j * SLOT < mask.maxY; j++)
    for (let i = Math.floor(mask.minX / SLOT); i * SLOT < mask.maxX; i++)
      if (mask.inside((i + 0.5) * SLOT, (j + 0.5) * SLOT)) slots.push([i, j, hash01(seed, i, j, 41)]);
  slots.sort((a, b) => a[2] - b[2]);
  const patches = Math.ceil(count / PARCELS_PER_PATCH);
  if (patches > slots.length) throw new Error(`at most ${slots.length * PARCELS_PER_PATCH} parcels fit the slots`);
  let made = 0;
  for (let p = 0; p < patches; p++) {
    const [si, sj] = slots[p]!;
    const c = 25 + 15 * hash01(seed, si, sj, 42);
    const ox = (si + 0.5) * SLOT - 8 * c;
    const oy = (sj + 0.5) * SLOT - 8 * c;
    const cxy = (i: number, j: number): [number, number] => [
      ox + i * c + (hash01(seed + p, i, j, 43) - 0.5) * 0.4 * c,
      oy + j * c + (hash01(seed + p, i, j, 44) - 0.5) * 0.4 * c,
    ];
    for (let j = 0; j < 16; j++) {
      for (let i = 0; i < 16 && made < count; i++) {
        const pts = [cxy(i, j), cxy(i + 1, j), cxy(i + 1, j + 1), cxy(i, j + 1)];
        let a = 0;
        for (let k = 0; k < 4; k++) a += pts[k]![0] * pts[(k + 1) % 4]![1] - pts[(k + 1) % 4]![0] * pts[k]![1];
        const ring = [...pts, pts[0]!].map(([x, y]) => mask.frame.toLonLat(x, y));
        const h = hash01(seed + p, i, j, 45);
        const e = fbm(seed + 23, ((si + 0.5) * SLOT) / 18000, ((sj + 0.5) * SLOT) / 18000);
        const legal = h < 0.15 ? 'ONT' : e < 0.45 ? (h < 0.7 ? 'LUC' : 'HNK') : h < 0.6 ? 'CLN' : 'RSX';
        yield feature(
          {
            patch: p,
            sheet: `B${p}`,
            parcel_no: String(j * 16 + i + 1),
            legal_land_code: legal,
            status: PARCEL_STATUSES[Math.floor(hash01(seed + p, i, j, 46) * PARCEL_STATUSES.length)]!,
            cadastral_area_m2: Math.round(Math.abs(a) / 2 * 10) / 10,
            center: mask.frame.toLonLat((si + 0.5) * SLOT, (sj + 0.5) * SLOT),
          },
          ring,
        );
        made++;
      }
    }
  }
}
