/**
 * `npm run bench:data -- --size 1e4|1e5|1e6 --target embedded|postgis [--parcels 1e5] [--seed 8]`
 *
 * Generates the synthetic province (seeded, reproducible; files under .data/bench/<size>/) and
 * loads it into a fresh benchmark database: `ccn_bench_<size>` on the local PostGIS server, or
 * the embedded data directory `.data/bench/pglite-<size>`. The demo plan zones are removed so
 * that the plan layers hold only the synthetic province; the demo clusters stay.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importPlanZones } from '../../server/bulk/plan-import';
import { readFeatureFile } from '../../server/bulk/read-features';
import { refreshOverview } from '../../server/tiles/overview';
import { checkPlanLayerOverlaps } from '../../server/analysis/layer-overlaps';
import { ensureFiles, sizeLabel } from './files';
import { loadParcels } from './load-parcels';
import { freshDatabase, type Target } from './target';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1e4' },
    target: { type: 'string', default: 'postgis' },
    parcels: { type: 'string', default: '1e5' },
    seed: { type: 'string', default: '8' },
  },
});
const size = Number(values.size);
const nParcels = Number(values.parcels);
const seed = Number(values.seed);
const targets = values.target === 'both' ? (['postgis', 'embedded'] as Target[]) : [values.target as Target];
if (!Number.isFinite(size) || size < 100 || size > 5e6) throw new Error(`--size must be 100–5e6, got ${values.size}`);
for (const t of targets) if (t !== 'embedded' && t !== 'postgis') throw new Error(`--target must be embedded, postgis or both, got ${t}`);

const log = (m: string) => console.log(`[bench:data] ${m}`);
const files = await ensureFiles({ size, parcels: nParcels, seed }, log);

for (const target of targets) {
  const t0 = Date.now();
  log(`${target}: creating a fresh database (migrations + demo data)…`);
  const db = await freshDatabase(target, size);
  try {
    log(`${target}: ready in ${Date.now() - t0} ms; removing demo plan zones`);
    await db.pool.query('DELETE FROM plan_zones');
    const progress = { bytes: 0 };
    const imp = await importPlanZones(db.pool, readFeatureFile(files.planZones, progress), {
      source: `bench:data ${sizeLabel(size)} seed ${seed}`,
      onProgress: (p) => {
        if (p.batches % 20 === 0) log(`${target}: ${p.features} zones in ${p.elapsedMs} ms`);
      },
    });
    log(`${target}: imported ${imp.features} plan zones in ${imp.ms} ms`);
    const t1 = Date.now();
    const np = await loadParcels(db.pool, files.parcels);
    log(`${target}: loaded ${np} parcels in ${Date.now() - t1} ms`);
    const t2 = Date.now();
    await db.pool.query('ANALYZE');
    const ov = await refreshOverview(db.pool);
    log(`${target}: overview of ${ov.cells} cells built in ${Date.now() - t2} ms`);
    await checkPlanLayerOverlaps(db.pool, (m) => log(`${target}: ${m}`));
    writeFileSync(
      join(files.dir, `${target}.json`),
      JSON.stringify({ size, seed, parcels: np, counts: files.counts, importMs: imp.ms, loadedAt: new Date().toISOString() }, null, 2),
    );
    log(`${target}: done in ${Math.round((Date.now() - t0) / 1000)} s`);
  } finally {
    await db.close();
  }
}
