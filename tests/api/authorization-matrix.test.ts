/**
 * Authorization matrix: every write route of the API against anonymous users,
 * viewers, editors in and out of scope, and admins. The server is the guard.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { minRoleFor, WRITE_SCOPES } from '../../server/auth/access';
import { createApiToken, createUser } from '../../server/auth/users';
import { connectDatabase, type Database } from '../../server/db/database';

let db: Database;
let app: FastifyInstance;
const writeRoutes: { method: string; url: string }[] = [];
const tokens: Record<string, string> = {};
const PW = 'matrix-pass-2026';
const NAMES = ['m-viewer', 'm-editor-prov', 'm-editor-hoson', 'm-editor-other', 'm-admin'];
let hoSon: number;
let dinhLap: number;

beforeAll(async () => {
  db = await connectDatabase(inject('dbUrl'), inject('backend'), { seed: false });
  app = await buildApp({ db });
  const ids = await db.pool.query<{ id: number; name: string }>('SELECT id, name FROM clusters');
  hoSon = ids.rows.find((r) => r.name === 'Cụm công nghiệp Hồ Sơn 1')!.id;
  dinhLap = ids.rows.find((r) => r.name === 'Cụm công nghiệp Đình Lập')!.id;
  await db.pool.query('DELETE FROM users WHERE username = ANY($1)', [NAMES]);
  const make = async (username: string, role: 'viewer' | 'editor' | 'admin', scope: { clusterIds?: number[]; communeCodes?: string[] } = {}) => {
    const id = await createUser(db.pool, { username, password: PW, role, provinceCode: '20', ...scope });
    tokens[username] = await createApiToken(db.pool, id, 'matrix');
  };
  await make('m-viewer', 'viewer');
  await make('m-editor-prov', 'editor');
  await make('m-editor-hoson', 'editor', { clusterIds: [hoSon] });
  await make('m-editor-other', 'editor', { communeCodes: ['06172'] }); // Tân Mỹ (Văn Lãng 2) only
  await make('m-admin', 'admin');
});

afterAll(async () => {
  await db.pool.query('DELETE FROM users WHERE username = ANY($1)', [NAMES]);
  await app.close();
  await db.close();
});

/** Every unsafe route the app registered, from fastify's own route table. */
function collectWriteRoutes(a: FastifyInstance): { method: string; url: string }[] {
  const out: { method: string; url: string }[] = [];
  const tree = a.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  for (const raw of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(raw);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const url = stack.join('');
    for (const method of m[3]!.split(',').map((s) => s.trim())) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && url.startsWith('/api/')) out.push({ method, url });
    }
  }
  return out;
}

const as = (who: string | null) => (who ? { authorization: `Bearer ${tokens[who]}` } : {});
const concrete = (url: string) => url.replace(/:id\b/g, String(hoSon)).replace(':period', '2026-H1');

describe('every write route is classified and guarded', () => {
  it('the route table lists every write route of the API', () => {
    writeRoutes.push(...collectWriteRoutes(app));
    expect(writeRoutes.length).toBeGreaterThan(30);
    const unlisted = writeRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !(k in WRITE_SCOPES) && minRoleFor(k) === 'admin' && !['POST /api/users', 'POST /api/users/:id/tokens'].includes(k));
    expect(unlisted).toEqual([]);
  });

  it('anonymous → 401 and viewer → 403 on every write route that needs a role', async () => {
    const rows: string[] = [];
    for (const r of writeRoutes) {
      const key = `${r.method} ${r.url}`;
      const need = minRoleFor(key);
      if (need === 'anyone') continue;
      const anon = await app.inject({ method: r.method as 'POST', url: concrete(r.url), payload: {} });
      rows.push(`${key} anonymous ${anon.statusCode}`);
      expect(anon.statusCode, `${key} anonymous`).toBe(401);
      if (need === 'signed-in') continue;
      const viewer = await app.inject({ method: r.method as 'POST', url: concrete(r.url), payload: {}, headers: as('m-viewer') });
      rows.push(`${key} viewer ${viewer.statusCode}`);
      expect(viewer.statusCode, `${key} viewer`).toBe(403);
    }
    expect(rows.length).toBeGreaterThan(60);
  });
});

describe('editors in and out of scope, admins', () => {
  /** A valid edit of a cluster record (changes nothing, so it can be repeated). */
  const patchCluster = async (who: string, id: number) => {
    const cur = (await app.inject({ method: 'GET', url: `/api/clusters/${id}` })).json();
    return app.inject({
      method: 'PATCH',
      url: `/api/clusters/${id}`,
      payload: { version: cur.properties.version, notes: cur.properties.notes },
      headers: as(who),
    });
  };

  it('PATCH /api/clusters/:id', async () => {
    expect((await patchCluster('m-editor-prov', hoSon)).statusCode).toBe(200);
    expect((await patchCluster('m-editor-hoson', hoSon)).statusCode).toBe(200);
    expect((await patchCluster('m-editor-hoson', dinhLap)).statusCode).toBe(403);
    expect((await patchCluster('m-editor-other', hoSon)).statusCode).toBe(403);
    expect((await patchCluster('m-admin', dinhLap)).statusCode).toBe(200);
  });

  it('POST /api/clusters/:id/decisions', async () => {
    const post = (who: string, id: number) =>
      app.inject({
        method: 'POST',
        url: `/api/clusters/${id}/decisions`,
        payload: { number: '99/QĐ-MATRIX', date: '2026-01-05', issuer: 'UBND tỉnh Lạng Sơn', kind: 'adjustment' },
        headers: as(who),
      });
    const out = await post('m-editor-other', hoSon);
    expect(out.statusCode).toBe(403);
    const ok = await post('m-editor-hoson', hoSon);
    expect(ok.statusCode).toBe(201);
    const created = ok.json();
    const id = created.id ?? created.decision?.id;
    const cur = await db.pool.query<{ version: number }>('SELECT version FROM decisions WHERE id = $1', [id]);
    const delOut = await app.inject({ method: 'DELETE', url: `/api/decisions/${id}?version=${cur.rows[0]!.version}`, headers: as('m-editor-other') });
    expect(delOut.statusCode).toBe(403);
    const del = await app.inject({ method: 'DELETE', url: `/api/decisions/${id}?version=${cur.rows[0]!.version}`, headers: as('m-admin') });
    expect(del.statusCode).toBeLessThan(300);
  });

  it('POST /api/users is for admins only', async () => {
    const body = { username: 'm-new-user', password: 'a-long-pass-1', role: 'viewer' };
    expect((await app.inject({ method: 'POST', url: '/api/users', payload: body, headers: as('m-editor-prov') })).statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/users', payload: body, headers: as('m-admin') });
    expect(ok.statusCode).toBe(201);
    await db.pool.query("DELETE FROM users WHERE username = 'm-new-user'");
  });

  it('analysis and exports are open to anyone (they store nothing)', async () => {
    const g = { type: 'Polygon', coordinates: [[[107.09, 21.55], [107.095, 21.55], [107.095, 21.555], [107.09, 21.555], [107.09, 21.55]]] };
    const res = await app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: { geometry: g } });
    expect(res.statusCode).toBe(200);
  });

  it('parcels and owners are for signed-in users by default', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/parcels?cluster_id=${dinhLap}` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/parcels?cluster_id=${dinhLap}`, headers: as('m-viewer') })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/clusters' })).statusCode).toBe(200);
  });
});
