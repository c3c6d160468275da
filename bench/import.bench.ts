/**
 * Import of 10^5 polygons (the 1e5 synthetic province file, GeoJSON text sequence, ~38 MB) into
 * a fresh database of each kind through the bulk path (server/bulk/plan-import.ts): one
 * transaction, batches of 5,000, triggers keeping the derived tables. Each import runs in a child
 * process; peak memory = that process's RSS (sampled every 25 ms; on the embedded target it
 * includes PGlite) and, on the server, the PostgreSQL backend's own peak (VmHWM).
 */
import { spawnSync } from 'node:child_process';
import { ensureFiles } from './data/files';
import type { Target } from './data/target';
import type { BenchContext } from './lib/context';

export interface ImportRow {
  target: Target;
  polygons: number;
  ms: number;
  overviewMs: number;
  /** Peak RSS of the importing process (PGlite included on the embedded target). */
  peakRssMb: number;
  rssBeforeMb: number;
  backendPeakMb: number | null;
}

/** Runs one import in a child process (bench/import-child.ts) and reads its JSON line. */
function importInto(ctx: BenchContext, target: Target, file: string): ImportRow {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/import-child.ts', target, file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (r.status !== 0 || !line) throw new Error(`import on ${target} failed (${r.status}):\n${r.stderr}`);
  const row = JSON.parse(line) as ImportRow;
  ctx.log(`import on ${target}: ${row.polygons} polygons in ${row.ms} ms; overview ${row.overviewMs} ms; peak RSS ${row.peakRssMb} MB`);
  return row;
}

export async function runImport(ctx: BenchContext, targets: Target[]): Promise<ImportRow[]> {
  const files = await ensureFiles({ size: 1e5, parcels: 1e5, seed: 8 }, ctx.log);
  const out: ImportRow[] = [];
  for (const t of targets) out.push(importInto(ctx, t, files.planZones));
  return out;
}
