/**
 * Generates the illustrative demo boundaries of the seeded clusters
 * (data/seed/cluster-boundaries.geojson) from data/seed/clusters.json:
 * an irregular polygon placed inside its commune(s), scaled so that its
 * VN-2000 TM-3 107°15′ plane area equals the declared area.
 * Deterministic: run `npx tsx data/seed/generate-cluster-boundaries.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { booleanWithin, featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { LANG_SON_TM3 } from '../../src/core/crs/vn2000';
import { fromVn2000, toVn2000 } from '../../src/core/crs/transform';
import { planeAreaHa, ringPlaneArea } from '../../src/core/geometry/area';

interface SeedCluster {
  key: string;
  name: string;
  declared_area_ha: number | null;
  sketch_area_ha?: number;
  communes: string[];
  placement: 'centre' | 'southeast' | 'border';
}

const here = new URL('.', import.meta.url);
const seed = JSON.parse(readFileSync(new URL('clusters.json', here), 'utf8')) as { clusters: SeedCluster[] };
const communes = JSON.parse(
  readFileSync(new URL('../boundaries/communes_langson_2009.geojson', here), 'utf8'),
) as FeatureCollection<Polygon | MultiPolygon, { gso_code_2025: string | null; name: string }>;

/** Small deterministic PRNG (mulberry32) seeded from a string. */
function prng(key: string): () => number {
  let h = 1779033703;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 3432918353);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function outerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Minimum distance (m, TM-3 plane) from p to any edge of the rings. */
function distanceToRings(p: Position, rings: Position[][]): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!, b = ring[i + 1]!;
      const dx = b[0]! - a[0]!, dy = b[1]! - a[1]!;
      const len2 = dx * dx + dy * dy || 1;
      const t = Math.max(0, Math.min(1, ((p[0]! - a[0]!) * dx + (p[1]! - a[1]!) * dy) / len2));
      const d = Math.hypot(p[0]! - (a[0]! + t * dx), p[1]! - (a[1]! + t * dy));
      if (d < best) best = d;
    }
  }
  return best;
}

function inside(p: Position, rings: Position[][]): boolean {
  let inPoly = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!, b = ring[j]!;
      if (a[1]! > p[1]! !== b[1]! > p[1]! && p[0]! < ((b[0]! - a[0]!) * (p[1]! - a[1]!)) / (b[1]! - a[1]!) + a[0]!) inPoly = !inPoly;
    }
  }
  return inPoly;
}

function communeGeom(code: string): Feature<Polygon | MultiPolygon> {
  const f = communes.features.find((c) => c.properties.gso_code_2025 === code);
  if (!f) throw new Error(`commune ${code} not found`);
  return f;
}

function makeBoundary(c: SeedCluster): Feature<Polygon> {
  const target = c.declared_area_ha ?? c.sketch_area_ha;
  if (!target) throw new Error(`${c.key}: no area`);
  const parts = c.communes.map(communeGeom);
  const region = parts.length === 1 ? parts[0]! : union(featureCollection(parts))!;
  const planeRings = outerRings(region.geometry).map((r) => r.map((p) => toVn2000(LANG_SON_TM3, [p[0]!, p[1]!])));
  const first = outerRings(parts[0]!.geometry).map((r) => r.map((p) => toVn2000(LANG_SON_TM3, [p[0]!, p[1]!])));
  const xs = planeRings.flat().map((p) => p[0]!), ys = planeRings.flat().map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const candidates: { p: Position; score: number }[] = [];
  const radius = Math.sqrt((target * 10_000) / Math.PI);
  for (let i = 1; i < 80; i++) {
    for (let j = 1; j < 80; j++) {
      const p: Position = [minX + ((maxX - minX) * i) / 80, minY + ((maxY - minY) * j) / 80];
      if (!inside(p, planeRings)) continue;
      const d = distanceToRings(p, planeRings);
      if (d < radius * 1.6) continue;
      const score =
        c.placement === 'southeast' ? p[0]! - p[1]! :
        c.placement === 'border' ? -distanceToRings(p, first) :
        d;
      candidates.push({ p, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const rnd = prng(c.key);
  for (const { p: centre } of candidates.slice(0, 40)) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const n = 11;
      const shape: Position[] = [];
      for (let k = 0; k < n; k++) {
        const angle = (2 * Math.PI * (k + (rnd() - 0.5) * 0.5)) / n;
        const r = 1 + (rnd() - 0.5) * 0.5;
        shape.push([Math.cos(angle) * r, Math.sin(angle) * r]);
      }
      const scale = Math.sqrt((target * 10_000) / Math.abs(ringPlaneArea(shape)));
      const ring = shape.map(([x, y]) => fromVn2000(LANG_SON_TM3, [centre[0]! + x! * scale, centre[1]! + y! * scale]));
      const lonLat = ring.map(([x, y]) => [Math.round(x * 1e9) / 1e9, Math.round(y * 1e9) / 1e9] as Position);
      lonLat.push(lonLat[0]!);
      const poly: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [lonLat] } };
      if (booleanWithin(poly, region)) {
        poly.properties = {
          key: c.key,
          name: c.name,
          plane_area_ha: Number(planeAreaHa(poly.geometry, LANG_SON_TM3).toFixed(4)),
          illustrative: true,
        };
        return poly;
      }
    }
  }
  throw new Error(`${c.key}: no placement found`);
}

const out: FeatureCollection<Polygon> = {
  type: 'FeatureCollection',
  features: seed.clusters.map(makeBoundary),
};
writeFileSync(new URL('cluster-boundaries.geojson', here), JSON.stringify(out, null, 1) + '\n');
for (const f of out.features) console.log(f.properties?.key, f.properties?.plane_area_ha);
