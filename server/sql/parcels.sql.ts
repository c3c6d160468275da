/** Named, parameterised queries over parcels, their owners and events. Values only as $n. */
import { STATE_COLUMNS } from '../clearance/state';

/** The columns the workflow state lives in (server/clearance/state.ts). */
const stateCols = STATE_COLUMNS.map((c) => `p.${c}`).join(', ');

const parcelColumns = `
  p.id, p.cluster_id, c.name AS cluster_name, p.commune_code, au.full_name AS commune_name,
  p.map_sheet_no, p.parcel_no, p.legal_land_code, p.current_land_code, p.planned_land_code, p.original_land_code,
  p.cadastral_area_m2, round((ST_Area(ST_Transform(p.geom, c.tm3_srid)) / 10000)::numeric, 4) AS area_ha,
  p.inventory, p.flags, p.notes, p.is_synthetic, p.version, p.updated_at, p.planned_on, ${stateCols},
  (SELECT count(*) FROM parcel_owners o WHERE o.parcel_id = p.id)::int AS owner_count,
  (SELECT count(DISTINCT o.household_id) FROM parcel_owners o WHERE o.parcel_id = p.id)::int AS household_count,
  ST_AsGeoJSON(ST_PointOnSurface(p.geom), 8)::json AS label_point`;

/** One parcel with its record (no personal data). $1 id. */
export const parcelById = `
  SELECT ${parcelColumns}, ST_AsGeoJSON(p.geom, 8)::json AS geometry
  FROM parcels p JOIN clusters c ON c.id = p.cluster_id LEFT JOIN admin_units au ON au.code = p.commune_code
  WHERE p.id = $1`;

/** Parcels of a cluster for the map. $1 cluster id. */
export const parcelsOfCluster = `
  SELECT p.id, p.cluster_id, p.commune_code, p.map_sheet_no, p.parcel_no, p.legal_land_code, p.current_land_code,
         p.planned_land_code, p.flags, p.notes, p.is_synthetic, p.version, p.planned_on, p.cadastral_area_m2, p.inventory->'graves' AS graves,
         ST_Area(ST_Transform(p.geom, c.tm3_srid)) / 10000 AS area_ha, ${stateCols},
         (SELECT count(DISTINCT o.household_id) FROM parcel_owners o WHERE o.parcel_id = p.id)::int AS household_count,
         ST_AsGeoJSON(ST_PointOnSurface(p.geom), 8)::json AS label_point,
         ST_AsGeoJSON(p.geom, 8)::json AS geometry
  FROM parcels p JOIN clusters c ON c.id = p.cluster_id
  WHERE p.cluster_id = $1
  ORDER BY p.map_sheet_no, p.parcel_no`;

/** The event history of a parcel, in recorded order. $1 parcel id. */
export const eventsOfParcel = `
  SELECT seq, action, from_status, to_status, date, decision_no, signatory, amount, deposited, note, actor, batch_id,
         parcel_version, recorded_at
  FROM parcel_events WHERE parcel_id = $1 ORDER BY seq`;

/** Every event of a cluster's parcels (for as-of replays), in recorded order. $1 cluster id. */
export const eventsOfCluster = `
  SELECT e.parcel_id, e.action, e.date, e.decision_no, e.signatory, e.amount, e.deposited
  FROM parcel_events e JOIN parcels p ON p.id = e.parcel_id
  WHERE p.cluster_id = $1 ORDER BY e.parcel_id, e.seq`;

/** Locks a parcel row for a write; the state the machine needs. $1 id. */
export const lockParcel = `
  SELECT p.id, p.cluster_id, p.commune_code, p.map_sheet_no, p.parcel_no, p.legal_land_code, p.version, p.planned_on,
         ${stateCols}, cl.province_code
  FROM parcels p JOIN clusters cl ON cl.id = p.cluster_id WHERE p.id = $1 FOR UPDATE OF p`;

/** Stores a new workflow state and bumps the version. $1 id, $2 expected version, $3.. state columns in order. */
export const updateParcelState = `
  UPDATE parcels SET ${STATE_COLUMNS.map((c, i) => `${c} = $${i + 3}`).join(', ')},
         version = version + 1, updated_at = now()
  WHERE id = $1 AND version = $2 RETURNING version`;

export const insertEvent = `
  INSERT INTO parcel_events (parcel_id, seq, action, from_status, to_status, date, decision_no, signatory, amount,
    deposited, note, actor, batch_id, parcel_version)
  VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM parcel_events WHERE parcel_id = $1), $2, $3, $4, $5, $6, $7, $8,
    $9, $10, $11, $12, $13)
  RETURNING seq`;

/** Record fields a PATCH may change (allow-list; the workflow's own columns change only by transitions). */
export const EDITABLE_COLUMNS = [
  'legal_land_code', 'current_land_code', 'planned_land_code', 'original_land_code', 'cadastral_area_m2',
  'inventory', 'compensation_proposed', 'flags', 'notes',
] as const;
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

/** $1 id, $2 expected version, $3.. EDITABLE_COLUMNS in order (inventory as json text). */
export const updateParcelRecord = `
  UPDATE parcels SET
    legal_land_code = $3, current_land_code = $4, planned_land_code = $5, original_land_code = $6,
    cadastral_area_m2 = $7, inventory = $8::jsonb, compensation_proposed = $9, flags = $10::text[], notes = $11,
    version = version + 1, updated_at = now()
  WHERE id = $1 AND version = $2 RETURNING version`;

export const insertParcel = `
  INSERT INTO parcels (cluster_id, commune_code, map_sheet_no, parcel_no, legal_land_code, current_land_code,
    planned_land_code, original_land_code, cadastral_area_m2, inventory, compensation_proposed, flags, notes, planned_on,
    last_event_date, geom)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12::text[], $13, $14, $14,
    ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($15), 4326)))
  RETURNING id`;

/** Owners and their households (personal data). $1 parcel id. */
export const ownersOfParcel = `
  SELECT o.id, o.owner_name, o.role, o.share_pct, h.id AS household_id, h.code AS household_code,
         h.head_name AS household_head, h.address, h.members
  FROM parcel_owners o JOIN households h ON h.id = o.household_id
  WHERE o.parcel_id = $1 ORDER BY h.code, o.role, o.owner_name`;

/** Households of a cluster's parcels (ids only, no names): parcel id → household ids. $1 cluster id. */
export const householdsOfCluster = `
  SELECT o.parcel_id, array_agg(DISTINCT o.household_id) AS households
  FROM parcel_owners o JOIN parcels p ON p.id = o.parcel_id
  WHERE p.cluster_id = $1 GROUP BY o.parcel_id`;

/** Validity of a geometry before it is stored (what and where when invalid). $1 GeoJSON text. */
export const checkGeometry = `
  SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason, GeometryType(g) AS type
  FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x`;
