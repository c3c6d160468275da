import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLUSTER_FIELDS, pickRecord } from '../../src/core/clusters/record';
import { updateCluster } from '../../server/sql/clusters.sql';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
let minhSon: { id: number; row: Record<string, unknown> };
let dinhLapId: number;
const createdDecisions: number[] = [];

const idOf = async (name: string) =>
  (await ctx.db.pool.query<{ id: number }>('SELECT id FROM clusters WHERE name = $1', [name])).rows[0]!.id;
const rowOf = async (id: number) => (await ctx.db.pool.query<Record<string, unknown>>('SELECT * FROM clusters WHERE id = $1', [id])).rows[0]!;

beforeAll(async () => {
  ctx = await startTestApp();
  const id = await idOf('Cụm công nghiệp Minh Sơn');
  minhSon = { id, row: await rowOf(id) };
  dinhLapId = await idOf('Cụm công nghiệp Đình Lập');
});
afterAll(async () => {
  // Leave the shared seeded database as it was.
  if (ctx && minhSon) {
    const r = pickRecord(minhSon.row);
    await ctx.db.pool.query(updateCluster, [minhSon.id, ...CLUSTER_FIELDS.map((f) => r[f])]);
    await ctx.db.pool.query('UPDATE clusters SET version = $2 WHERE id = $1', [minhSon.id, minhSon.row.version]);
  }
  if (ctx && createdDecisions.length) await ctx.db.pool.query('DELETE FROM decisions WHERE id = ANY ($1)', [createdDecisions]);
  await stopTestApp(ctx);
});

const patch = (id: number, body: object) => ctx.app.inject({ method: 'PATCH', url: `/api/clusters/${id}`, payload: body });

