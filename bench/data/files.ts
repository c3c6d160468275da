/**
 * Writes the synthetic province as GeoJSON text sequences (one feature per line) under
 * `.data/bench/<size>/` (gitignored): `plan_zones.geojsonl` and `parcels.geojsonl`.
 * Existing files of the same size, seed and parcel count are reused.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import type { Polygon } from 'geojson';
import { Frame, Mask, forestZones, landUseZones, parcels } from './province';

export const BENCH_DIR = resolve(process.env.BENCH_DIR ?? '.data/bench');

export interface DataSpec {
  size: number;
  parcels: number;
  seed: number;
}

export interface DataFiles {
  dir: string;
  planZones: string;
  parcels: string;
  counts: { planZones: number; landUse: number; forest: number; parcels: number };
}

/** `1e5` → "1e5"; other sizes as plain numbers. */
export const sizeLabel = (n: number) => {
  const e = Math.log10(n);
  return Number.isInteger(e) ? `1e${e}` : String(n);
};

export function provinceMask(): Mask {
  const fc = JSON.parse(readFileSync(new URL('../../data/boundaries/province_langson_2009.geojson', import.meta.url), 'utf8')) as {
    features: { geometry: Polygon }[];
  };
  const ring = fc.features[0]!.geometry.coordinates[0]!;
  return new Mask({ ring }, new Frame(106.73, 21.89));
}

async function writeLines(path: string, items: Iterable<unknown>): Promise<number> {
  const out = createWriteStream(path);
  let n = 0;
  let buf = '';
  for (const f of items) {
    buf += `${JSON.stringify(f)}\n`;
    n++;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  return n;
}

/** Generates (or reuses) the files of a synthetic province. */
export async function ensureFiles(spec: DataSpec, log: (m: string) => void = () => undefined): Promise<DataFiles> {
  const dir = join(BENCH_DIR, sizeLabel(spec.size));
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, 'manifest.json');
  const files = { dir, planZones: join(dir, 'plan_zones.geojsonl'), parcels: join(dir, 'parcels.geojsonl') };
  if (existsSync(manifest) && existsSync(files.planZones) && existsSync(files.parcels)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as DataSpec & { counts: DataFiles['counts'] };
    if (m.size === spec.size && m.seed === spec.seed && m.parcels === spec.parcels) return { ...files, counts: m.counts };
  }
  const t0 = Date.now();
  const mask = provinceMask();
  const opts = { size: spec.size, seed: spec.seed };
  function* zones() {
    yield* landUseZones(mask, opts);
    yield* forestZones(mask, opts);
  }
  let landUse = 0;
  let forest = 0;
  const counted = (function* () {
    for (const f of zones()) {
      if (f.properties.layer_id === 'forest') forest++;
      else landUse++;
      yield f;
    }
  })();
  const planZones = await writeLines(files.planZones, counted);
  const nParcels = await writeLines(files.parcels, parcels(mask, spec.parcels, spec.seed));
  const counts = { planZones, landUse, forest, parcels: nParcels };
  writeFileSync(manifest, JSON.stringify({ ...spec, counts, generatedAt: new Date().toISOString() }, null, 2));
  log(`generated ${planZones} plan zones (${landUse} land use, ${forest} forest) and ${nParcels} parcels in ${Date.now() - t0} ms → ${dir}`);
  return { ...files, counts };
}
