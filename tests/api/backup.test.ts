import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appTables, backup, restore } from '../../server/db/backup';
import { connectDatabase, type Database } from '../../server/db/database';
import { startEmbedded, type EmbeddedDatabase } from '../../server/db/embedded';

let source: Database;
let target: Database;
let embedded: EmbeddedDatabase | undefined;
let targetDbName: string | undefined;
const work = mkdtempSync(join(tmpdir(), 'ccn-backup-'));

/** An empty database of the same kind as the leg's, with the migrations applied. */
async function emptyTarget(): Promise<Database> {
  if (inject('backend') === 'embedded') {
    embedded = await startEmbedded(join(work, 'restore'));
    return connectDatabase(embedded.url, 'embedded', { seed: false });
  }
  const url = new URL(inject('dbUrl'));
  targetDbName = `${url.pathname.slice(1)}_restore`;
  const admin = new pg.Client({ connectionString: inject('dbUrl') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${targetDbName}"`);
  await admin.query(`CREATE DATABASE "${targetDbName}"`);
  await admin.end();
  url.pathname = `/${targetDbName}`;
  return connectDatabase(url.toString(), 'postgis', { seed: false });
}

/** Every row of every table as GeoJSON text (geometry and properties), in a stable order. */
async function exportAll(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of await appTables(db.pool)) {
    const sql = t.geomColumns.length
      ? `SELECT coalesce(string_agg(ST_AsGeoJSON(x.*, '${t.geomColumns[0]}', 15), E'\\n' ORDER BY x::text), '') AS s FROM "${t.name}" x`
      : `SELECT coalesce(string_agg(to_jsonb(x)::text, E'\\n' ORDER BY x::text), '') AS s FROM "${t.name}" x`;
    out[t.name] = (await db.pool.query<{ s: string }>(sql)).rows[0]!.s;
  }
  return out;
}

beforeAll(async () => {
  source = await connectDatabase(inject('dbUrl'), inject('backend'), { seed: false });
  target = await emptyTarget();
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  await embedded?.close();
  if (targetDbName) {
    const admin = new pg.Client({ connectionString: inject('dbUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${targetDbName}"`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('a restore into an empty database reproduces every record, geometry and audit row', async () => {
    const file = join(work, 'b.ndjson.gz');
    const before = await exportAll(source);
    const counts = await backup(source.pool, file);
    expect(counts.clusters).toBeGreaterThanOrEqual(7);
    expect(counts.admin_units).toBe(238);
    expect(counts.audit_log).toBeGreaterThanOrEqual(1);
    const restored = await restore(target.pool, file);
    expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
    const after = await exportAll(target);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const t of Object.keys(before)) expect(after[t], t).toBe(before[t]);
  });

  it('new rows after a restore get fresh ids', async () => {
    const { rows } = await target.pool.query<{ id: number }>(
      "INSERT INTO decisions (cluster_id, number, date, issuer, kind) SELECT min(id), '1/QĐ-TEST', '2026-01-01', 'x', 'test' FROM clusters RETURNING id",
    );
    const max = await source.pool.query<{ m: number }>('SELECT max(id) AS m FROM decisions');
    expect(rows[0]!.id).toBeGreaterThan(max.rows[0]!.m ?? 0);
  });

  it('refuses to restore over existing data, changing nothing', async () => {
    const file = join(work, 'b.ndjson.gz');
    const n = await target.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM clusters');
    await expect(restore(target.pool, file)).rejects.toThrow(/empty database/);
    const m = await target.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM clusters');
    expect(m.rows[0]!.n).toBe(n.rows[0]!.n);
  });
});
