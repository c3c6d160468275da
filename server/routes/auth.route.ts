import type { FastifyInstance, FastifyReply } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/plugin';
import { hashPassword, passwordProblem, randomSecret, sha256, verifyPassword } from '../auth/secrets';
import { toRequestUser, type UserRow } from '../auth/users';
import { withTransaction, type Database } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { deleteSession, deleteUserSessions, insertSession, purgeExpiredSessions, setPassword, userByUsername } from '../sql/auth.sql';

const SESSION_HOURS = 12;
const FAILED = 'Sai tên đăng nhập hoặc mật khẩu (wrong username or password)';

const userSchema = {
  type: ['object', 'null'],
  properties: {
    id: { type: 'integer' },
    username: { type: 'string' },
    role: { type: 'string', enum: ['viewer', 'editor', 'admin'] },
    provinceCode: { type: ['string', 'null'] },
    communeCodes: { type: 'array', items: { type: 'string' } },
    clusterIds: { type: 'array', items: { type: 'integer' } },
    mustChangePassword: { type: 'boolean' },
  },
} as const;

const sessionSchema = {
  type: 'object',
  properties: { user: userSchema, csrfToken: { type: ['string', 'null'] } },
} as const;

function setSessionCookie(reply: FastifyReply, token: string | null): void {
  if (token === null) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return;
  }
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
    maxAge: SESSION_HOURS * 3600,
  });
}

/** Sign in (session cookie + CSRF token), sign out, who am I, change password. */
export function authRoutes(app: FastifyInstance, db: Database): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Sign in; sets an httpOnly SameSite session cookie and returns the CSRF token',
        tags: ['accounts'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 60 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 200: sessionSchema },
      },
    },
    async (req, reply) => {
      const { rows } = await db.pool.query<UserRow & { password_hash: string }>(userByUsername, [req.body.username.trim().toLowerCase()]);
      const row = rows[0];
      const ok = row && !row.disabled && (await verifyPassword(req.body.password, row.password_hash));
      if (!row || !ok) throw new HttpError(401, 'LOGIN_FAILED', FAILED);
      const token = randomSecret();
      const csrfToken = randomSecret(24);
      await db.pool.query(purgeExpiredSessions);
      await db.pool.query(insertSession, [sha256(token), row.id, csrfToken, SESSION_HOURS]);
      setSessionCookie(reply, token);
      return { user: toRequestUser(row), csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { summary: 'Sign out', tags: ['accounts'], response: { 200: sessionSchema } } },
    async (req, reply) => {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await db.pool.query(deleteSession, [sha256(cookie)]);
      setSessionCookie(reply, null);
      return { user: null, csrfToken: null };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { summary: `The signed-in user and the CSRF token to send as ${CSRF_HEADER}`, tags: ['accounts'], response: { 200: sessionSchema } } },
    async (req) => ({ user: req.user ?? null, csrfToken: req.csrfToken ?? null }),
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Change my password (signs out my other sessions)',
        tags: ['accounts'],
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: { type: 'string', maxLength: 200 }, newPassword: { type: 'string', maxLength: 200 } },
        },
        response: { 200: sessionSchema },
      },
    },
    async (req) => {
      const user = req.user!;
      const { rows } = await db.pool.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [user.id]);
      if (!rows[0] || !(await verifyPassword(req.body.currentPassword, rows[0].password_hash))) {
        throw new HttpError(400, 'WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng (current password is wrong)', { field: 'currentPassword' });
      }
      const problem = passwordProblem(req.body.newPassword);
      if (problem) throw new HttpError(400, 'WEAK_PASSWORD', problem, { field: 'newPassword' });
      const hash = await hashPassword(req.body.newPassword);
      const keep = req.cookies[SESSION_COOKIE];
      await withTransaction(db.pool, async (c) => {
        await c.query(setPassword, [user.id, hash]);
        await c.query(deleteUserSessions, [user.id]);
        if (keep) await c.query(insertSession, [sha256(keep), user.id, req.csrfToken ?? randomSecret(24), SESSION_HOURS]);
        await writeAudit(c, { actor: user.username, action: 'password_change', entity: 'users', entityId: user.id });
      });
      return { user: { ...user, mustChangePassword: false }, csrfToken: req.csrfToken ?? null };
    },
  );
}
