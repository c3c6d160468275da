import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminHeaders, startTestApp, stopTestApp, type TestContext } from './helpers';

/** How long the writers run (30 s by the acceptance; shorter while developing). */
const SECONDS = Number(process.env.CONCURRENCY_SECONDS ?? 30);
const WRITERS = 50;

let ctx: TestContext;
let base: string;
beforeAll(async () => {
  ctx = await startTestApp();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
});
afterAll(() => stopTestApp(ctx));

interface Cluster {
  properties: { id: number; version: number; workers: number | null };
}

describe(`${WRITERS} concurrent writers on one record for ${SECONDS} s (loopback)`, () => {
  it('lose no update, and the audit log has exactly one row per successful write', async () => {
    const { rows } = await ctx.db.pool.query<{ id: number }>("SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Minh Sơn'");
    const id = rows[0]!.id;
    const url = `${base}/api/clusters/${id}`;
    const headers = { ...adminHeaders(), 'content-type': 'application/json' };
    const read = async () => {
      const res = await fetch(url);
      const body = (await res.json()) as Cluster;
      if (!body.properties) throw new Error(`GET ${url} → ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return body.properties;
    };
    const start = await read();
    const auditBefore = (await ctx.db.pool.query<{ n: number }>("SELECT max(id)::int AS n FROM audit_log")).rows[0]!.n ?? 0;
    const deadline = Date.now() + SECONDS * 1000;
    let ok = 0;
    let conflicts = 0;
    let other = 0;
    const writer = async () => {
      while (Date.now() < deadline) {
        const cur = await read();
        const res = await fetch(url, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ version: cur.version, workers: (cur.workers ?? 0) + 1 }),
        });
        if (res.status === 200) ok++;
        else if (res.status === 409) conflicts++;
        else other++;
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    const end = await read();
    console.log(`[concurrency] ${ok} writes succeeded, ${conflicts} got 409, ${other} other, in ${SECONDS} s`);
    expect(other).toBe(0);
    expect(ok).toBeGreaterThan(0);
    expect(conflicts).toBeGreaterThan(0);
    // No lost update: every successful +1 is in the final figure and the version.
    expect(end.workers).toBe((start.workers ?? 0) + ok);
    expect(end.version).toBe(start.version + ok);
    const audit = await ctx.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND entity = 'cluster' AND entity_id = $2 AND action = 'update'",
      [auditBefore, String(id)],
    );
    expect(audit.rows[0]!.n).toBe(ok);
    // Put the figure back.
    const back = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ version: end.version, workers: start.workers }) });
    expect(back.status).toBe(200);
  }, (SECONDS + 60) * 1000);
});
