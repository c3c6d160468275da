/**
 * The benchmark databases: a PostGIS server database `ccn_bench_<size>` on the local server, or an
 * embedded PGlite data directory `.data/bench/pglite-<size>`. Both get the migrations and the
 * demo data (clusters, communes, plan layers) and then the synthetic province.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { connectDatabase, type Database } from '../../server/db/database';
import { startEmbedded } from '../../server/db/embedded';
import { BENCH_DIR, sizeLabel } from './files';

export type Target = 'embedded' | 'postgis';

export const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A benchmark database is named by its size (`1e5`) or by a word (`import`). */
export type DbKey = number | string;
const keyLabel = (k: DbKey) => (typeof k === 'number' ? sizeLabel(k) : k);

export const serverDbName = (k: DbKey) => `ccn_bench_${keyLabel(k)}`;
export const serverDbUrl = (k: DbKey) => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${serverDbName(k)}`;
  return u.toString();
};
export const embeddedDir = (k: DbKey) => join(BENCH_DIR, `pglite-${keyLabel(k)}`);

/** Creates the database afresh (dropping an older one) and applies migrations + demo seed. */
export async function freshDatabase(target: Target, size: DbKey): Promise<Database> {
  if (target === 'postgis') {
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    const name = serverDbName(size);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    return connectDatabase(serverDbUrl(size), 'postgis', { seed: true });
  }
  const dir = embeddedDir(size);
  rmSync(dir, { recursive: true, force: true });
  const e = await startEmbedded(dir);
  return connectDatabase(e.url, 'embedded', { seed: true, onClose: () => e.close() });
}

/** Opens an existing benchmark database (no seeding). */
export async function openBenchDatabase(target: Target, size: DbKey): Promise<Database> {
  if (target === 'postgis') return connectDatabase(serverDbUrl(size), 'postgis', { seed: false });
  const e = await startEmbedded(embeddedDir(size));
  const db = await connectDatabase(e.url, 'embedded', { seed: false, onClose: () => e.close() });
  // Keep idle connections open: a benchmark leaves the embedded pool idle for minutes while the
  // server is measured, and connections closed and reopened meanwhile have been seen to upset
  // pglite-socket ("unexpected commandComplete"). pg-pool reads this option at each release.
  (db.pool as unknown as { options: { idleTimeoutMillis: number } }).options.idleTimeoutMillis = 0;
  return db;
}
