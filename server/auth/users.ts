import type pg from 'pg';
import type { Role } from '../../src/core/auth/permissions';
import type { RequestUser } from '../http/actor';
import { countUsers, insertToken, insertUser } from '../sql/auth.sql';
import { hashPassword, randomSecret, sha256 } from './secrets';

export interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  province_code: string | null;
  commune_codes: string[];
  cluster_ids: number[];
  must_change_password: boolean;
  disabled: boolean;
  version: number;
}

export const toRequestUser = (r: UserRow): RequestUser => ({
  id: r.id,
  username: r.username,
  role: r.role,
  provinceCode: r.province_code,
  communeCodes: r.commune_codes,
  clusterIds: r.cluster_ids,
  mustChangePassword: r.must_change_password,
});

export interface NewUser {
  username: string;
  displayName?: string | null;
  password: string;
  role: Role;
  provinceCode?: string | null;
  communeCodes?: string[];
  clusterIds?: number[];
  mustChangePassword?: boolean;
}

export async function createUser(db: pg.Pool | pg.PoolClient, u: NewUser): Promise<number> {
  const { rows } = await db.query<{ id: number }>(insertUser, [
    u.username, u.displayName ?? null, await hashPassword(u.password), u.role, u.provinceCode ?? null,
    u.communeCodes ?? [], u.clusterIds ?? [], u.mustChangePassword ?? false,
  ]);
  return rows[0]!.id;
}

/** Issues an API token (bearer) for a user; returns the token, shown once. */
export async function createApiToken(db: pg.Pool | pg.PoolClient, userId: number, name: string): Promise<string> {
  const token = `ccn_${randomSecret(24)}`;
  await db.query(insertToken, [sha256(token), userId, name]);
  return token;
}

/**
 * On the first start (no account yet) creates the admin: its password is
 * ADMIN_PASSWORD, or a one-time password printed once that must be changed.
 */
export async function ensureFirstAdmin(pool: pg.Pool, log: (msg: string) => void, adminPassword?: string): Promise<void> {
  const { rows } = await pool.query<{ n: number }>(countUsers);
  if (rows[0]!.n > 0) return;
  const password = adminPassword || randomSecret(12);
  await createUser(pool, {
    username: 'admin', displayName: 'Quản trị viên', password, role: 'admin', provinceCode: '20',
    mustChangePassword: !adminPassword,
  });
  if (adminPassword) log('admin account created with the password from ADMIN_PASSWORD');
  else log(`admin account created — one-time password (shown only now, change it at first login): ${password}`);
}
