/**
 * plan_zones.layer_id must name a plan layer (migration 066 checks it once per statement instead
 * of a per-row foreign key): a zone of an unknown layer is refused, deleting a layer deletes its
 * zones, and a layer with zones cannot be renamed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await ctx.db.pool.query("DELETE FROM plan_layers WHERE id IN ('integrity_test', 'integrity_renamed')").catch(() => undefined);
  await stopTestApp(ctx);
});

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];
const square = "ST_Multi(ST_MakeEnvelope(106.70, 21.80, 106.701, 21.801, 4326))";
const count = async (layer: string) => (await q<{ n: number }>('SELECT count(*)::int AS n FROM plan_zones WHERE layer_id = $1', [layer]))[0]!.n;

describe('plan zones refer to a plan layer', () => {
  it('refuses a zone of a layer that does not exist, naming it, and writes nothing', async () => {
    const before = (await q<{ n: number }>('SELECT count(*)::int AS n FROM plan_zones'))[0]!.n;
    const err = await q(`INSERT INTO plan_zones (layer_id, land_code, geom) VALUES ('no_such_layer', 'LUC', ${square}), ('land_use', 'LUC', ${square})`).catch((e: { code: string; message: string }) => e);
    expect(err).toMatchObject({ code: '23503' });
    expect((err as { message: string }).message).toContain('no_such_layer');
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM plan_zones'))[0]!.n).toBe(before);
    const moved = await q(`UPDATE plan_zones SET layer_id = 'no_such_layer' WHERE id = (SELECT min(id) FROM plan_zones)`).catch((e: { code: string }) => e);
    expect(moved).toMatchObject({ code: '23503' });
  });

  it('deleting a layer deletes its zones; a layer with zones keeps its id', async () => {
    await q("INSERT INTO plan_layers (id, name_vi, name_en, kind, sort_order) VALUES ('integrity_test', 'Kiểm thử', 'Test', 'land_use', 99)");
    await q(`INSERT INTO plan_zones (layer_id, land_code, geom) VALUES ('integrity_test', 'LUC', ${square}), ('integrity_test', 'RSX', ${square})`);
    expect(await count('integrity_test')).toBe(2);
    const renamed = await q("UPDATE plan_layers SET id = 'integrity_renamed' WHERE id = 'integrity_test'").catch((e: { code: string }) => e);
    expect(renamed).toMatchObject({ code: '23503' });
    await q("DELETE FROM plan_layers WHERE id = 'integrity_test'");
    expect(await count('integrity_test')).toBe(0);
  });
});
