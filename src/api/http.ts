import { ApiError } from './client';

let csrfToken: string | null = null;

/** Remembers the session's CSRF token (from sign-in or /api/auth/me) for writes. */
export function setCsrfToken(t: string | null): void {
  csrfToken = t;
}

/** The session's CSRF token, for requests not sent through sendJson (multipart uploads). */
export const getCsrfToken = (): string | null => csrfToken;

/**
 * Sends JSON to the API and returns the JSON answer; a 4xx/5xx becomes an
 * ApiError carrying the server's code, message and details.
 */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (!res.ok) throw new ApiError(res.status, json.error?.code ?? 'HTTP', json.error?.message ?? res.statusText, json.error?.details);
  return json as T;
}
