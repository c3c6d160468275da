import type { MultiPolygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
let dl: { id: number; version: number; geom: MultiPolygon; boundaryId: number; decisionId: number };
const created: number[] = [];
beforeAll(async () => {
  ctx = await startTestApp();
  const { rows } = await ctx.db.pool.query(
    `SELECT c.id, c.version, ST_AsGeoJSON(b.geom, 12)::json AS geom, b.id AS "boundaryId",
            (SELECT id FROM decisions WHERE cluster_id = c.id ORDER BY date DESC, id DESC LIMIT 1) AS "decisionId"
     FROM clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current WHERE c.name = 'Cụm công nghiệp Đình Lập'`,
  );
  dl = rows[0];
});
afterAll(async () => {
  if (created.length) await ctx.db.pool.query('DELETE FROM proposals WHERE id = ANY($1)', [created]);
  await stopTestApp(ctx);
});

const bowtie = { type: 'Polygon', coordinates: [[[107.09, 21.55], [107.092, 21.552], [107.092, 21.55], [107.09, 21.552], [107.09, 21.55]]] };

describe('proposals', () => {
  it('saves a named proposal with its plane area, repairs reported, audited', async () => {
    const open = { type: 'Polygon', coordinates: [dl.geom.coordinates[0]![0]!.slice(0, -1)] }; // unclosed ring
    const res = await ctx.app.inject({ method: 'POST', url: '/api/proposals', payload: { name: 'Phương án Đình Lập mở rộng', origin: 'draw', geometry: open } });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    created.push(f.id);
    expect(f.properties).toMatchObject({ name: 'Phương án Đình Lập mở rộng', origin: 'draw', tm3_srid: 9215, version: 1 });
    expect(f.properties.plane_area_ha.toFixed(2)).toBe('71.39');
    expect(f.repairs.map((r: { code: string }) => r.code)).toEqual(['RING_CLOSED']);
    const audit = await ctx.db.pool.query("SELECT action FROM audit_log WHERE entity = 'proposal' AND entity_id = $1", [String(f.id)]);
    expect(audit.rows).toEqual([{ action: 'create' }]);
    const list = (await ctx.app.inject({ method: 'GET', url: '/api/proposals' })).json();
    expect(list.features.some((x: { id: number }) => x.id === f.id)).toBe(true);
  });

  it('refuses a self-intersecting boundary with what and where; nothing is written', async () => {
    const before = (await ctx.db.pool.query('SELECT count(*)::int AS n FROM proposals')).rows[0].n;
    const res = await ctx.app.inject({ method: 'POST', url: '/api/proposals', payload: { name: 'Hỏng', origin: 'draw', geometry: bowtie } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('GEOMETRY_INVALID');
    expect(res.json().error.details.message_vi).toBe('Ranh giới tự cắt: vòng ngoài, đỉnh 1, tại (107,091000; 21,551000)');
    expect((await ctx.db.pool.query('SELECT count(*)::int AS n FROM proposals')).rows[0].n).toBe(before);
  });

  it('updates with the version read; a stale version gets 409 with the current state', async () => {
    const id = created[0]!;
    const ok = await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, payload: { version: 1, name: 'Phương án A' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().properties).toMatchObject({ name: 'Phương án A', version: 2 });
    const stale = await ctx.app.inject({ method: 'PATCH', url: `/api/proposals/${id}`, payload: { version: 1, name: 'Phương án B' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.properties).toMatchObject({ name: 'Phương án A', version: 2 });
    const del409 = await ctx.app.inject({ method: 'DELETE', url: `/api/proposals/${id}?version=1` });
    expect(del409.statusCode).toBe(409);
    const del = await ctx.app.inject({ method: 'DELETE', url: `/api/proposals/${id}?version=2` });
    expect(del.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/proposals/${id}` })).statusCode).toBe(404);
  });

  it('rejects unknown fields and a bad TM-3 code with 400', async () => {
    const g = dl.geom;
    expect((await ctx.app.inject({ method: 'POST', url: '/api/proposals', payload: { name: 'x', origin: 'draw', geometry: g, evil: 1 } })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/proposals', payload: { name: 'x', origin: 'draw', geometry: g, tm3_srid: 3405 } })).statusCode).toBe(400);
  });
});

describe('POST /api/clusters/:id/boundaries', () => {
  it('adds a version tied to a decision, closes the previous one, audited; then the test restores the seed', async () => {
    // Shift the boundary 10 m east (about 1e-4°): same area, new version.
    const moved = { type: 'MultiPolygon', coordinates: dl.geom.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [x! + 1e-4, y!]))) };
    const stale = await ctx.app.inject({ method: 'POST', url: `/api/clusters/${dl.id}/boundaries`, payload: { geometry: moved, decision_id: dl.decisionId, cluster_version: dl.version + 5 } });
    expect(stale.statusCode).toBe(409);
    const bad = await ctx.app.inject({ method: 'POST', url: `/api/clusters/${dl.id}/boundaries`, payload: { geometry: bowtie, decision_id: dl.decisionId } });
    expect(bad.statusCode).toBe(422);
    const res = await ctx.app.inject({
      method: 'POST', url: `/api/clusters/${dl.id}/boundaries`,
      payload: { geometry: moved, decision_id: dl.decisionId, valid_from: '2026-01-15', note: 'kiểm thử', cluster_version: dl.version },
    });
    try {
      expect(res.statusCode, res.body).toBe(201);
      const v = res.json();
      expect(v).toMatchObject({ cluster_id: dl.id, decision_id: dl.decisionId, valid_from: '2026-01-15', previous_id: dl.boundaryId, cluster_version: dl.version + 1 });
      expect(v.plane_area_ha.toFixed(2)).toBe('71.39');
      const prev = (await ctx.db.pool.query('SELECT is_current, valid_to FROM cluster_boundaries WHERE id = $1', [dl.boundaryId])).rows[0];
      expect(prev).toEqual({ is_current: false, valid_to: '2026-01-15' });
      const audit = await ctx.db.pool.query("SELECT after->>'decision_id' AS d FROM audit_log WHERE entity = 'cluster_boundary' AND entity_id = $1", [String(v.id)]);
      expect(audit.rows).toEqual([{ d: String(dl.decisionId) }]);
      const cluster = (await ctx.app.inject({ method: 'GET', url: `/api/clusters/${dl.id}` })).json();
      expect(cluster.geometry.coordinates[0][0][0][0]).toBeCloseTo(dl.geom.coordinates[0]![0]![0]![0]! + 1e-4, 9);
    } finally {
      const newId = res.statusCode === 201 ? res.json().id : null;
      if (newId) {
        await ctx.db.pool.query('DELETE FROM cluster_boundaries WHERE id = $1', [newId]);
        await ctx.db.pool.query('UPDATE cluster_boundaries SET is_current = true, valid_to = NULL WHERE id = $1', [dl.boundaryId]);
        await ctx.db.pool.query('UPDATE clusters SET version = $2 WHERE id = $1', [dl.id, dl.version]);
      }
    }
  });

  it('refuses a decision of another cluster', async () => {
    const other = (await ctx.db.pool.query('SELECT id FROM decisions WHERE cluster_id <> $1 LIMIT 1', [dl.id])).rows[0].id;
    const res = await ctx.app.inject({ method: 'POST', url: `/api/clusters/${dl.id}/boundaries`, payload: { geometry: dl.geom, decision_id: other } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('BAD_DECISION');
  });
});
