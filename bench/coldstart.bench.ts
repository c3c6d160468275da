/**
 * Embedded cold start: the real server process (`server/main.ts`, as `npm run serve` starts it)
 * on the embedded database, from spawn to "ready" (listening, migrations checked, capabilities
 * detected). Fresh = an empty data directory (PGlite created, PostGIS extension created,
 * migrations, demo seed); persisted = the same directory again; and the persisted benchmark
 * directory with the whole synthetic province.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/server';
import { embeddedDir } from './data/target';
import type { BenchContext } from './lib/context';

export interface ColdStartRow {
  kind: string;
  ms: number;
}

async function start(dataDir: string): Promise<number> {
  const t0 = performance.now();
  const s = await startServer({ DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-static') });
  const ms = performance.now() - t0;
  await s.stop();
  return Math.round(ms);
}

export async function runColdStart(ctx: BenchContext): Promise<ColdStartRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ccn-coldstart-'));
  const out: ColdStartRow[] = [];
  try {
    ctx.log('cold start: fresh embedded data directory…');
    out.push({ kind: 'fresh (new data dir: PGlite + PostGIS + migrations + demo seed)', ms: await start(dir) });
    for (let i = 1; i <= 3; i++) {
      ctx.log(`cold start: persisted demo data directory (${i}/3)…`);
      out.push({ kind: `persisted, demo data (run ${i})`, ms: await start(dir) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const big = embeddedDir(ctx.size);
  if (existsSync(join(big, 'pglite'))) {
    ctx.log(`cold start: persisted ${big}…`);
    out.push({ kind: `persisted, synthetic province (${ctx.size.toExponential(0)} zones)`, ms: await start(big) });
  }
  return out;
}
