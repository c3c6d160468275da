import pg from 'pg';
import { startEmbedded, type EmbeddedDatabase } from './embedded';
import { migrate } from './migrate';
import { seedIfEmpty } from './seed';

// numeric → JS number (areas, money are well within double precision here).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
// date → 'YYYY-MM-DD' string, never a timezone-shifted Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Backend = 'embedded' | 'postgis';

export interface Database {
  pool: pg.Pool;
  backend: Backend;
  /** Capabilities detected once at start. */
  capabilities: { asMvt: boolean; postgisVersion: string };
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Load the demo data into an empty database (default true). */
  seed?: boolean;
  log?: (msg: string) => void;
}

/** Runs fn in one transaction on one connection; rolls back on any error. */
export async function withTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Read-only work on one connection and one snapshot (no second connection inside: PGlite). */
export const withReadSnapshot = <T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> =>
  withTransaction(pool, fn, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');

async function detectCapabilities(pool: pg.Pool): Promise<Database['capabilities']> {
  const v = await pool.query<{ v: string }>('SELECT postgis_lib_version() AS v');
  let asMvt = false;
  try {
    await pool.query("SELECT ST_AsMVT(t) FROM (SELECT 1 AS id, ST_GeomFromText('POINT(1 1)') AS geom) t");
    asMvt = true;
  } catch {
    asMvt = false;
  }
  return { asMvt, postgisVersion: v.rows[0]!.v };
}

/**
 * Connects to a running PostGIS (server or embedded socket): applies migrations,
 * seeds an empty database unless told not to, and detects capabilities.
 */
export async function connectDatabase(
  url: string,
  backend: Backend,
  opts: { seed?: boolean; log?: (msg: string) => void; onClose?: () => Promise<void> } = {},
): Promise<Database> {
  const log = opts.log ?? (() => undefined);
  // PGlite is one backend session: pglite-socket multiplexes connections message by message, so
  // two connections' extended-protocol messages (Parse/Bind/Execute) can interleave and answer each
  // other's queries. One connection is correct and costs nothing (PGlite runs one query at a time).
  const pool = new pg.Pool({
    connectionString: url,
    max: backend === 'embedded' ? 1 : 10,
    // Idle connections stay open 5 minutes (pg's default: 10 s): a new one costs a backend start
    // and the first planning of each named statement — ~7 ms more on a planner's first conflict
    // check after a pause of more than ten seconds. Idle connections do not keep a process alive
    // (a command-line tool still exits when its work is done).
    idleTimeoutMillis: 300_000,
    allowExitOnIdle: true,
    // pglite-socket serves every connection from the ONE PGlite session, so the named prepared
    // statements (server/db/prepared.ts) of a closed connection are still there and a new connection
    // would fail to prepare them again ("already exists"): the pool's single connection clears them
    // before it is first used.
    ...(backend === 'embedded' ? { onConnect: (c: pg.ClientBase) => c.query('DEALLOCATE ALL') } : {}),
  });
  pool.on('error', (err) => log(`idle database connection error: ${err.message}`));
  // A connection that errors while checked out (a protocol fault) must not take the process down:
  // the query in flight fails with it and the route answers 500.
  pool.on('connect', (client) => client.on('error', (err) => log(`database connection error: ${err.message}`)));
  try {
    const applied = await migrate(pool);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    if (opts.seed !== false && (await seedIfEmpty(pool))) log('demo data loaded');
    const capabilities = await detectCapabilities(pool);
    return {
      pool,
      backend,
      capabilities,
      async close() {
        await pool.end();
        await opts.onClose?.();
      },
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    await opts.onClose?.().catch(() => undefined);
    throw err;
  }
}

/**
 * Opens the database: a PostGIS server when `databaseUrl` is set, else the
 * embedded PGlite in `dataDir`. Applies migrations and seeds an empty database.
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const log = opts.log ?? (() => undefined);
  if (opts.databaseUrl) return connectDatabase(opts.databaseUrl, 'postgis', { seed: opts.seed, log });
  const t0 = Date.now();
  const embedded: EmbeddedDatabase = await startEmbedded(opts.dataDir);
  log(`embedded PGlite + PostGIS ready in ${Date.now() - t0} ms (${opts.dataDir})`);
  return connectDatabase(embedded.url, 'embedded', { seed: opts.seed, log, onClose: () => embedded.close() });
}
