/**
 * Crash safety: the real server process is killed with SIGKILL in the middle of a multi-batch
 * parcel import (NDJSON progress over HTTP), 20 times in a row, and started again on the same
 * data (the embedded data directory, or the PostGIS database). Each time the import is all or
 * nothing — parcels, the import run row and its audit entry together — and the server answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startEmbedded } from '../../server/db/embedded';
import { readLines, spawnServer, type ServerProcess } from './crash-server';
import pg from 'pg';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
/** Rows per import: three write batches of 500 (server/clearance/import-run.ts). */
const N = 1500;
const ADMIN_PASSWORD = 'crash-admin-password-1';
const CLUSTER = 'Cụm công nghiệp Bình Chương';
const TAG = 'T-crash';

const backend = inject('backend');
let dataDir: string | undefined;
let server: ServerProcess | undefined;
let headers: Record<string, string> = {};
let cluster: { id: number; commune: string; lon: number; lat: number };
const timings: number[] = [];

const env = (): Record<string, string> =>
  backend === 'postgis' ? { DATABASE_URL: inject('dbUrl') } : { DATA_DIR: dataDir!, ADMIN_PASSWORD };

/** Starts the server and signs in (embedded: the first admin from ADMIN_PASSWORD; PostGIS: the suite's admin token). */
async function start(): Promise<void> {
  const t0 = Date.now();
  server = await spawnServer(env());
  timings.push(Date.now() - t0);
  if (backend === 'postgis') {
    headers = { authorization: `Bearer ${inject('adminToken')}` };
    return;
  }
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  headers = { cookie, 'x-csrf-token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

const get = async <T>(path: string): Promise<T> => {
  const res = await fetch(`${server!.url}${path}`, { headers });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** What a user sees after the restart: parcels of the cluster, import audit entries, the server's health. */
async function state() {
  const health = await fetch(`${server!.url}/api/health`);
  expect(health.status).toBe(200);
  const p = await get<{ progress: { parcels: number } }>(`/api/clearance/progress?cluster_id=${cluster.id}`);
  const audit = await get<{ items: { after: { file: string; created: number[] } }[] }>('/api/audit?entity=parcel_import&limit=10000');
  const imports = audit.items.filter((a) => a.after.file.startsWith('crash-'));
  return { parcels: p.progress.parcels, imports: imports.length, created: imports.reduce((s, a) => s + a.after.created.length, 0) };
}

/** A GeoJSON file of N 15 m squares near the cluster, sheet `T-crash<round>-<k>`. */
function file(round: number): string {
  const d = 0.00015;
  const features = Array.from({ length: N }, (_, i) => {
    const x = cluster.lon + (i % 50) * d * 1.2, y = cluster.lat + Math.floor(i / 50) * d * 1.2;
    return {
      type: 'Feature',
      properties: { SHBANDO: `${TAG}${round}-${Math.floor(i / 100)}`, SHTHUA: (i % 100) + 1, LOAIDAT: 'CLN' },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] },
    };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/**
 * Where the kill lands, varied over the rounds: before the transaction (reading the file), inside
 * it (after the first batch, after the last batch but before the commit), just after the commit
 * (the result line), and after a random delay from the first batch.
 */
type KillPoint = { after: 'first-line' | 'first-write' | 'last-write' | 'result' | 'delay'; delayMs: number };
function killPoint(round: number): KillPoint {
  const r = ((round * 7919) % 1000) / 1000; // deterministic spread
  const kinds = ['first-line', 'first-write', 'last-write', 'result', 'delay'] as const;
  const after = kinds[round % kinds.length]!;
  return { after, delayMs: after === 'delay' ? Math.round(r * 1500) : 0 };
}

/** Sends the import and SIGKILLs the server at the given point; returns the progress lines seen. */
async function importAndKill(round: number, at: KillPoint): Promise<string[]> {
  const boundary = `----crash${round}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="crash-${round}.geojson"\r\nContent-Type: application/geo+json\r\n\r\n`),
    Buffer.from(file(round)),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const url = `${server!.url}/api/parcels/imports?cluster_id=${cluster.id}&col_map_sheet_no=SHBANDO&col_parcel_no=SHTHUA&col_legal_land_code=LOAIDAT&planned_on=2026-01-05`;
  const seen: string[] = [];
  const ctrl = new AbortController();
  const res = await fetch(url, {
    method: 'POST', signal: ctrl.signal, body,
    headers: { ...headers, accept: 'application/x-ndjson', 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(res.status).toBe(200);
  const stopAt = (l: Record<string, unknown>): boolean => {
    if (l.type !== 'progress') return true; // result or error: the import is over
    if (at.after === 'first-line') return true;
    if (l.stage !== 'write') return false;
    if (at.after === 'first-write' || at.after === 'delay') return true;
    return at.after === 'last-write' && l.done === N;
  };
  await readLines(res, (l) => {
    seen.push(l.type === 'progress' ? `${l.stage}:${l.done}` : String(l.type));
    return stopAt(l);
  }).catch(() => undefined);
  if (at.delayMs) await new Promise((r) => setTimeout(r, at.delayMs));
  await server!.kill();
  ctrl.abort();
  return seen;
}

beforeAll(async () => {
  if (backend === 'embedded') dataDir = mkdtempSync(join(tmpdir(), 'ccn-crash-'));
  await start();
  const fc = await get<{ features: { geometry: { coordinates: number[][][][] }; properties: { id: number; name: string; commune_codes_current: string[] } }[] }>('/api/clusters');
  const f = fc.features.find((x) => x.properties.name === CLUSTER)!;
  const ring = f.geometry.coordinates[0]![0]!;
  cluster = {
    id: f.properties.id, commune: f.properties.commune_codes_current[0]!,
    lon: Math.min(...ring.map((p) => p[0]!)), lat: Math.min(...ring.map((p) => p[1]!)),
  };
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (backend === 'postgis' && cluster) {
    const pool = new pg.Pool({ connectionString: inject('dbUrl'), max: 1 });
    await pool.query(`DELETE FROM parcels WHERE cluster_id = $1 AND map_sheet_no LIKE '${TAG}%'`, [cluster.id]);
    await pool.query(`DELETE FROM parcel_imports WHERE cluster_id = $1 AND file_name LIKE 'crash-%'`, [cluster.id]);
    await pool.end();
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe(`SIGKILL mid-import (${backend})`, () => {
  const outcomes: { round: number; at: KillPoint; seen: string[]; result: 'none' | 'all' }[] = [];

  it(`${ROUNDS} kills in a row: each import all or nothing, the server restarts on the same data`, async () => {
    let expected = await state();
    for (let round = 0; round < ROUNDS; round++) {
      const at = killPoint(round);
      const seen = await importAndKill(round, at);
      await start();
      const now = await state();
      const label = `round ${round} (${JSON.stringify(at)}, saw ${seen.join(' ')})`;
      // All or nothing: the parcels, the import's audit entry and the parcels it lists move together.
      if (now.parcels === expected.parcels) {
        expect(now, label).toEqual(expected);
        outcomes.push({ round, at, seen, result: 'none' });
      } else {
        expect(now, label).toEqual({ parcels: expected.parcels + N, imports: expected.imports + 1, created: expected.created + N });
        outcomes.push({ round, at, seen, result: 'all' });
      }
      expected = now;
    }
    console.log(`[crash ${backend}] restarts (ms): ${timings.join(' ')}`);
    console.log(`[crash ${backend}] ${outcomes.map((o) => `${o.round}:${o.result}@${o.seen.at(-1) ?? '-'}`).join(' ')}`);
    // The kills did land inside the write transaction (a batch written, no commit) and after a commit.
    expect(outcomes.filter((o) => o.result === 'none' && o.seen.some((s) => s.startsWith('write:'))).length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.result === 'all').length).toBeGreaterThan(0);
    for (const o of outcomes) {
      if (o.at.after === 'result') expect(o.result, `round ${o.round}: committed before the kill`).toBe('all');
      if (o.at.after === 'first-line') expect(o.result, `round ${o.round}: killed before the transaction`).toBe('none');
    }
    // And a full import goes through afterwards: the database is not left broken.
    const ok = await fetch(`${server!.url}/api/parcels/imports?cluster_id=${cluster.id}&col_map_sheet_no=SHBANDO&col_parcel_no=SHTHUA&col_legal_land_code=LOAIDAT`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'multipart/form-data; boundary=xx' },
      body: `--xx\r\nContent-Disposition: form-data; name="file"; filename="crash-final.geojson"\r\n\r\n${file(ROUNDS)}\r\n--xx--\r\n`,
    });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as { created: number }).created).toBe(N);
    expect((await state()).parcels).toBe(expected.parcels + N);
  }, 900_000);

  it.runIf(backend === 'embedded')('the killed data directory opens directly with PGlite, rows and derived counters consistent', async () => {
    await server!.kill();
    server = undefined;
    const db = await startEmbedded(dataDir!);
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    try {
      const { rows } = await pool.query<{ parcels: number; runs: number; created: number; invalid: number }>(
        `SELECT (SELECT count(*) FROM parcels WHERE map_sheet_no LIKE '${TAG}%')::int AS parcels,
                (SELECT count(*) FROM parcel_imports WHERE file_name LIKE 'crash-%')::int AS runs,
                (SELECT coalesce(sum(created), 0) FROM parcel_imports WHERE file_name LIKE 'crash-%')::int AS created,
                (SELECT count(*) FROM parcels WHERE NOT ST_IsValid(geom))::int AS invalid`,
      );
      const r = rows[0]!;
      expect(r.parcels).toBe(r.runs * N);
      expect(r.created).toBe(r.parcels);
      expect(r.invalid).toBe(0);
      // The indexes agree with the table (an index scan finds every row).
      const idx = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM parcels WHERE map_sheet_no LIKE '${TAG}%' AND commune_code = $1`, [cluster.commune]);
      expect(idx.rows[0]!.n).toBe(r.parcels);
    } finally {
      await pool.end();
      await db.close();
    }
  }, 120_000);
});
