import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appTables } from '../../server/db/backup';
import type { HostileCase } from '../fixtures/hostile/generate';
import { LAZY_BODIES } from '../fixtures/hostile/lazy';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

const root = new URL('../fixtures/hostile/', import.meta.url);
const cases = readdirSync(new URL('cases/', root))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, c: JSON.parse(readFileSync(new URL(`cases/${f}`, root), 'utf8')) as HostileCase }));

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await appTables(ctx.db.pool)) {
    out[t.name] = (await ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name}"`)).rows[0]!.n;
  }
  return out;
}

async function bytes(x: string | Promise<Buffer> | Buffer): Promise<Buffer> {
  const v = await x;
  return typeof v === 'string' ? Buffer.from(v) : v;
}

/** Builds the request body of a case (JSON, raw text, base64, lazy, or one multipart file part). */
async function body(c: HostileCase): Promise<{ payload?: Buffer; headers: Record<string, string> }> {
  const headers = { ...(c.headers ?? {}) };
  if (c.multipart) {
    const m = c.multipart;
    const content = m.lazy
      ? await bytes(LAZY_BODIES[m.lazy]!())
      : m.file
        ? readFileSync(new URL(`files/${m.file}`, root))
        : m.base64
          ? Buffer.from(m.base64, 'base64')
          : Buffer.from(m.text ?? '');
    const boundary = '----ccnHostileBoundary7MA4YWxkTrZu0gW';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${m.field}"; filename="${m.filename}"\r\nContent-Type: ${m.contentType}\r\n\r\n`;
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers };
  }
  if (c.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    return { payload: Buffer.from(JSON.stringify(c.json)), headers };
  }
  if (c.lazy) return { payload: await bytes(LAZY_BODIES[c.lazy]!()), headers };
  if (c.rawBase64) return { payload: Buffer.from(c.rawBase64, 'base64'), headers };
  if (c.raw !== undefined) return { payload: Buffer.from(c.raw), headers };
  return { headers };
}

describe('hostile-input corpus', () => {
  it('has at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it.each(cases)('$file', async ({ c }) => {
    const before = await rowCounts();
    const { payload, headers } = await body(c);
    const res = await ctx.app.inject({ method: c.method, url: c.url, headers, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
    if (c.expect === 'ok') return;
    if (c.expect === 'refused' && res.statusCode < 300) {
      // A parse report: every feature refused, each with a reason.
      const report = res.json() as { features: { status: string; issues: { message: string }[] }[] };
      expect(report.features.length, res.body.slice(0, 300)).toBeGreaterThan(0);
      for (const f of report.features) {
        expect(f.status).toBe('refused');
        expect(f.issues[0]?.message, res.body.slice(0, 300)).toBeTruthy();
      }
    } else {
      expect(res.statusCode, res.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
      const err = res.json().error;
      expect(typeof err?.message, res.body.slice(0, 300)).toBe('string');
      expect(err.message.length).toBeGreaterThan(0);
    }
    expect(await rowCounts()).toEqual(before);
  }, 180_000);

  it('the server still answers afterwards', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
  });
});
