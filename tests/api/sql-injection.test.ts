/**
 * SQL-injection strings in every string field of every write route's body (JSON, or the
 * properties of an uploaded file), every query parameter of those calls, and every query and
 * path parameter of the read routes (from /api/openapi.json, so new routes are covered): no 5xx,
 * the row counts of every table change exactly as they do with a harmless value (not at all when
 * refused), and free text comes back verbatim. Valid requests come from authz-fixtures.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createUser } from '../../server/auth/users';
import { FIXTURES, Fixtures, PASSWORD, sharedCounts, toInject, type WriteCall } from './authz-fixtures';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

const PAYLOADS = [
  "'; DROP TABLE clusters; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '$1',
  "\\'",
  "%' --",
  '’ ‘ “ ” ＇ ＂ ′',
  "Robert'); DELETE FROM parcels WHERE ''='",
  'a\u0000b',
];
const NUL = 'a\u0000b';

/** Fields that hold free text: any of the payloads (but NUL) is stored and read back as sent. */
const FREE_TEXT = new Set([
  'name', 'note', 'notes', 'findings', 'issuer', 'summary', 'legal_regime', 'number', 'agency', 'description', 'follow_up_note',
  'investor_name', 'investor_country', 'industry', 'investment_cert_no', 'lease_contract_no', 'displayName', 'signatory', 'label',
  'source_file', 'filename', 'GHI_CHU', 'GHICHU',
]);

let ctx: TestContext;
let f: Fixtures;
let seeded: Record<string, number> | undefined;
let headers: Record<string, string>;
let tables: string[] = [];
let ip = 0;
/** Free-text fields whose injected values were read back verbatim. */
const verbatim = new Set<string>();
const TAG = 'sq';
const ADMIN = `mx-${TAG}-admin`;

/** Every table's row count, in one query. */
async function counts(): Promise<Record<string, number>> {
  const sql = `SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${t})::int AS c${i}`).join(', ')}`;
  const row = (await ctx.db.pool.query<Record<string, number>>(sql)).rows[0]!;
  return Object.fromEntries(tables.map((t, i) => [t, row[`c${i}`]!]));
}
const delta = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(tables.filter((t) => a[t] !== b[t]).map((t) => [t, b[t]! - a[t]!]));

/** Each call from its own address: the sign-in and password rate limits are not what is tested here. */
const send = (call: WriteCall) => ctx.app.inject({ ...toInject(call, headers), remoteAddress: `10.9.${(++ip >> 8) & 255}.${ip & 255}` });

beforeAll(async () => {
  ctx = await startTestApp();
  f = new Fixtures(ctx.app, ctx.db, TAG);
  seeded = await sharedCounts(ctx.db);
  await f.setUp();
  const admin = await createUser(ctx.db.pool, { username: ADMIN, password: PASSWORD, role: 'admin', provinceCode: '20' });
  headers = { authorization: `Bearer ${await createApiToken(ctx.db.pool, admin, 'sql-injection')}` };
  await createUser(ctx.db.pool, { username: `mx-${TAG}-viewer`, password: PASSWORD, role: 'viewer', provinceCode: '20' });
  tables = (await ctx.db.pool.query<{ t: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables
     WHERE table_schema IN ('public', 'derived') AND table_type = 'BASE TABLE' ORDER BY 1`,
  )).rows.map((r) => r.t);
});

afterAll(async () => {
  await f?.tearDown();
  // What the file created is gone again: other test files see the seeded rows only.
  if (seeded) expect(await sharedCounts(ctx.db)).toEqual(seeded);
  await stopTestApp(ctx);
});

type Path = (string | number)[];
/** Every string leaf of a JSON value (object keys of free-form maps included as paths, not values). */
function stringPaths(v: unknown, path: Path = []): Path[] {
  if (typeof v === 'string') return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, [...path, k]));
  return [];
}
function setAt<T>(v: T, path: Path, value: string): T {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path.at(-1)!] = value;
  return copy as T;
}
function containsString(v: unknown, s: string): boolean {
  if (typeof v === 'string') return v === s;
  if (Array.isArray(v)) return v.some((x) => containsString(x, s));
  if (v && typeof v === 'object') return Object.values(v).some((x) => containsString(x, s));
  return false;
}

