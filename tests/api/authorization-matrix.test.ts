/**
 * Authorization matrix: every write route of the API (from fastify's own route table) against
 * anonymous users, viewers, editors in and out of scope, and admins — each with a valid request
 * (tests/api/authz-fixtures.ts), so a 2xx means the route really did the write and a 401/403
 * means the guard stopped a request that would otherwise have succeeded. The server is the guard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minRoleFor } from '../../server/auth/access';
import { createApiToken, createUser } from '../../server/auth/users';
import { collectWriteRoutes, FIXTURES, Fixtures, PASSWORD, sharedCounts, toInject, type RouteScope } from './authz-fixtures';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
let f: Fixtures;
let seeded: Record<string, number> | undefined;
const TAG = 'az';
const tokens: Record<string, string> = {};
let hoSon: number;

/** The principals of the matrix; editors differ by scope. */
const PRINCIPALS = ['anonymous', 'viewer', 'editor-province', 'editor-cluster', 'editor-other-cluster', 'editor-other-province', 'admin'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expected = 200 | 401 | 403; // 200 = any 2xx

/** What each principal gets on a route of each scope (server/auth/access.ts, src/core/auth/permissions.ts). */
const EXPECTED: Record<RouteScope, Record<Principal, Expected>> = {
  public: { anonymous: 200, viewer: 200, 'editor-province': 200, 'editor-cluster': 200, 'editor-other-cluster': 200, 'editor-other-province': 200, admin: 200 },
  'signed-in': { anonymous: 401, viewer: 200, 'editor-province': 200, 'editor-cluster': 200, 'editor-other-cluster': 200, 'editor-other-province': 200, admin: 200 },
  admin: { anonymous: 401, viewer: 403, 'editor-province': 403, 'editor-cluster': 403, 'editor-other-cluster': 403, 'editor-other-province': 403, admin: 200 },
  // The record lies in the throw-away cluster: editors of the province or of that cluster may write it.
  cluster: { anonymous: 401, viewer: 403, 'editor-province': 200, 'editor-cluster': 200, 'editor-other-cluster': 403, 'editor-other-province': 403, admin: 200 },
  // Province-wide writes: an editor scoped to clusters or communes may not.
  province: { anonymous: 401, viewer: 403, 'editor-province': 200, 'editor-cluster': 403, 'editor-other-cluster': 403, 'editor-other-province': 403, admin: 200 },
};

const username = (p: Principal) => (p === 'viewer' ? `mx-${TAG}-viewer` : `mx-${TAG}-${p}`);
const headersOf = (p: Principal): Record<string, string> => ({ authorization: p === 'anonymous' ? '' : `Bearer ${tokens[p]}` });

beforeAll(async () => {
  ctx = await startTestApp();
  f = new Fixtures(ctx.app, ctx.db, TAG);
  seeded = await sharedCounts(ctx.db);
  await f.setUp();
  hoSon = (await ctx.db.pool.query<{ id: number }>("SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Hồ Sơn 1'")).rows[0]!.id;
  const make = async (p: Principal, role: 'viewer' | 'editor' | 'admin', scope: { provinceCode?: string; clusterIds?: number[] } = {}) => {
    const id = await createUser(ctx.db.pool, { username: username(p), password: PASSWORD, role, provinceCode: '20', ...scope });
    tokens[p] = await createApiToken(ctx.db.pool, id, 'matrix');
  };
  await make('viewer', 'viewer');
  await make('editor-province', 'editor');
  await make('editor-cluster', 'editor', { clusterIds: [f.clusterId] });
  await make('editor-other-cluster', 'editor', { clusterIds: [hoSon] });
  await make('editor-other-province', 'editor', { provinceCode: '01' });
  await make('admin', 'admin');
});

afterAll(async () => {
  await f?.tearDown();
  // What the file created is gone again: other test files see the seeded rows only.
  if (seeded) expect(await sharedCounts(ctx.db)).toEqual(seeded);
  await stopTestApp(ctx);
});

const ROLE_OF_SCOPE: Record<RouteScope, ReturnType<typeof minRoleFor>> = { public: 'anyone', 'signed-in': 'signed-in', admin: 'admin', cluster: 'editor', province: 'editor' };
const auditCount = async () => (await ctx.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;

describe('every write route is classified and guarded', () => {
  it('every write route has a fixture (a valid request), and its scope agrees with server/auth/access.ts', () => {
    const routes = collectWriteRoutes(ctx.app);
    expect(routes.length).toBeGreaterThan(40);
    // A newly registered write route fails here until it has a fixture in authz-fixtures.ts.
    expect(routes.filter((k) => !(k in FIXTURES)), 'write routes without a fixture').toEqual([]);
    expect(Object.keys(FIXTURES).filter((k) => !routes.includes(k)), 'fixtures of routes that do not exist').toEqual([]);
    const disagree = routes.filter((k) => ROLE_OF_SCOPE[FIXTURES[k]!.scope] !== minRoleFor(k)).map((k) => `${k}: fixture ${FIXTURES[k]!.scope}, access.ts ${minRoleFor(k)}`);
    expect(disagree).toEqual([]);
  });

  it('anonymous → 401 and viewer → 403 on every write route that needs a role, before the body is even read', async () => {
    let checked = 0;
    for (const key of collectWriteRoutes(ctx.app)) {
      const need = minRoleFor(key);
      if (need === 'anyone') continue;
      const [method, url] = key.split(' ') as ['POST', string];
      const concrete = url.replace(/:id\b/g, String(hoSon)).replace(':period', '2026-H1');
      const anon = await ctx.app.inject({ method, url: concrete, payload: {}, headers: headersOf('anonymous') });
      expect(anon.statusCode, `${key} anonymous`).toBe(401);
      checked++;
      if (need === 'signed-in') continue;
      const viewer = await ctx.app.inject({ method, url: concrete, payload: {}, headers: headersOf('viewer') });
      expect(viewer.statusCode, `${key} viewer`).toBe(403);
      checked++;
    }
    expect(checked).toBeGreaterThan(70);
  });
});

describe('write route × {anonymous, viewer, editor in scope, editor out of scope, admin}', () => {
  const keys = Object.keys(FIXTURES).sort();
  for (const key of keys) {
    const fixture = FIXTURES[key]!;
    it(`${key} (${fixture.scope})`, async () => {
      const got: string[] = [];
      const want: string[] = [];
      for (const p of PRINCIPALS) {
        const call = await fixture.prepare(f, username(p));
        const audit = await auditCount();
        const res = await ctx.app.inject(toInject(call, headersOf(p)));
        const expected = EXPECTED[fixture.scope][p];
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        got.push(`${p} ${ok ? 200 : res.statusCode}${ok || res.statusCode === expected ? '' : ` ${res.body.slice(0, 300)}`}`);
        want.push(`${p} ${expected}`);
        if (ok) await fixture.undo?.(f, username(p));
        // A refused write leaves no trace: not even an audit entry.
        else if (expected !== 200) expect(await auditCount(), `${key} ${p}: refused but audited`).toBe(audit);
      }
      expect(got).toEqual(want);
    });
  }
});

describe('the guard in practice', () => {
  it('a write the guard refuses changes nothing: the cluster keeps its notes and version', async () => {
    const before = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${f.clusterId}` })).json().properties;
    const res = await ctx.app.inject({
      method: 'PATCH', url: `/api/clusters/${f.clusterId}`,
      payload: { version: before.version, notes: 'không được phép' }, headers: headersOf('editor-other-cluster'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('OUT_OF_SCOPE');
    const after = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${f.clusterId}` })).json().properties;
    expect({ notes: after.notes, version: after.version }).toEqual({ notes: before.notes, version: before.version });
  });

  it('parcels and owners are for signed-in users by default', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: `/api/parcels?cluster_id=${f.clusterId}`, headers: headersOf('anonymous') })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/parcels?cluster_id=${f.clusterId}`, headers: headersOf('viewer') })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/clusters', headers: headersOf('anonymous') })).statusCode).toBe(200);
  });
});
