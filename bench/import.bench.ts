/**
 * Import of 10^5 polygons (the 1e5 synthetic province file, GeoJSON text sequence, ~38 MB) into
 * a fresh database of each kind through the bulk path (server/bulk/plan-import.ts): one
 * transaction, batches of 5,000, triggers keeping the derived tables. Peak memory: this
 * process's RSS (sampled every 50 ms; on the embedded target that includes PGlite) and, on the
 * server, the PostgreSQL backend's own peak (VmHWM of its process).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { importPlanZones } from '../server/bulk/plan-import';
import { readFeatureFile } from '../server/bulk/read-features';
import type { Database } from '../server/db/database';
import { refreshOverview } from '../server/tiles/overview';
import { ensureFiles } from './data/files';
import { freshDatabase, serverDbUrl, type Target } from './data/target';
import type { BenchContext } from './lib/context';

export interface ImportRow {
  target: Target;
  polygons: number;
  ms: number;
  overviewMs: number;
  peakRssMb: number;
  backendPeakMb: number | null;
}

/** ccn_bench_import / .data/bench/pglite-import, created afresh each run. */
const IMPORT_DB = 'import';

function backendPeakMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function importInto(ctx: BenchContext, target: Target, file: string): Promise<ImportRow> {
  const db: Database = await freshDatabase(target, IMPORT_DB);
  try {
    await db.pool.query('DELETE FROM plan_zones');
    // One connection, so the backend whose memory is read is the one that imported.
    const single = target === 'postgis' ? new pg.Pool({ connectionString: serverDbUrl(IMPORT_DB), max: 1 }) : db.pool;
    const pid = target === 'postgis' ? (await single.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid : null;
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const r = await importPlanZones(single, readFeatureFile(file), { source: 'bench import' });
    clearInterval(timer);
    const backend = pid ? backendPeakMb(pid) : null;
    if (single !== db.pool) await single.end();
    const t0 = performance.now();
    await refreshOverview(db.pool);
    const overviewMs = performance.now() - t0;
    ctx.log(`import on ${target}: ${r.features} polygons in ${r.ms} ms; overview ${Math.round(overviewMs)} ms`);
    return { target, polygons: r.features, ms: r.ms, overviewMs: Math.round(overviewMs), peakRssMb: Math.round(peak / 2 ** 20), backendPeakMb: backend };
  } finally {
    await db.close();
  }
}

export async function runImport(ctx: BenchContext, targets: Target[]): Promise<ImportRow[]> {
  const files = await ensureFiles({ size: 1e5, parcels: 1e5, seed: 8 }, ctx.log);
  const out: ImportRow[] = [];
  for (const t of targets) out.push(await importInto(ctx, t, files.planZones));
  return out;
}
