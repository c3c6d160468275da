/**
 * Seed step: the SYNTHETIC demo parcels of the Đình Lập cluster
 * (data/seed/parcels/parcels.geojson) with their households, owners and event
 * history. Each history is replayed through the state machine; the parcel row
 * stores the state it reaches.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { applyTransition, initialState } from '../../src/core/clearance/machine';
import { landGroupOf, type ParcelStatus } from '../../src/core/clearance/steps';
import type { SeedParcels } from '../../data/seed/parcels/generate';
import { STATE_COLUMNS, stateValues } from '../clearance/state';

const CLUSTER_NAME = 'Cụm công nghiệp Đình Lập';

export async function seedParcels(c: pg.PoolClient): Promise<void> {
  const data = JSON.parse(readFileSync(new URL('../../data/seed/parcels/parcels.geojson', import.meta.url), 'utf8')) as SeedParcels;
  const cl = await c.query<{ id: number }>('SELECT id FROM clusters WHERE name = $1', [CLUSTER_NAME]);
  const clusterId = cl.rows[0]?.id;
  if (!clusterId) throw new Error(`seed-parcels: cluster ${CLUSTER_NAME} not found`);
  const commune = data.features[0]!.properties.commune_code;

  const hh = await c.query<{ id: number; code: string }>(
    `INSERT INTO households (commune_code, code, head_name, address, members, is_synthetic)
     SELECT $1, h->>'code', h->>'head_name', h->>'address', (h->>'members')::int, true
     FROM json_array_elements($2::json) AS h RETURNING id, code`,
    [commune, JSON.stringify(data.households)],
  );
  const householdId = new Map(hh.rows.map((r) => [r.code, r.id]));

  const rows: object[] = [];
  const events: object[] = [];
  const owners: object[] = [];
  for (const f of data.features) {
    const p = f.properties;
    let s = initialState(landGroupOf(p.legal_land_code), p.planned_on);
    p.events.forEach((e, i) => {
      const from: ParcelStatus = s.status;
      const r = applyTransition(s, e);
      if (!r.ok) throw new Error(`seed-parcels: ${p.key} event ${i + 1} (${e.action}) refused: ${r.refusal.code}`);
      s = r.state;
      events.push({
        key: p.key, seq: i + 1, action: e.action, from_status: from, to_status: s.status, date: e.date,
        decision_no: e.decisionNo ?? null, signatory: e.signatory ?? null, amount: e.amount ?? null,
        deposited: e.action === 'pay' ? e.deposited === true : null, note: e.note ?? null, parcel_version: i + 2,
      });
    });
    const state = Object.fromEntries(STATE_COLUMNS.map((k, i) => [k, stateValues(s, p.planned_on)[i]]));
    rows.push({
      ...state, key: p.key, commune_code: p.commune_code, map_sheet_no: p.map_sheet_no, parcel_no: p.parcel_no,
      legal_land_code: p.legal_land_code, current_land_code: p.current_land_code, planned_land_code: p.planned_land_code,
      original_land_code: p.original_land_code, cadastral_area_m2: p.cadastral_area_m2, inventory: p.inventory,
      flags: p.flags, notes: p.notes, planned_on: p.planned_on, version: p.events.length + 1, geom: f.geometry,
    });
    for (const o of p.owners) owners.push({ key: p.key, household_id: householdId.get(o.household_code), owner_name: o.owner_name, role: o.role, share_pct: o.share_pct });
  }

  const ids = await c.query<{ id: number; key: string }>(
    `INSERT INTO parcels (cluster_id, commune_code, map_sheet_no, parcel_no, legal_land_code, current_land_code,
       planned_land_code, original_land_code, cadastral_area_m2, inventory, flags, notes, planned_on, version,
       is_synthetic, geom, ${STATE_COLUMNS.join(', ')})
     SELECT $1, r->>'commune_code', r->>'map_sheet_no', r->>'parcel_no', r->>'legal_land_code', r->>'current_land_code',
       r->>'planned_land_code', r->>'original_land_code', (r->>'cadastral_area_m2')::numeric, r->'inventory',
       ARRAY(SELECT json_array_elements_text(r->'flags')), r->>'notes', (r->>'planned_on')::date, (r->>'version')::int,
       true, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r->>'geom'), 4326)),
       r->>'status', (r->>'last_event_date')::date, (r->>'notice_date')::date, (r->>'inventory_date')::date,
       (r->>'posting_start')::date, (r->>'approval_date')::date, (r->>'publication_date')::date, (r->>'payment_date')::date,
       (r->>'recovery_decision_date')::date, (r->>'handover_date')::date, (r->>'compensation_proposed')::numeric,
       (r->>'compensation_approved')::numeric, (r->>'compensation_paid')::numeric, (r->>'deposited')::boolean,
       (r->>'compulsory_inventory')::boolean, (r->>'compulsory_recovery')::boolean
     FROM json_array_elements($2::json) AS r
     RETURNING id, commune_code || '-' || map_sheet_no || '-' || parcel_no AS key`,
    [clusterId, JSON.stringify(rows)],
  );
  const parcelId = Object.fromEntries(ids.rows.map((r) => [r.key, r.id]));
  const withId = <T extends { key: string }>(xs: T[]) => JSON.stringify(xs.map((x) => ({ ...x, parcel_id: parcelId[x.key] })));

  await c.query(
    `INSERT INTO parcel_owners (parcel_id, household_id, owner_name, role, share_pct)
     SELECT (o->>'parcel_id')::int, (o->>'household_id')::int, o->>'owner_name', o->>'role', (o->>'share_pct')::numeric
     FROM json_array_elements($1::json) AS o`,
    [withId(owners as { key: string }[])],
  );
  await c.query(
    `INSERT INTO parcel_events (parcel_id, seq, action, from_status, to_status, date, decision_no, signatory, amount,
       deposited, note, actor, parcel_version)
     SELECT (e->>'parcel_id')::int, (e->>'seq')::int, e->>'action', e->>'from_status', e->>'to_status', (e->>'date')::date,
       e->>'decision_no', e->>'signatory', (e->>'amount')::numeric, (e->>'deposited')::boolean, e->>'note', 'seed',
       (e->>'parcel_version')::int
     FROM json_array_elements($1::json) AS e`,
    [withId(events as { key: string }[])],
  );
}
