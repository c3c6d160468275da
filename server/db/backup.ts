import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import { withTransaction } from './database';

/**
 * Portable logical backup of every application table, the same on the embedded
 * database and a PostGIS server: gzip'd text, a JSON header line then one line
 * per row, `table<TAB>row as JSON` — the row text exactly as PostgreSQL wrote it
 * (never re-parsed, so numerics keep their scale); geometry as hex EWKB.
 */
export const BACKUP_FORMAT = 'ccn-map-backup';

interface TableInfo {
  name: string;
  geomColumns: string[];
  /** Generated columns (e.g. plan_zones.geom_tm3): left out of the file, recomputed by the restore's INSERT. */
  generated: string[];
  /** The columns a restore writes: all but the generated ones. */
  written: string[];
}

/** Application tables in foreign-key order (parents first), from the catalog. */
export async function appTables(db: pg.Pool | pg.PoolClient): Promise<TableInfo[]> {
  const { rows: tables } = await db.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()
     AND tablename NOT IN ('schema_migrations', 'spatial_ref_sys') ORDER BY tablename`,
  );
  const { rows: deps } = await db.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const { rows: geoms } = await db.query<{ t: string; c: string }>(
    `SELECT f_table_name AS t, f_geometry_column AS c FROM geometry_columns WHERE f_table_schema = current_schema()`,
  );
  const { rows: columns } = await db.query<{ t: string; c: string; generated: boolean }>(
    `SELECT c.relname AS t, a.attname AS c, a.attgenerated <> '' AS generated FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
  );
  const names = tables.map((r) => r.t);
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t && names.includes(d.parent)) visit(d.parent, path);
    ordered.push(t);
  };
  for (const t of names) visit(t, new Set());
  return ordered.map((name) => {
    const own = columns.filter((c) => c.t === name);
    const gen = own.filter((c) => c.generated).map((c) => c.c);
    return {
      name,
      geomColumns: geoms.filter((g) => g.t === name && !gen.includes(g.c)).map((g) => g.c),
      generated: gen,
      written: own.filter((c) => !c.generated).map((c) => c.c),
    };
  });
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Writes the backup file; returns row counts per table. */
export async function backup(pool: pg.Pool, file: string): Promise<Record<string, number>> {
  return withTransaction(pool, async (c) => {
    await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const tables = await appTables(c);
    const migrations = (await c.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
    const gz = createGzip();
    const out = createWriteStream(file);
    gz.pipe(out);
    gz.write(`${JSON.stringify({ format: BACKUP_FORMAT, version: 1, created: new Date().toISOString(), migrations, tables: tables.map((t) => t.name) })}\n`);
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const geoms = t.geomColumns.map((g) => `'${g.replace(/'/g, "''")}', encode(ST_AsEWKB(x.${ident(g)}), 'hex')`);
      const own = t.generated.length ? `(to_jsonb(x) - ARRAY[${t.generated.map((g) => `'${g.replace(/'/g, "''")}'`).join(', ')}]::text[])` : 'to_jsonb(x)';
      const rowJson = geoms.length ? `${own} || jsonb_build_object(${geoms.join(', ')})` : own;
      const { rows } = await c.query<{ r: string }>(`SELECT (${rowJson})::text AS r FROM ${ident(t.name)} x ORDER BY 1`);
      for (const { r } of rows) {
        if (!gz.write(`${t.name}\t${r}\n`)) await once(gz, 'drain');
      }
      counts[t.name] = rows.length;
    }
    gz.end();
    await once(out, 'finish');
    return counts;
  });
}

/** Restores a backup into a database whose application tables are empty. */
export async function restore(pool: pg.Pool, file: string): Promise<Record<string, number>> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  const header = JSON.parse(String(first.value ?? '{}')) as { format?: string; migrations?: string[] };
  if (header.format !== BACKUP_FORMAT) throw new Error(`${file} is not a ccn-map backup`);
  return withTransaction(pool, async (c) => {
    const applied = new Set((await c.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    const missing = (header.migrations ?? []).filter((m) => !applied.has(m));
    if (missing.length) throw new Error(`the database lacks migrations of the backup: ${missing.join(', ')}`);
    const tables = await appTables(c);
    for (const t of tables) {
      const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t.name)}`);
      if (rows[0]!.n > 0) throw new Error(`restore needs an empty database: table ${t.name} has ${rows[0]!.n} rows`);
    }
    const known = new Map(tables.map((t) => [t.name, t.written.map(ident).join(', ')]));
    const counts: Record<string, number> = {};
    let batch: string[] = [];
    let current = '';
    const flush = async () => {
      if (!batch.length) return;
      const cols = known.get(current)!;
      await c.query(
        `INSERT INTO ${ident(current)} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${ident(current)}, $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
      counts[current] = (counts[current] ?? 0) + batch.length;
      batch = [];
    };
    for (let n = await it.next(); !n.done; n = await it.next()) {
      if (!n.value) continue;
      const tab = n.value.indexOf('\t');
      const t = n.value.slice(0, tab);
      const r = n.value.slice(tab + 1);
      if (!known.has(t)) throw new Error(`backup has table ${t} that this database does not`);
      if (t !== current || batch.length >= 500) {
        await flush();
        current = t;
      }
      batch.push(r);
    }
    await flush();
    // Serial columns continue after the restored ids.
    const { rows: seqs } = await c.query<{ t: string; col: string; seq: string }>(
      `SELECT c.relname AS t, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
       FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND a.attnum > 0
         AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of seqs) {
      await c.query(`SELECT setval($1, GREATEST((SELECT max(${ident(s.col)}) FROM ${ident(s.t)}), 1), (SELECT max(${ident(s.col)}) FROM ${ident(s.t)}) IS NOT NULL)`, [s.seq]);
    }
    return counts;
  });
}
