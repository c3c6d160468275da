import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { createApiToken, createUser } from '../../server/auth/users';
import { connectDatabase, type Database } from '../../server/db/database';

let db: Database;
let app: FastifyInstance;
const PW = 'mat-khau-2026';
const names = ['t-admin', 't-editor', 't-viewer', 't-fresh'];

beforeAll(async () => {
  db = await connectDatabase(inject('dbUrl'), inject('backend'), { seed: false });
  app = await buildApp({ db, auth: { publicParcels: false } });
  await db.pool.query('DELETE FROM users WHERE username = ANY($1)', [names]);
  await createUser(db.pool, { username: 't-admin', password: PW, role: 'admin', provinceCode: '20' });
  await createUser(db.pool, { username: 't-editor', password: PW, role: 'editor', provinceCode: '20' });
  await createUser(db.pool, { username: 't-viewer', password: PW, role: 'viewer', provinceCode: '20' });
  await createUser(db.pool, { username: 't-fresh', password: PW, role: 'admin', provinceCode: '20', mustChangePassword: true });
});
afterAll(async () => {
  await db.pool.query("DELETE FROM users WHERE username = ANY($1) OR username LIKE 't-new-%'", [names]);
  await app.close();
  await db.close();
});

async function login(username: string, password = PW) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.0.0.${names.indexOf(username) + 10}` });
  const cookie = res.cookies.find((c) => c.name === 'ccn_session');
  return { res, cookie: cookie ? `ccn_session=${cookie.value}` : '', csrf: res.json().csrfToken as string, raw: cookie };
}

const newUser = (suffix: string) => ({ username: `t-new-${suffix}`, password: 'a-long-pass-1', role: 'viewer' });

describe('sign in', () => {
  it('refuses a wrong password with 401 and a clear message', async () => {
    const { res } = await login('t-editor', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toContain('Sai tên đăng nhập hoặc mật khẩu');
  });

  it('sets an httpOnly SameSite=Strict session cookie and reports the user', async () => {
    const { res, raw, cookie } = await login('t-editor');
    expect(res.statusCode).toBe(200);
    expect(raw?.httpOnly).toBe(true);
    expect(raw?.sameSite).toBe('Strict');
    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({ username: 't-editor', role: 'editor', provinceCode: '20' });
  });

  it('limits sign-in attempts per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: '10.9.9.9' });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('the write guard', () => {
  it('anonymous → 401, viewer → 403, admin → 201', async () => {
    const anon = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('a') });
    expect(anon.statusCode).toBe(401);
    const viewer = await login('t-viewer');
    const v = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('b'), headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf } });
    expect(v.statusCode).toBe(403);
    const admin = await login('t-admin');
    const a = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('c'), headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } });
    expect(a.statusCode).toBe(201);
    const audit = await db.pool.query("SELECT actor, action, after FROM audit_log WHERE entity = 'users' AND entity_id = $1", [String(a.json().id)]);
    expect(audit.rows).toEqual([expect.objectContaining({ actor: 't-admin', action: 'create' })]);
    expect(JSON.stringify(audit.rows[0].after)).not.toContain('a-long-pass-1');
  });

  it('refuses a cross-site request that rides on the cookie (CSRF), accepts a same-origin one', async () => {
    const admin = await login('t-admin');
    const cross = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('d'), headers: { cookie: admin.cookie, 'sec-fetch-site': 'cross-site' } });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.code).toBe('CSRF');
    const noHeaders = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('e'), headers: { cookie: admin.cookie } });
    expect(noHeaders.statusCode).toBe(403);
    const same = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('f'), headers: { cookie: admin.cookie, 'sec-fetch-site': 'same-origin' } });
    expect(same.statusCode).toBe(201);
    const { rows } = await db.pool.query("SELECT username FROM users WHERE username IN ('t-new-d', 't-new-e')");
    expect(rows).toEqual([]);
  });

  it('accepts a bearer token for API clients', async () => {
    const { rows } = await db.pool.query<{ id: number }>("SELECT id FROM users WHERE username = 't-admin'");
    const token = await createApiToken(db.pool, rows[0]!.id, 'test');
    const res = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('g'), headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(201);
    const bad = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('h'), headers: { authorization: 'Bearer nope' } });
    expect(bad.statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('a one-time password must be changed before any write; weak passwords are refused', async () => {
    const fresh = await login('t-fresh');
    const h = { cookie: fresh.cookie, 'x-csrf-token': fresh.csrf };
    const blocked = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('i'), headers: h });
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PW, newPassword: 'short' }, headers: h });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.field).toBe('newPassword');
    const ok = await app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PW, newPassword: 'a-better-pass-9' }, headers: h });
    expect(ok.statusCode).toBe(200);
    const now = await app.inject({ method: 'POST', url: '/api/users', payload: newUser('j'), headers: h });
    expect(now.statusCode).toBe(201);
    expect((await login('t-fresh', 'a-better-pass-9')).res.statusCode).toBe(200);
  });
});

describe('the audit log', () => {
  it('is append-only in the database itself', async () => {
    await expect(db.pool.query("UPDATE audit_log SET actor = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('is readable by signed-in users and exports as CSV', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(401);
    const viewer = await login('t-viewer');
    const csv = await app.inject({ method: 'GET', url: '/api/audit?entity=users&format=csv', headers: { cookie: viewer.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('t-admin,create,users');
  });
});
