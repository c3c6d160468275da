import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';

const BCRYPT_COST = 10;

export const hashPassword = (password: string): Promise<string> => bcrypt.hash(password, BCRYPT_COST);
export const verifyPassword = (password: string, hash: string): Promise<boolean> => bcrypt.compare(password, hash);

/** A random URL-safe secret (session cookie, CSRF token, API token, one-time password). */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Session and API tokens are stored hashed: a database dump does not log anyone in. */
export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Password policy: at least 10 characters, not all of one kind. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Mật khẩu phải có ít nhất 10 ký tự (password must have at least 10 characters)';
  if (password.length > 200) return 'Mật khẩu quá dài (password too long)';
  if (/^(\d+|[a-zA-Z]+)$/.test(password)) return 'Mật khẩu phải có cả chữ và số hoặc ký tự khác (mix letters with digits or symbols)';
  return null;
}
