/**
 * One import, in a process of its own (so its peak memory is its own): a fresh benchmark database
 * `import` of the given kind, the demo zones removed, then `importPlanZones` over the file; prints
 * one JSON line with the figures. Used by bench/import.bench.ts.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { importPlanZones } from '../server/bulk/plan-import';
import { readFeatureFile } from '../server/bulk/read-features';
import { refreshOverview } from '../server/tiles/overview';
import { freshDatabase, serverDbUrl, type Target } from './data/target';

const [target, file] = process.argv.slice(2) as [Target, string];
const IMPORT_DB = 'import';

function backendPeakMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const db = await freshDatabase(target, IMPORT_DB);
try {
  await db.pool.query('DELETE FROM plan_zones');
  // One connection on the server, so the backend whose memory is read is the one that imported.
  const single = target === 'postgis' ? new pg.Pool({ connectionString: serverDbUrl(IMPORT_DB), max: 1 }) : db.pool;
  const pid = target === 'postgis' ? (await single.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid : null;
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const r = await importPlanZones(single, readFeatureFile(file), { source: 'bench import' });
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const backend = pid ? backendPeakMb(pid) : null;
  if (single !== db.pool) await single.end();
  const t0 = performance.now();
  await refreshOverview(db.pool);
  const overviewMs = Math.round(performance.now() - t0);
  console.log(
    JSON.stringify({ target, polygons: r.features, ms: r.ms, overviewMs, peakRssMb: Math.round(peak / 2 ** 20), rssBeforeMb: Math.round(rssBefore / 2 ** 20), backendPeakMb: backend }),
  );
} finally {
  await db.close();
}
