/**
 * `npm run import:plan -- <file.geojson|file.geojsonl> [--layer land_use] [--replace] [--batch 5000] [--actor name]`
 *
 * Streams a (large) GeoJSON file of plan zones into the configured database (DATABASE_URL, or
 * the embedded one in DATA_DIR) in one transaction, then brings the generalised low-zoom tiles
 * up to date. Features need a `land_code` property; `layer_id` per feature or `--layer`.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { refreshOverview } from '../tiles/overview';
import { checkPlanLayerOverlaps } from '../analysis/layer-overlaps';
import { BulkImportError, importPlanZones } from './plan-import';
import { readFeatureFile } from './read-features';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    layer: { type: 'string' },
    replace: { type: 'boolean', default: false },
    batch: { type: 'string', default: '5000' },
    actor: { type: 'string', default: 'cli' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('usage: npm run import:plan -- <file.geojson> [--layer <plan layer id>] [--replace] [--batch 5000]');
  process.exit(2);
}
const size = statSync(file).size;
const config = loadConfig();
const log = (m: string) => console.log(`[import:plan] ${m}`);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
let peakRss = process.memoryUsage().rss;
const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
try {
  const progress = { bytes: 0 };
  const r = await importPlanZones(db.pool, readFeatureFile(file, progress), {
    layerId: values.layer,
    replace: values.replace,
    batchSize: Number(values.batch),
    actor: values.actor,
    source: basename(file),
    onProgress: (p) => log(`${p.features} zones, ${Math.round((100 * progress.bytes) / size)} % of the file, ${(p.elapsedMs / 1000).toFixed(1)} s`),
  });
  log(`imported ${r.features} zones in ${(r.ms / 1000).toFixed(1)} s (${Object.entries(r.byLayer).map(([k, v]) => `${k}: ${v}`).join(', ')})${r.replaced ? `; replaced ${r.replaced}` : ''}`);
  const t0 = Date.now();
  const ov = await refreshOverview(db.pool, (level, done, total) => {
    if (done === total || done % 160 === 0) log(`generalised tiles: level ${level} ${done}/${total} cells`);
  });
  log(`generalised tiles up to date (${ov.cells} cells, ${((Date.now() - t0) / 1000).toFixed(1)} s); peak memory ${Math.round(peakRss / 2 ** 20)} MB`);
  await checkPlanLayerOverlaps(db.pool, log); // overlap-free layers: the conflict check sums instead of unioning
} catch (err) {
  if (err instanceof BulkImportError) {
    console.error(`[import:plan] refused, nothing was written: ${err.message}`);
    process.exitCode = 1;
  } else throw err;
} finally {
  clearInterval(sample);
  await db.close();
}
