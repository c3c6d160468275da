/**
 * withSharedSnapshot (server/db/snapshot.ts): the conflict check's second connection reads exactly
 * the data of the request's own connection, a failure on it fails the request and frees both
 * connections, and with no idle connection the work stays on the request's connection.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, type Database } from '../../server/db/database';
import { withSharedSnapshot } from '../../server/db/snapshot';

const server = inject('backend') === 'postgis';
let db: Database;

const read = async (c: pg.PoolClient) =>
  (await c.query<{ v: number; pid: number }>('SELECT v, pg_backend_pid() AS pid FROM probe_snapshot.t')).rows[0]!;

/** Every connection back in the pool (the transactions end in the background). */
async function allIdle(pool: pg.Pool): Promise<boolean> {
  for (let i = 0; i < 100 && pool.idleCount < pool.totalCount; i++) await new Promise((r) => setTimeout(r, 10));
  return pool.idleCount === pool.totalCount;
}

/** Process warnings from the start of this file's tests (pg's deprecation notices among them). */
const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(w.message);

beforeAll(async () => {
  process.on('warning', onWarning);
  db = await connectDatabase(inject('dbUrl'), inject('backend'), { seed: false });
  await db.pool.query('CREATE SCHEMA IF NOT EXISTS probe_snapshot; CREATE TABLE IF NOT EXISTS probe_snapshot.t (v int NOT NULL)');
  await db.pool.query('TRUNCATE probe_snapshot.t; INSERT INTO probe_snapshot.t VALUES (1)');
});

afterAll(async () => {
  process.off('warning', onWarning);
  await db?.pool.query('DROP SCHEMA IF EXISTS probe_snapshot CASCADE');
  await db?.close();
});

describe('a read snapshot shared by two connections', () => {
  it.runIf(server)('reads on the second connection what the first reads, not a write committed meanwhile', async () => {
    const writer = new pg.Client({ connectionString: inject('dbUrl') });
    await writer.connect();
    try {
      const r = await withSharedSnapshot(db, async (c, alongside) => {
        const before = await read(c);
        await writer.query('UPDATE probe_snapshot.t SET v = v + 1');
        const [own, side] = await Promise.all([read(c), alongside(read)]);
        return { before, own, side };
      });
      expect(r.side.pid).not.toBe(r.own.pid);
      expect(r.before.v).toBe(1);
      expect(r.own.v).toBe(1);
      expect(r.side.v).toBe(1);
      expect((await db.pool.query('SELECT v FROM probe_snapshot.t')).rows[0].v).toBe(2);
    } finally {
      await writer.end();
      await db.pool.query('UPDATE probe_snapshot.t SET v = 1');
    }
  });

  it('fails as a whole when the work beside fails, and leaves no connection in a transaction', async () => {
    const attempt = withSharedSnapshot(db, async (c, alongside) => Promise.all([read(c), alongside((s) => s.query('SELECT 1 / 0'))]));
    await expect(attempt).rejects.toThrow(/division by zero/);
    expect(await allIdle(db.pool)).toBe(true);
    const after = await withSharedSnapshot(db, async (c, alongside) => Promise.all([read(c), alongside(read)]));
    expect(after.map((x) => x.v)).toEqual([1, 1]);
  });

  it.runIf(server)('keeps its connections over a pause longer than pg\'s default idle time (10 s): no new backend, no statement planned again', async () => {
    const opened: number[] = [];
    const onConnect = () => opened.push(Date.now());
    db.pool.on('connect', onConnect);
    try {
      const pids = async () => withSharedSnapshot(db, async (c, alongside) => Promise.all([read(c), alongside(read)]));
      const before = await pids();
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      const after = await pids();
      expect(opened).toEqual([]);
      expect(new Set([after[0].pid, after[1].pid])).toEqual(new Set([before[0].pid, before[1].pid]));
    } finally {
      db.pool.off('connect', onConnect);
    }
  }, 20_000);

  it('runs the work on the same connection when the pool has none idle (and on PGlite always), its statements in turn', async () => {
    const max = db.pool.options.max ?? 10;
    const held: pg.PoolClient[] = [];
    try {
      // All the others busy: the request's connection is the last one.
      for (let i = 0; i < max - 1; i++) held.push(await db.pool.connect());
      const r = await withSharedSnapshot(db, async (c, alongside) => {
        const [own, side] = await Promise.all([read(c), alongside(read)]);
        return { own, side };
      });
      expect(r.side.pid).toBe(r.own.pid);
      expect(r.side.v).toBe(1);
      // pg 8 warns (once) when a query is sent while another runs, pg 9 refuses it: the branches take turns.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((m) => m.includes('already executing a query'))).toEqual([]);
    } finally {
      for (const c of held) c.release();
    }
    expect(await allIdle(db.pool)).toBe(true);
  });
});
