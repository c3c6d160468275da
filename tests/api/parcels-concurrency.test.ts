import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, stopTestApp, type TestContext } from './helpers';
import { createParcel, removeTestParcels, spot, type Spot } from './parcels-fixtures';

let ctx: TestContext;
let s: Spot;
beforeAll(async () => {
  ctx = await startTestApp();
  s = await spot(ctx.db);
  await removeTestParcels(ctx.db);
});
afterAll(async () => {
  await removeTestParcels(ctx.db);
  await stopTestApp(ctx);
});

const EDITORS = 50;

describe('two (fifty) editors changing the same parcel', () => {
  it('each stale save gets 409 with the current state; retrying from it, every edit lands once, in version order', async () => {
    const p = await createParcel(ctx.app, s, 'cc', 0);
    let attempts = 0;
    let conflicts = 0;
    const won: { editor: number; version: number }[] = [];
    const editor = async (i: number) => {
      let version = 1;
      for (;;) {
        attempts++;
        const res = await ctx.app.inject({ method: 'PATCH', url: `/api/parcels/${p.id}`, payload: { version, notes: `editor ${i}` } });
        if (res.statusCode === 200) {
          const v = res.json().properties.version;
          expect(v).toBe(version + 1);
          expect(res.json().properties.notes).toBe(`editor ${i}`);
          won.push({ editor: i, version: v });
          return;
        }
        expect(res.statusCode, res.body).toBe(409);
        conflicts++;
        const err = res.json().error;
        expect(err.code).toBe('VERSION_CONFLICT');
        const current = err.details.current;
        expect(current.id).toBe(p.id);
        expect(current.properties.version).toBeGreaterThan(version);
        expect(current.properties.notes).toMatch(/^editor \d+$/);
        version = current.properties.version;
      }
    };
    await Promise.all(Array.from({ length: EDITORS }, (_, i) => editor(i)));

    expect(won).toHaveLength(EDITORS);
    expect(attempts - conflicts).toBe(EDITORS);
    expect(conflicts).toBeGreaterThan(0);
    const final = (await ctx.app.inject({ method: 'GET', url: `/api/parcels/${p.id}` })).json();
    expect(final.properties.version).toBe(EDITORS + 1);
    // Exactly the successful saves are recorded, in order: versions 2..51, each editor once.
    const audit = (await ctx.db.pool.query<{ before: { version: number }; after: { version: number; notes: string } }>(
      "SELECT before, after FROM audit_log WHERE entity = 'parcel' AND entity_id = $1 AND action = 'update' ORDER BY id",
      [String(p.id)],
    )).rows;
    expect(audit.map((a) => a.after.version)).toEqual(Array.from({ length: EDITORS }, (_, i) => i + 2));
    expect(audit.map((a) => a.before.version)).toEqual(Array.from({ length: EDITORS }, (_, i) => i + 1));
    expect(new Set(audit.map((a) => a.after.notes)).size).toBe(EDITORS);
    const byVersion = new Map(won.map((w) => [w.version, w.editor]));
    for (const a of audit) expect(a.after.notes).toBe(`editor ${byVersion.get(a.after.version)}`);
    expect(final.properties.notes).toBe(audit.at(-1)!.after.notes);
  }, 180_000);

  it('fifty concurrent transitions from the same version: one is recorded, 49 get 409 with the new status', async () => {
    const p = await createParcel(ctx.app, s, 'cc', 1);
    const results = await Promise.all(
      Array.from({ length: EDITORS }, (_, i) =>
        ctx.app.inject({ method: 'POST', url: `/api/parcels/${p.id}/transitions`, payload: { version: 1, action: 'hold_meeting', date: '2025-06-10', note: `editor ${i}` } }),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    const stale = results.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(EDITORS - 1);
    for (const r of stale) expect(r.json().error.details.current.properties).toMatchObject({ status: 'meeting', version: 2 });
    const events = (await ctx.db.pool.query<{ seq: number; note: string }>('SELECT seq, note FROM parcel_events WHERE parcel_id = $1', [p.id])).rows;
    expect(events).toHaveLength(1);
    expect(events[0]!.note).toBe(ok[0]!.json().events[0].note);
  }, 180_000);
});
