import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { startTestApp, stopTestApp, type TestContext } from './helpers';
import { createParcel, DL, removeTestParcels, spot, type Spot } from './parcels-fixtures';

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

const get = async (url: string) => {
  const res = await ctx.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const q = async <T>(sql: string, params: unknown[] = []) => (await ctx.db.pool.query(sql, params)).rows as T[];
interface Totals {
  parcels: number; ha: number; ho_ha: number; ho_parcels: number; proposed: number; approved: number; paid: number;
  graves: number; relocated: number; payment_overdue: number; notice_expired: number;
}
const dlId = async () => (await q<{ id: number }>(`SELECT ${DL} AS id`))[0]!.id;

describe('progress of the demo cluster equals independent SQL over the parcel tables', () => {
  it('hectares (±0.01), counts, households, money, graves, overdue and flags', async () => {
    const id = await dlId();
    const today = todayInVietnam();
    const body = await get(`/api/clearance/progress?cluster_id=${id}`);
    const p = body.progress;
    expect(body.cluster_name).toBe('Cụm công nghiệp Đình Lập');
    const HO = "('handed_over','cadastre_updated')";
    const [t] = await q<Totals>(
      `SELECT count(*)::int AS parcels,
              sum(ST_Area(ST_Transform(geom, 9215))) / 10000 AS ha,
              coalesce(sum(ST_Area(ST_Transform(geom, 9215))) FILTER (WHERE status IN ${HO}), 0) / 10000 AS ho_ha,
              count(*) FILTER (WHERE status IN ${HO})::int AS ho_parcels,
              sum(compensation_proposed)::float8 AS proposed, sum(compensation_approved)::float8 AS approved,
              sum(compensation_paid)::float8 AS paid,
              sum(coalesce((inventory->'graves'->>'total')::int, 0))::int AS graves,
              sum(coalesce((inventory->'graves'->>'relocated')::int, 0))::int AS relocated,
              count(*) FILTER (WHERE status IN ('approved','published') AND approval_date + 30 < $1::date)::int AS payment_overdue,
              count(*) FILTER (WHERE status IN ('notified','inventory_refused','inventory_persuasion','compulsory_inventory_decided',
                 'inventoried','draft_plan','posted','approved','published','paid')
                 AND (notice_date + interval '12 months')::date < $1::date)::int AS notice_expired
       FROM parcels WHERE cluster_id = $2`,
      [today, id],
    );
    expect(p.parcels).toBe(t!.parcels);
    expect(Math.abs(p.areaHa - t!.ha)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(p.handedOver.areaHa - t!.ho_ha)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(p.handedOver.pctArea - (100 * t!.ho_ha) / t!.ha)).toBeLessThan(0.01);
    expect(p.handedOver.parcels).toBe(t!.ho_parcels);
    expect(p.money).toMatchObject({ proposed: t!.proposed, approved: t!.approved, paid: t!.paid });
    expect(p.graves).toEqual({ total: t!.graves, relocated: t!.relocated });
    expect(p.overdue).toEqual({ payment_overdue: t!.payment_overdue, notice_expired: t!.notice_expired });
    // The demo has something in each of these, else the comparison proves little.
    for (const k of ['ho_parcels', 'paid', 'graves', 'payment_overdue', 'notice_expired'] as const) expect(t![k], k).toBeGreaterThan(0);

    const byStatus = await q<{ status: string; parcels: number; ha: number; households: number }>(
      `SELECT p.status, count(DISTINCT p.id)::int AS parcels,
              (SELECT sum(ST_Area(ST_Transform(geom, 9215))) / 10000 FROM parcels x WHERE x.cluster_id = $1 AND x.status = p.status) AS ha,
              count(DISTINCT o.household_id)::int AS households
       FROM parcels p LEFT JOIN parcel_owners o ON o.parcel_id = p.id WHERE p.cluster_id = $1 GROUP BY p.status`,
      [id],
    );
    expect(byStatus.length).toBeGreaterThan(12);
    for (const r of byStatus) {
      expect(p.byStatus[r.status].parcels, r.status).toBe(r.parcels);
      expect(p.byStatus[r.status].households, r.status).toBe(r.households);
      expect(Math.abs(p.byStatus[r.status].areaHa - r.ha), r.status).toBeLessThanOrEqual(0.01);
    }
    const [h] = await q<{ total: number; done: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE all_done)::int AS done FROM (
         SELECT o.household_id, bool_and(p.status IN ${HO}) AS all_done
         FROM parcel_owners o JOIN parcels p ON p.id = o.parcel_id WHERE p.cluster_id = $1 GROUP BY 1) x`,
      [id],
    );
    expect(p.households).toBe(h!.total);
    expect(p.handedOver.households).toBe(h!.done);
    const flags = await q<{ flag: string; n: number }>(
      'SELECT f AS flag, count(*)::int AS n FROM parcels, unnest(flags) AS f WHERE cluster_id = $1 GROUP BY f',
      [id],
    );
    for (const f of flags) expect(p.flags[f.flag], f.flag).toBe(f.n);
  });

  it('the province total adds up the clusters', async () => {
    const body = await get('/api/clearance/progress');
    const [t] = await q<{ parcels: number; ha: number; paid: number }>(
      `SELECT count(*)::int AS parcels, sum(ST_Area(ST_Transform(p.geom, c.tm3_srid))) / 10000 AS ha, sum(compensation_paid)::float8 AS paid
       FROM parcels p JOIN clusters c ON c.id = p.cluster_id`,
    );
    expect(body.progress.parcels).toBe(t!.parcels);
    expect(Math.abs(body.progress.areaHa - t!.ha)).toBeLessThanOrEqual(0.01);
    expect(body.progress.money.paid).toBe(t!.paid);
    expect(body.clusters.map((c: { cluster_name: string }) => c.cluster_name)).toContain('Cụm công nghiệp Đình Lập');
  });

  it('as of a past date the figures come from the event history', async () => {
    const id = await dlId();
    const [t] = await q<{ ho: number; planned: number }>(
      `SELECT count(*) FILTER (WHERE (SELECT e.to_status FROM parcel_events e WHERE e.parcel_id = p.id AND e.date <= '2026-03-01'
                 ORDER BY e.seq DESC LIMIT 1) IN ('handed_over','cadastre_updated'))::int AS ho,
              count(*) FILTER (WHERE planned_on <= '2026-03-01')::int AS planned
       FROM parcels p WHERE cluster_id = $1`,
      [id],
    );
    const body = await get(`/api/clearance/progress?cluster_id=${id}&as_of=2026-03-01`);
    expect(body.as_of).toBe('2026-03-01');
    expect(body.progress.handedOver.parcels).toBe(t!.ho);
    expect(body.progress.parcels - body.progress.notInPlan).toBe(t!.planned);
    const now = await get(`/api/clearance/progress?cluster_id=${id}`);
    expect(now.progress.handedOver.parcels).toBeGreaterThan(body.progress.handedOver.parcels);
  });

  it('the monthly series ends today with the current figures and never decreases in handed-over area', async () => {
    const id = await dlId();
    const series = await get(`/api/clearance/timeline?cluster_id=${id}`);
    const now = await get(`/api/clearance/progress?cluster_id=${id}`);
    expect(series[0].month).toBe('2025-05');
    expect(series.at(-1).date).toBe(todayInVietnam());
    expect(Math.abs(series.at(-1).handedOverHa - now.progress.handedOver.areaHa)).toBeLessThan(1e-6);
    expect(series.at(-1).paid).toBe(now.progress.money.paid);
    for (let i = 1; i < series.length; i++) expect(series[i].handedOverHa).toBeGreaterThanOrEqual(series[i - 1].handedOverHa - 1e-9);
  });
});

describe('the map list and the record', () => {
  it('lists the cluster as GeoJSON with status, flags and overdue items, without personal data', async () => {
    const id = await dlId();
    const fc = await get(`/api/parcels?cluster_id=${id}`);
    expect(fc.features.length).toBeGreaterThan(280);
    const f = fc.features[0];
    expect(f.geometry.type).toBe('MultiPolygon');
    expect(Object.keys(f.properties)).toEqual(expect.arrayContaining(['status', 'flags', 'overdue', 'version', 'area_ha', 'graves_total']));
    expect(JSON.stringify(fc)).not.toMatch(/owner_name|head_name/);
    expect(fc.features.some((x: { properties: { overdue: string[] } }) => x.properties.overdue.includes('payment_overdue'))).toBe(true);
  });

  it('as of a date shows the earlier status (the time slider)', async () => {
    const id = await dlId();
    const [e] = await q<{ parcel_id: number; before: string; after: string; date: string }>(
      `SELECT e.parcel_id, e.from_status AS before, p.status AS after, e.date::text AS date
       FROM parcel_events e JOIN parcels p ON p.id = e.parcel_id
       WHERE p.cluster_id = $1 AND e.action = 'hand_over' ORDER BY e.date LIMIT 1`,
      [id],
    );
    const dayBefore = new Date(Date.parse(e!.date) - 86_400_000).toISOString().slice(0, 10);
    const past = await get(`/api/parcels?cluster_id=${id}&as_of=${dayBefore}`);
    const now = await get(`/api/parcels?cluster_id=${id}`);
    const find = (fc: { features: { id: number; properties: { status: string } }[] }) => fc.features.find((x) => x.id === e!.parcel_id)!.properties.status;
    expect(find(past)).toBe(e!.before);
    expect(find(now)).toBe(e!.after);
  });

  it('one parcel: record, deadlines, allowed actions and history; owners only on their own endpoint', async () => {
    const [r] = await q<{ id: number }>(`SELECT id FROM parcels WHERE cluster_id = ${DL} AND status = 'approved' LIMIT 1`);
    const f = await get(`/api/parcels/${r!.id}`);
    expect(f.properties.status).toBe('approved');
    expect(f.properties.deadlines.paymentDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(f.properties.allowed_actions).toEqual(['reissue_notice', 'publish_plan']);
    expect(f.events.map((e: { action: string }) => e.action)).toContain('approve_plan');
    expect(f.events.every((e: { seq: number }, i: number) => e.seq === i + 1)).toBe(true);
    expect(JSON.stringify(f)).not.toMatch(/owner_name/);
    const [o] = await q<{ id: number; n: number }>(
      `SELECT parcel_id AS id, count(*)::int AS n FROM parcel_owners GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const owners = await get(`/api/parcels/${o!.id}/owners`);
    expect(owners).toHaveLength(o!.n);
    expect(owners[0].owner_name).toMatch(/\S+ \S+/);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/parcels/99999999' })).statusCode).toBe(404);
  });
});

describe('transitions', () => {
  it('payment before approval is refused with the reason, and nothing is written', async () => {
    const p = await createParcel(ctx.app, s, 'tr', 0);
    const before = await q<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const res = await ctx.app.inject({ method: 'POST', url: `/api/parcels/${p.id}/transitions`, payload: { version: 1, action: 'pay', date: '2025-07-01' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('TRANSITION_REFUSED');
    expect(res.json().error.message).toContain('Payment before the plan is approved is not allowed');
    expect(res.json().error.details.refused[0]).toMatchObject({ code: 'PAYMENT_BEFORE_APPROVAL', message_vi: 'Không thể chi trả trước khi phương án được phê duyệt', parcel: 'tờ T-tr thửa 1' });
    const after = await get(`/api/parcels/${p.id}`);
    expect(after.properties).toMatchObject({ status: 'plan', version: 1 });
    expect(after.events).toEqual([]);
    expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n).toBe(before[0]!.n);
  });

  it('a lawful transition records the event (date, decision, signatory, actor) and the audit entry', async () => {
    const p = await createParcel(ctx.app, s, 'tr', 1);
    const step = (version: number, payload: object) =>
      ctx.app.inject({ method: 'POST', url: `/api/parcels/${p.id}/transitions`, payload: { version, ...payload } });
    expect((await step(1, { action: 'hold_meeting', date: '2025-06-10', note: 'Biên bản họp' })).statusCode).toBe(200);
    const noDecision = await step(2, { action: 'issue_notice', date: '2025-06-20' });
    expect(noDecision.statusCode).toBe(422);
    expect(noDecision.json().error.details.refused[0].code).toBe('DECISION_REQUIRED');
    const ok = await step(2, { action: 'issue_notice', date: '2025-06-20', decision_no: '112/TB-UBND', signatory: 'Chủ tịch UBND huyện Đình Lập' });
    expect(ok.statusCode).toBe(200);
    const f = ok.json();
    expect(f.properties).toMatchObject({ status: 'notified', version: 3, notice_date: '2025-06-20' });
    expect(f.properties.deadlines).toMatchObject({ earliestRecoveryDecision: '2025-08-19', noticeExpiry: '2026-06-20' });
    expect(f.properties.overdue).toEqual([{ kind: 'notice_expired', due: '2026-06-20' }]);
    expect(f.events.at(-1)).toMatchObject({ seq: 2, action: 'issue_notice', from_status: 'meeting', to_status: 'notified', decision_no: '112/TB-UBND', signatory: 'Chủ tịch UBND huyện Đình Lập', actor: 'test-admin', parcel_version: 3 });
    const audit = await q<{ after: { status: string; version: number } }>(
      "SELECT after FROM audit_log WHERE entity = 'parcel' AND entity_id = $1 AND action = 'transition' ORDER BY id",
      [String(p.id)],
    );
    expect(audit.map((a) => a.after.status)).toEqual(['meeting', 'notified']);
    const future = await step(3, { action: 'complete_inventory', date: '2099-01-01' });
    expect(future.json().error.details.refused[0].code).toBe('DATE_IN_FUTURE');
  });

  it('one decision for many parcels: all in one transaction, each audited; one refusal refuses all, naming the parcel', async () => {
    const ps = [];
    for (let i = 2; i < 7; i++) ps.push(await createParcel(ctx.app, s, 'tr', i));
    const items = ps.map((p) => ({ id: p.id, version: 1 }));
    const meeting = await ctx.app.inject({ method: 'POST', url: '/api/parcels/transitions', payload: { items, action: 'hold_meeting', date: '2025-06-10' } });
    expect(meeting.statusCode).toBe(200);
    const batch = meeting.json().batch_id;
    expect(meeting.json().count).toBe(5);
    const ev = await q<{ n: number; batches: number }>('SELECT count(*)::int AS n, count(DISTINCT batch_id)::int AS batches FROM parcel_events WHERE batch_id = $1', [batch]);
    expect(ev[0]).toEqual({ n: 5, batches: 1 });
    const audits = await q<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'parcel' AND action = 'transition' AND after->'event'->>'batch_id' = $1",
      [batch],
    );
    expect(audits[0]!.n).toBe(5);
    // One parcel moves ahead alone; the bulk notice then finds it already notified and refuses everything.
    await ctx.app.inject({ method: 'POST', url: `/api/parcels/${ps[4]!.id}/transitions`, payload: { version: 2, action: 'issue_notice', date: '2025-06-15', decision_no: '1/TB', signatory: 'CT' } });
    const items2 = ps.map((p, i) => ({ id: p.id, version: i === 4 ? 3 : 2 }));
    const refused = await ctx.app.inject({
      method: 'POST', url: '/api/parcels/transitions',
      payload: { items: items2, action: 'issue_notice', date: '2025-06-20', decision_no: '112/TB-UBND', signatory: 'Chủ tịch UBND huyện Đình Lập' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('tờ T-tr thửa 7');
    expect(refused.json().error.details.refused).toHaveLength(1);
    const statuses = await q<{ status: string }>('SELECT status FROM parcels WHERE id = ANY($1) ORDER BY id', [ps.map((p) => p.id)]);
    expect(statuses.map((r) => r.status)).toEqual(['meeting', 'meeting', 'meeting', 'meeting', 'notified']);
    // A stale version in the batch: 409 naming it, nothing changed.
    const stale = await ctx.app.inject({ method: 'POST', url: '/api/parcels/transitions', payload: { items: items2.slice(0, 4).map((x) => ({ ...x, version: 1 })), action: 'issue_notice', date: '2025-06-20', decision_no: '1', signatory: 'CT' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.stale).toHaveLength(4);
  });

  it('refuses malformed input with 400 and unknown land codes with 422', async () => {
    const p = await createParcel(ctx.app, s, 'tr', 8);
    for (const payload of [{ version: 1, action: 'fly', date: '2025-01-01' }, { version: 1, action: 'pay', date: '01/07/2025' }, { version: 1, action: 'pay' }]) {
      const res = await ctx.app.inject({ method: 'POST', url: `/api/parcels/${p.id}/transitions`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const bad = await ctx.app.inject({ method: 'PATCH', url: `/api/parcels/${p.id}`, payload: { version: 1, legal_land_code: 'XYZ' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('XYZ');
    const badGeom = await ctx.app.inject({
      method: 'POST', url: '/api/parcels',
      payload: { cluster_id: s.clusterId, commune_code: s.commune, map_sheet_no: 'T-tr', parcel_no: '99', legal_land_code: 'CLN', planned_on: '2025-06-01',
        geometry: { type: 'Polygon', coordinates: [[[s.lon, s.lat], [s.lon + 0.001, s.lat + 0.001], [s.lon + 0.001, s.lat], [s.lon, s.lat + 0.001], [s.lon, s.lat]]] } },
    });
    expect(badGeom.statusCode).toBe(422);
    expect(badGeom.json().error.message).toMatch(/Self-intersection/i);
    const dup = await ctx.app.inject({
      method: 'POST', url: '/api/parcels',
      payload: { cluster_id: s.clusterId, commune_code: s.commune, map_sheet_no: 'T-tr', parcel_no: '9', legal_land_code: 'CLN', planned_on: '2025-06-01', geometry: { type: 'Polygon', coordinates: [[[s.lon, s.lat], [s.lon + 0.001, s.lat], [s.lon + 0.001, s.lat + 0.001], [s.lon, s.lat]]] } },
    });
    expect(dup.statusCode).toBe(409);
  });
});

describe('withdrawing an entry made in error', () => {
  it('removes the last event, replays the rest, audits it; refuses a stale version', async () => {
    const p = await createParcel(ctx.app, s, 'un', 0);
    const step = (version: number, payload: object) =>
      ctx.app.inject({ method: 'POST', url: `/api/parcels/${p.id}/transitions`, payload: { version, ...payload } });
    await step(1, { action: 'hold_meeting', date: '2025-06-10' });
    await step(2, { action: 'issue_notice', date: '2025-06-20', decision_no: '112/TB-UBND', signatory: 'CT' });
    const stale = await ctx.app.inject({ method: 'DELETE', url: `/api/parcels/${p.id}/transitions/last?version=2` });
    expect(stale.statusCode).toBe(409);
    const res = await ctx.app.inject({ method: 'DELETE', url: `/api/parcels/${p.id}/transitions/last?version=3` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().properties).toMatchObject({ status: 'meeting', version: 4, notice_date: null, compensation_proposed: 100_000_000 });
    expect(res.json().events.map((e: { action: string }) => e.action)).toEqual(['hold_meeting']);
    const audit = await q<{ before: { event: { action: string } } }>(
      "SELECT before FROM audit_log WHERE entity = 'parcel' AND entity_id = $1 AND action = 'undo_transition'",
      [String(p.id)],
    );
    expect(audit.map((a) => a.before.event.action)).toEqual(['issue_notice']);
    await ctx.app.inject({ method: 'DELETE', url: `/api/parcels/${p.id}/transitions/last?version=4` });
    const none = await ctx.app.inject({ method: 'DELETE', url: `/api/parcels/${p.id}/transitions/last?version=5` });
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('NO_HISTORY');
  });
});
