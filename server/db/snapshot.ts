import type pg from 'pg';
import type { Database } from './database';

/** Runs `fn` beside the caller's statements, reading the same snapshot. */
export type Alongside = <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

const BEGIN_READ = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';
/** What pg_export_snapshot() answers (e.g. 00000003-0000001B-1); checked before it is put in SQL text. */
const SNAPSHOT_ID = /^[0-9A-F]+(-[0-9A-F]+)+$/i;

/** Ends a read-only transaction and returns its connection without making the caller wait. */
function endInBackground(c: pg.PoolClient, sql: 'COMMIT' | 'ROLLBACK'): void {
  c.query(sql).then(
    () => c.release(),
    (err: Error) => c.release(err),
  );
}

/**
 * The client with its queries sent one after another, none before `after` has succeeded (a failed
 * BEGIN fails them all): pg@9 no longer queues a query sent while another runs (pg 8 warns), and
 * the conflict check sends its statements from two concurrent branches (on PGlite, or under load,
 * to the same connection).
 */
function inTurn(c: pg.PoolClient, after: Promise<unknown>): pg.PoolClient {
  let last: Promise<unknown> = Promise.resolve();
  return new Proxy(c, {
    get(target, prop) {
      if (prop === 'query')
        return (...args: unknown[]) => {
          const run = last.then(() => after).then(() => (target.query as (...a: unknown[]) => Promise<unknown>)(...args));
          last = run.catch(() => undefined);
          return run;
        };
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * Read-only work in one snapshot that may use two connections at once: `fn` gets its connection
 * and `alongside`, which runs independent statements on a second connection of the pool that
 * imported the same snapshot (`pg_export_snapshot` / `SET TRANSACTION SNAPSHOT`), so both see
 * exactly the same data. On PGlite (one connection, one query at a time) or when the pool has no
 * idle connection (under load, waiting for one would only add latency and could deadlock), the
 * work runs on the same connection. The BEGIN is sent and not waited for: `fn`'s own work before
 * its first statement (checking the subject, say) overlaps the round trip, and its statements go
 * out in turn after it (`inTurn`). The transactions end after the result is handed back: a read-only
 * COMMIT cannot change it.
 */
export async function withSharedSnapshot<T>(db: Database, fn: (c: pg.PoolClient, alongside: Alongside) => Promise<T>): Promise<T> {
  const pool = db.pool;
  const conn = await pool.connect();
  const shared = db.backend === 'postgis';
  const begun: Promise<string> = shared
    ? conn.query(`${BEGIN_READ}; SELECT pg_export_snapshot() AS id`).then((r) => {
        const id = (r as unknown as pg.QueryResult<{ id: string }>[])[1]!.rows[0]!.id;
        if (!SNAPSHOT_ID.test(id)) throw new Error(`unexpected snapshot id ${JSON.stringify(id)}`);
        return id;
      })
    : conn.query(BEGIN_READ).then(() => '');
  begun.catch(() => undefined); // awaited below; a failed BEGIN is the error reported
  const client = inTurn(conn, begun);
  const alongside: Alongside = async (g) => {
    const idle = pool.idleCount > 0 || pool.totalCount < (pool.options.max ?? 10);
    if (!shared || !idle) return g(client);
    const snapshot = await begun;
    const side = await pool.connect();
    try {
      await side.query(`${BEGIN_READ}; SET TRANSACTION SNAPSHOT '${snapshot}'`);
      const r = await g(side);
      endInBackground(side, 'COMMIT');
      return r;
    } catch (err) {
      endInBackground(side, 'ROLLBACK');
      throw err;
    }
  };
  try {
    const result = await fn(client, alongside);
    await begun; // settled before fn's first statement went out; a failure is reported as such
    endInBackground(conn, 'COMMIT');
    return result;
  } catch (err) {
    endInBackground(conn, 'ROLLBACK');
    throw await begun.then(
      () => err,
      (beginErr: unknown) => beginErr,
    );
  }
}