describe('PATCH /api/clusters/:id', () => {
  it('saves an edit, bumps the version, computes occupancy in the legal definition and writes the audit log', async () => {
    const v = minhSon.row.version as number;
    const res = await patch(minhSon.id, {
      version: v,
      status: 'detailed_plan_approved',
      investor_type: 'state',
      industrial_land_ha: 40,
      leased_land_ha: 10,
      investment_approved_land_ha: 6,
      workers: 120,
      established_on: '2024-05-10',
      figures_as_of: '2025-06-14',
      industries: ['Vật liệu xây dựng', 'Cơ khí'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json().properties;
    expect(p.version).toBe(v + 1);
    expect(p.industrial_land_ha).toBe(40);
    expect(p.occupancy_pct).toBe(40); // (10 + 6) ÷ 40, not ÷ 55 ha gross
    expect(p.established_on).toBe('2024-05-10');
    expect(p.industries).toEqual(['Vật liệu xây dựng', 'Cơ khí']);
    const audit = await ctx.db.pool.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
      "SELECT before, after FROM audit_log WHERE entity = 'cluster' AND entity_id = $1 ORDER BY id DESC LIMIT 1",
      [String(minhSon.id)],
    );
    expect(audit.rows[0]!.before).toMatchObject({ status: 'in_plan', workers: null });
    expect(audit.rows[0]!.after).toMatchObject({ status: 'detailed_plan_approved', workers: 120, version: v + 1 });
    // The list carries the same record.
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/clusters' })).json();
    expect(list.features.find((f: { id: number }) => f.id === minhSon.id).properties.workers).toBe(120);
  });

  it('answers a stale version with 409 and the current state, changing nothing', async () => {
    const current = (await rowOf(minhSon.id)).version as number;
    const res = await patch(minhSon.id, { version: current - 1, workers: 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(res.json().error.details.current.properties.version).toBe(current);
    expect((await rowOf(minhSon.id)).workers).toBe(120);
  });

  const refused = [
    ['a negative area', { declared_area_ha: -5 }, 'declared_area_ha'],
    ['leased land above industrial land', { leased_land_ha: 41 }, 'leased_land_ha'],
    ['leased + approved above industrial land', { leased_land_ha: 30, investment_approved_land_ha: 20 }, 'investment_approved_land_ha'],
    ['a date that does not exist', { established_on: '2023-02-30' }, 'established_on'],
    ['a malformed date', { figures_as_of: '14/06/2025' }, 'figures_as_of'],
    ['a figures date in the future', { figures_as_of: '2999-01-01' }, 'figures_as_of'],
    ['a number given as text', { declared_area_ha: 'bảy mươi' }, 'declared_area_ha'],
    ['an unknown status', { status: 'dreaming' }, 'status'],
    ['an unknown commune code', { commune_codes_current: ['99999'] }, 'commune_codes_current'],
    ['a district code that is a commune', { district_code_at_decision: '06448' }, 'district_code_at_decision'],
    ['a blank name', { name: '   ' }, 'name'],
    ['more FDI projects than projects', { projects_count: 2, fdi_projects_count: 3 }, 'fdi_projects_count'],
    ['an unknown field', { colour: 'red' }, 'colour'],
  ] as const;
  for (const [what, body, field] of refused) {
    it(`refuses ${what} with a 400 naming ${field}, and changes nothing`, async () => {
      const before = await rowOf(minhSon.id);
      const res = await patch(minhSon.id, { version: before.version, ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(field);
      expect(await rowOf(minhSon.id)).toEqual(before);
    });
  }

  it('answers 404 for a missing cluster and 400 without a version', async () => {
    expect((await patch(999999, { version: 1, workers: 1 })).statusCode).toBe(404);
    const res = await patch(minhSon.id, { workers: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('version');
  });
});

describe('decisions', () => {
  it('lists the timeline, adds, edits (with version) and deletes a decision', async () => {
    const list = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/decisions` })).json();
    expect(list).toEqual([expect.objectContaining({ number: '502/QĐ-UBND', date: '2022-03-23', kind: 'plan_addition' })]);

    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/clusters/${minhSon.id}/decisions`,
      payload: { number: ' 123/QĐ-UBND ', date: '2024-05-10', issuer: 'UBND tỉnh Lạng Sơn', kind: 'establishment', legal_regime: '32/2024/NĐ-CP' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    createdDecisions.push(d.id);
    expect(d).toMatchObject({ number: '123/QĐ-UBND', source: 'user', version: 1, cluster_id: minhSon.id });

    const edited = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/decisions/${d.id}`,
      payload: { number: '124/QĐ-UBND', date: '2024-05-11', issuer: 'UBND tỉnh Lạng Sơn', kind: 'establishment', version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ number: '124/QĐ-UBND', date: '2024-05-11', version: 2 });
    const stale = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/decisions/${d.id}`,
      payload: { number: 'x', date: '2024-05-11', issuer: 'x', kind: 'other', version: 1 },
    });
    expect(stale.statusCode).toBe(409);

    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${minhSon.id}` })).json();
    expect(detail.decisions.map((x: { number: string }) => x.number)).toContain('124/QĐ-UBND');

    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/decisions/${d.id}?version=1` })).statusCode).toBe(409);
    expect((await ctx.app.inject({ method: 'DELETE', url: `/api/decisions/${d.id}?version=2` })).statusCode).toBe(204);
    expect((await ctx.db.pool.query('SELECT 1 FROM decisions WHERE id = $1', [d.id])).rowCount).toBe(0);
  });

  it('refuses a bad decision naming the field, and one a boundary depends on', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: `/api/clusters/${minhSon.id}/decisions`,
      payload: { number: '1/QĐ', date: '2024-02-30', issuer: 'UBND', kind: 'establishment' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('date');
    const badKind = await ctx.app.inject({
      method: 'POST',
      url: `/api/clusters/${minhSon.id}/decisions`,
      payload: { number: '1/QĐ', date: '2024-02-03', issuer: 'UBND', kind: 'birthday' },
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.message).toContain('kind');
    const dl = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/decisions` })).json()[0];
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/decisions/${dl.id}?version=${dl.version}` });
    expect(del.statusCode).toBe(409);
    expect(del.json().error.code).toBe('IN_USE');
  });
});

describe('boundary versions', () => {
  it('lists every version of Đình Lập with its decision and both areas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/boundaries` });
    expect(res.statusCode).toBe(200);
    const fc = res.json();
    expect(fc.features.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = fc.features.map((f: { properties: Record<string, unknown> }) => f.properties);
    const current = rest.find((p: Record<string, unknown>) => p.is_current);
    expect(first).toMatchObject({ version_no: 1, is_current: false, plane_area_ha: 64.5, valid_to: '2022-03-23' });
    expect(current).toMatchObject({ decision_number: '502/QĐ-UBND', decision_date: '2022-03-23', plane_area_ha: 71.39 });
    expect(Math.abs((current.ellipsoidal_area_ha as number) - 71.39)).toBeLessThan(0.36);
  });

  it('gives the area added and removed between two versions', async () => {
    const fc = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/boundaries` })).json();
    const old = fc.features.find((f: { properties: { version_no: number } }) => f.properties.version_no === 1);
    const cur = fc.features.find((f: { properties: { is_current: boolean } }) => f.properties.is_current);
    const res = await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/boundaries/diff?from=${old.id}&to=${cur.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.added.plane_area_ha).toBeGreaterThan(1);
    expect(d.removed.plane_area_ha).toBeGreaterThan(1);
    expect(d.added.geometry.type).toBe('MultiPolygon');
    // kept + added = new area; kept + removed = old area; net = 71,39 − 64,50.
    expect(d.kept_plane_ha + d.added.plane_area_ha).toBeCloseTo(71.39, 2);
    expect(d.kept_plane_ha + d.removed.plane_area_ha).toBeCloseTo(64.5, 2);
    expect(d.net_plane_ha).toBeCloseTo(6.89, 2);
    // Same version twice: nothing added or removed.
    const same = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/boundaries/diff?from=${cur.id}&to=${cur.id}` })).json();
    expect(same.added).toEqual({ plane_area_ha: 0, ellipsoidal_area_ha: 0, geometry: null });
  });

  it('refuses versions of another cluster and malformed ids', async () => {
    const other = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${minhSon.id}/boundaries` })).json().features[0].id;
    const cur = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/boundaries` })).json().features[0].id;
    const res = await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/boundaries/diff?from=${cur}&to=${other}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('to');
    expect((await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dinhLapId}/boundaries/diff?from=x&to=1` })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/clusters/999999/boundaries' })).statusCode).toBe(404);
  });
});