/** Whether a string is read back, exactly, by the read routes showing the throw-away cluster's records (and accounts). */
async function readBack(value: string): Promise<boolean> {
  const id = f.clusterId;
  const urls = [
    `/api/clusters/${id}`, `/api/clusters/${id}/boundaries`, `/api/plots?cluster_id=${id}`, `/api/parcels?cluster_id=${id}`,
    `/api/projects?cluster_id=${id}`, `/api/inspections?cluster_id=${id}`, '/api/proposals', '/api/users',
  ];
  for (const url of urls) {
    const res = await ctx.app.inject({ method: 'GET', url, headers });
    expect(res.statusCode, url).toBe(200);
    if (containsString(res.json(), value)) return true;
  }
  // Parcels' records (notes) are read one by one.
  const parcels = (await ctx.db.pool.query<{ id: number }>('SELECT id FROM parcels WHERE cluster_id = $1 ORDER BY id DESC LIMIT 3', [id])).rows;
  for (const p of parcels) if (containsString((await ctx.app.inject({ method: 'GET', url: `/api/parcels/${p.id}`, headers })).json(), value)) return true;
  return false;
}

/** The places a call carries strings: JSON body leaves, uploaded file properties, query parameters. */
type Slot = { where: 'body' | 'file' | 'query'; path: Path; field: string };
function slots(call: WriteCall): Slot[] {
  const out: Slot[] = [];
  if (call.payload !== undefined) for (const p of stringPaths(call.payload)) out.push({ where: 'body', path: p, field: String(p.at(-1)) });
  if (call.file) {
    const fc = JSON.parse(call.file.text) as { features: { properties: Record<string, unknown> }[] };
    for (const k of Object.keys(fc.features[0]!.properties)) out.push({ where: 'file', path: ['features', 0, 'properties', k], field: k });
  }
  for (const k of new URL(call.url, 'http://x').searchParams.keys()) if (k !== 'version') out.push({ where: 'query', path: [k], field: k });
  return out;
}
function inject(call: WriteCall, slot: Slot, value: string): WriteCall {
  if (slot.where === 'body') return { ...call, payload: setAt(call.payload, slot.path, value) };
  if (slot.where === 'file') return { ...call, file: { ...call.file!, text: JSON.stringify(setAt(JSON.parse(call.file!.text), slot.path, value)) } };
  const u = new URL(call.url, 'http://x');
  u.searchParams.set(String(slot.path[0]), value);
  return { ...call, url: `${u.pathname}${u.search}` };
}

describe('SQL-injection strings in write routes', () => {
  for (const key of Object.keys(FIXTURES).sort()) {
    const fixture = FIXTURES[key]!;
    it(`${key}`, async () => {
      const who = ADMIN;
      let call = await fixture.prepare(f, who);
      const fields = slots(call);
      const report: string[] = [];
      for (const slot of fields) {
        // The control: the same call, unchanged, succeeds and moves the row counts by `expected`.
        let before = await counts();
        const control = await send(call);
        expect(control.statusCode, `${key} control: ${control.body.slice(0, 300)}`).toBeLessThan(300);
        const expected = delta(before, await counts());
        await fixture.undo?.(f, who);
        call = await fixture.prepare(f, who);
        const free = FREE_TEXT.has(slot.field);
        for (const value of PAYLOADS) {
          const sent = inject(call, slot, value);
          before = await counts();
          const t0 = Date.now();
          const res = await send(sent);
          const ms = Date.now() - t0;
          const changed = delta(before, await counts());
          const label = `${key} ${slot.where}:${slot.path.join('.')} = ${JSON.stringify(value)} → ${res.statusCode}`;
          report.push(`${slot.path.join('.')}:${res.statusCode}`);
          expect(res.statusCode, `${label} ${res.body.slice(0, 300)}`).toBeLessThan(500);
          expect(ms, `${label}: took ${ms} ms (pg_sleep ran?)`).toBeLessThan(4000);
          // PostgreSQL text cannot hold NUL: a stored free-text field refuses it with a 4xx.
          if (value === NUL && free && fixture.scope === 'cluster') expect(res.statusCode, label).toBeGreaterThanOrEqual(400);
          if (res.statusCode < 300) {
            expect(changed, `${label}: row counts`).toEqual(expected);
            // Free text is read back as sent, by the API's own read routes.
            if (free && (fixture.scope === 'cluster' || key === 'POST /api/users')) {
              expect(await readBack(value), `${label}: free text not read back verbatim`).toBe(true);
              verbatim.add(`${key} ${slot.path.join('.')}`);
            }
            await fixture.undo?.(f, who);
            call = await fixture.prepare(f, who);
          } else {
            expect(changed, `${label}: a refused write changed rows`).toEqual({});
            // Free text takes every payload but NUL (PostgreSQL text cannot hold it).
            if (free && value !== NUL && fixture.scope !== 'public' && fixture.scope !== 'signed-in') {
              expect.soft(res.statusCode, `${label}: free text refused ${res.body.slice(0, 200)}`).toBeLessThan(300);
            }
          }
        }
      }
      expect(report.length).toBe(fields.length * PAYLOADS.length);
    }, 300_000);
  }
});

