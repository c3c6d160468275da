/**
 * Embedded cold start: the real server process (build/server/main.mjs, as `npm start` runs it)
 * on the embedded database, from spawn to "ready" (listening, migrations checked, capabilities
 * detected). Fresh = an empty data directory (PGlite created, PostGIS extension created,
 * migrations, demo seed); persisted = the same directory again; and the persisted benchmark
 * directory with the whole synthetic province.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ensureServerBuilt, serverArgs } from '../scripts/build-server';
import { embeddedDir } from './data/target';
import type { BenchContext } from './lib/context';

export interface ColdStartRow {
  kind: string;
  ms: number;
}

/** Spawns the server on a data directory; resolves with the ms from spawn to "ready", then stops it. */
function start(dataDir: string, timeoutMs = 15 * 60_000): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, serverArgs(), {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', DATA_DIR: dataDir, STATIC_DIR: join(dataDir, 'no-static') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise<number>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => (child.kill('SIGTERM'), reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`))), timeoutMs);
    const onData = (b: Buffer) => {
      log += b.toString();
      if (/ready in \d+ ms at http/.test(log)) {
        const ms = Math.round(performance.now() - t0);
        clearTimeout(timer);
        child.once('exit', () => resolve(ms));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/ready in/.test(log)) reject(new Error(`server exited (${code}):\n${log}`));
    });
  });
}

export async function runColdStart(ctx: BenchContext): Promise<ColdStartRow[]> {
  await ensureServerBuilt();
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
