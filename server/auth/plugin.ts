import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleAtLeast } from '../../src/core/auth/permissions';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { sessionUser, tokenUser } from '../sql/auth.sql';
import { minRoleFor, PERSONAL_DATA_PREFIXES, routeKey, writeTarget } from './access';
import { assertCanWrite } from './guard';
import { safeEqual, sha256 } from './secrets';
import { toRequestUser, type UserRow } from './users';

export const SESSION_COOKIE = 'ccn_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthOptions {
  /** Reading parcels and owners' personal data without signing in (default false). */
  publicParcels: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** CSRF token of the cookie session, when signed in by cookie. */
    csrfToken?: string;
    viaCookie?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF defence for cookie sessions (the cookie is also SameSite=Strict): the
 * request carries the session's CSRF token, or the browser says it comes from
 * our own pages (Fetch Metadata `Sec-Fetch-Site: same-origin`, or an `Origin`
 * equal to our own). A cross-site form or fetch has neither.
 */
function sameOriginRequest(req: FastifyRequest): boolean {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent === 'string' && req.csrfToken && safeEqual(sent, req.csrfToken)) return true;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  if (!origin) return false;
  const proto = (req.headers['x-forwarded-proto'] as string | undefined) ?? req.protocol;
  return origin === `${proto}://${req.headers.host}`;
}

async function resolveUser(req: FastifyRequest, db: Database): Promise<void> {
  req.user = null;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const { rows } = await db.pool.query<UserRow>(tokenUser, [sha256(auth.slice(7).trim())]);
    if (rows[0]) req.user = toRequestUser(rows[0]);
    return;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie || cookie.length > 200) return;
  const { rows } = await db.pool.query<UserRow & { csrf_token: string }>(sessionUser, [sha256(cookie)]);
  if (rows[0]) {
    req.user = toRequestUser(rows[0]);
    req.csrfToken = rows[0].csrf_token;
    req.viaCookie = true;
  }
}

/**
 * Authentication (session cookie or bearer token) and the server-side guard of
 * every write (server/auth/access.ts says who may call which route): a signed-in
 * user of the route's role, the CSRF check for cookie sessions, and the editor's
 * scope (province, communes, clusters) covering the record written.
 */
export async function registerAuth(app: FastifyInstance, db: Database, opts: AuthOptions): Promise<void> {
  await app.register(fastifyCookie);
  // Only routes that set config.rateLimit are limited (sign-in, password change).
  await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest('user', null);
  // Who is asking (a session or token lookup): for the API, and for the tiles of personal data only —
  // a signed-in planner's map asks for plan-zone tiles by the hundred, and they are the same for all.
  app.addHook('onRequest', async (req) => {
    const tile = req.url.startsWith('/tiles/');
    if (tile ? PERSONAL_DATA_PREFIXES.some((p) => req.url.startsWith(p)) : req.url.startsWith('/api/') || req.url.startsWith('/ogc'))
      await resolveUser(req, db);
  });
  // Who may call the route: before the body is even validated.
  app.addHook('preValidation', async (req) => {
    if (!UNSAFE.has(req.method)) {
      if (!opts.publicParcels && !req.user && PERSONAL_DATA_PREFIXES.some((p) => req.url.startsWith(p))) {
        throw new HttpError(401, 'UNAUTHENTICATED', 'Đăng nhập để xem thửa đất và dữ liệu cá nhân (sign in to see parcels and personal data)');
      }
      return;
    }
    if (!req.url.startsWith('/api/')) return;
    const need = minRoleFor(routeKey(req));
    if (need === 'anyone') return;
    if (!req.user) throw new HttpError(401, 'UNAUTHENTICATED', 'Cần đăng nhập (sign in required)');
    if (req.viaCookie && !sameOriginRequest(req)) {
      throw new HttpError(403, 'CSRF', `Yêu cầu từ trang khác bị từ chối (cross-site request refused: send the ${CSRF_HEADER} header)`);
    }
    if (need !== 'signed-in' && !roleAtLeast(req.user.role, need)) {
      throw new HttpError(403, 'FORBIDDEN', `Vai trò ${req.user.role} không được phép (role ${req.user.role} may not do this; needs ${need})`);
    }
    if (req.user.mustChangePassword && need !== 'signed-in') {
      throw new HttpError(403, 'PASSWORD_CHANGE_REQUIRED', 'Hãy đổi mật khẩu một lần trước (change the one-time password first)');
    }
  });
  // Which record the write touches, once the body is validated: the editor's scope must cover it.
  app.addHook('preHandler', async (req) => {
    if (!UNSAFE.has(req.method) || !req.user || req.user.role === 'admin') return;
    if (minRoleFor(routeKey(req)) !== 'editor') return;
    const target = await writeTarget(req, db.pool);
    if (target) assertCanWrite(req, target);
  });
}