describe('free text', () => {
  it('was read back verbatim in every free-text field of the records (and the check can tell)', async () => {
    expect(await readBack(`not stored ${Date.now()}`)).toBe(false);
    const fields = [...verbatim];
    for (const k of ['POST /api/projects notes', 'POST /api/inspections findings', 'POST /api/clusters/:id/decisions issuer', 'PATCH /api/parcels/:id notes', 'POST /api/proposals name']) {
      expect(fields, k).toContain(k);
    }
    expect(fields.length).toBeGreaterThan(25);
  });
});

/** A value the read route accepts for a parameter other than the one under test. */
function validValue(name: string, schema: { enum?: string[]; type?: string }): string {
  if (schema.enum) return schema.enum[0]!;
  const known: Record<string, string> = {
    bbox: '106.9,21.5,107.2,21.7', level: 'commune', province: '20', cid: 'clusters', fid: '1', file: '0-255.pbf',
    fontstack: 'Noto Sans Regular', collection: 'parcels', z: '10', x: '834', y: '448', from: '1', to: '1',
  };
  if (known[name]) return known[name]!;
  return schema.type === 'integer' ? String(f.clusterId) : '2026-01-05';
}

describe('SQL-injection strings in read routes', () => {
  it('every query and path parameter of every GET route (from /api/openapi.json): no 5xx, nothing changes', async () => {
    const api = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema: { enum?: string[]; type?: string } }[] }>>;
    };
    const before = await counts();
    let sent = 0;
    const params = new Set<string>();
    for (const [path, ops] of Object.entries(api.paths)) {
      const op = ops.get;
      if (!op) continue;
      const ps = (op.parameters ?? []).filter((p) => p.in === 'query' || p.in === 'path');
      for (const target of ps) {
        params.add(`${path} ${target.in}:${target.name}`);
        for (const value of PAYLOADS) {
          let url = path;
          const query = new URLSearchParams();
          for (const p of ps) {
            const v = p === target ? value : p.required || p.in === 'path' ? validValue(p.name, p.schema) : undefined;
            if (v === undefined) continue;
            if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v));
            else query.set(p.name, v);
          }
          const full = `${url}${query.size ? `?${query}` : ''}`;
          const t0 = Date.now();
          const res = await ctx.app.inject({ method: 'GET', url: full, headers });
          sent++;
          expect(res.statusCode, `GET ${full} → ${res.statusCode} ${res.body.slice(0, 200)}`).toBeLessThan(500);
          expect(Date.now() - t0, `GET ${full}: slow (pg_sleep ran?)`).toBeLessThan(4000);
        }
      }
    }
    expect(params.size).toBeGreaterThan(40);
    expect(sent).toBe(params.size * PAYLOADS.length);
    expect(delta(before, await counts())).toEqual({});
  }, 600_000);
});
