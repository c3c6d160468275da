/**
 * Parcel import from a cadastral file (zipped Shapefile with .prj, GeoJSON, CSV
 * with coordinates): read with the shared readers (server/import), checked row
 * by row (geometry, mapped fields, duplicates, communes, parcels of another
 * cluster) BEFORE anything is written; then written in one transaction: new
 * parcels inserted, existing ones (same commune, sheet, parcel) updated with
 * their history kept. One broken row refuses the whole file, naming the row.
 */
import type pg from 'pg';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { withTransaction } from '../db/database';
import { writeAudit } from '../db/audit';
import { HttpError } from '../errors';
import { postgisCheck } from '../import/postgis-check';
import { processFeatures } from '../import/process';
import { readFeatures } from '../import/read-features';
import type { RawFeature } from '../import/types';
import { readParcelCsv } from './import-csv';
import { columnsOf, mapRow, REQUIRED_FIELDS, suggestMapping, type FieldMapping, type ImportDefaults, type MappedRow } from './import-mapping';

export interface ImportInput {
  clusterId: number;
  filename: string;
  buffer: Buffer;
  mapping?: FieldMapping;
  crs?: number;
  plannedOn?: string;
  communeCode?: string;
  plannedLandCode?: string | null;
}

export type OnProgress = (stage: 'read' | 'check' | 'write', done: number, total: number) => void;

interface ClusterInfo {
  tm3_srid: number;
  communes: string[];
}

interface ReadParcels {
  format: string;
  crs: { epsg?: number; name: string; source: string };
  features: (RawFeature & { line?: number })[];
  warnings: string[];
}

async function clusterInfo(q: pg.Pool, id: number): Promise<ClusterInfo> {
  const { rows } = await q.query<ClusterInfo>('SELECT tm3_srid, commune_codes_current AS communes FROM clusters WHERE id = $1', [id]);
  if (!rows[0]) throw new HttpError(404, 'NOT_FOUND', `Cluster ${id} does not exist`);
  return rows[0];
}

async function readParcelFile(input: ImportInput, c: ClusterInfo, onProgress?: OnProgress): Promise<ReadParcels> {
  if (/\.(csv|txt|tsv)$/i.test(input.filename)) {
    const r = readParcelCsv(input.buffer.toString('utf8'), input.crs ?? c.tm3_srid);
    return { format: 'csv', crs: { epsg: r.epsg, name: `EPSG:${r.epsg}`, source: input.crs ? 'given' : 'default' }, features: r.features, warnings: r.warnings };
  }
  const r = await readFeatures(input.buffer, input.filename, { crs: input.crs, onProgress: (_s, d, t) => onProgress?.('read', d, t) });
  return { format: r.format, crs: r.crs, features: r.features, warnings: r.warnings };
}

const defaultsOf = (input: ImportInput, c: ClusterInfo): ImportDefaults => ({
  commune_code: input.communeCode ?? c.communes[0] ?? '',
  planned_land_code: input.plannedLandCode === undefined ? 'SKN' : input.plannedLandCode,
  planned_on: input.plannedOn ?? todayInVietnam(),
});

/** What the file holds and how it would be mapped: columns, suggested mapping, first rows, problems. Writes nothing. */
export async function previewImport(pool: pg.Pool, input: ImportInput) {
  const c = await clusterInfo(pool, input.clusterId);
  const read = await readParcelFile(input, c);
  const columns = columnsOf(read.features.map((f) => f.properties));
  const mapping = input.mapping && Object.keys(input.mapping).length ? input.mapping : suggestMapping(columns);
  const d = defaultsOf(input, c);
  const rows = read.features.slice(0, 20).map((f, i) => {
    const m = mapRow(f.properties, mapping, d);
    return { row: i + 1, ...(f.line ? { line: f.line } : {}), values: m.row ?? null, problem: m.problem ?? null, source: f.properties };
  });
  return {
    filename: input.filename, format: read.format, crs: read.crs, warnings: read.warnings, count: read.features.length,
    columns, mapping, missing: REQUIRED_FIELDS.filter((f) => !mapping[f]), defaults: d, rows,
  };
}

const refuse = (row: number, f: { line?: number } | undefined, key: string | null, message: string, messageVi: string, field?: string) =>
  new HttpError(422, 'IMPORT_REFUSED', `Row ${row}${f?.line ? ` (line ${f.line})` : ''}${key ? ` (${key})` : ''}: ${message}. Nothing was imported.`, {
    row, ...(f?.line ? { line: f.line } : {}), key, field, message_vi: `Dòng ${row}${key ? ` (${key})` : ''}: ${messageVi}. Không có thửa nào được nhập.`,
  });

const label = (r: MappedRow) => `tờ ${r.map_sheet_no} thửa ${r.parcel_no}`;

/** Checks every row, then writes them all in one transaction; returns what it created and updated. */
export async function runImport(pool: pg.Pool, actor: string, input: ImportInput, onProgress?: OnProgress) {
  const c = await clusterInfo(pool, input.clusterId);
  const read = await readParcelFile(input, c, onProgress);
  const mapping = input.mapping ?? {};
  const missing = REQUIRED_FIELDS.filter((f) => !mapping[f]);
  if (missing.length) throw new HttpError(400, 'MAPPING_INCOMPLETE', `Map a column to: ${missing.join(', ')}`, { missing });
  const d = defaultsOf(input, c);
  const total = read.features.length;

  // 1. Fields of every row.
  const rows: MappedRow[] = [];
  const seen = new Map<string, number>();
  read.features.forEach((f, i) => {
    const m = mapRow(f.properties, mapping, d);
    if (!m.row) throw refuse(i + 1, f, null, m.problem!.message, m.problem!.message_vi, m.problem!.field);
    const key = `${m.row.commune_code}|${m.row.map_sheet_no}|${m.row.parcel_no}`;
    if (seen.has(key)) throw refuse(i + 1, f, label(m.row), `the same parcel as row ${seen.get(key)}`, `trùng thửa với dòng ${seen.get(key)}`, 'key');
    seen.set(key, i + 1);
    rows.push(m.row);
  });
  // 2. Geometry: repaired where safe, else refused; PostGIS has the last word.
  const checked = processFeatures(read.features, { tm3: c.tm3_srid, nativeWinding: read.format === 'shapefile', onProgress: (n, t) => onProgress?.('check', n, t) });
  await postgisCheck(pool, checked);
  checked.forEach((f, i) => {
    const bad = f.status === 'refused' || !f.geometry;
    if (bad) {
      const issue = f.issues[0];
      throw refuse(i + 1, read.features[i], label(rows[i]!), `geometry refused: ${issue?.message ?? 'not a polygon'}`, `hình học không hợp lệ: ${issue?.message_vi ?? 'không phải vùng'}`, 'geometry');
    }
  });
  // 3. Communes exist; a parcel already in another cluster is not moved silently.
  const communes = [...new Set(rows.map((r) => r.commune_code))];
  const known = new Set((await pool.query<{ code: string }>("SELECT code FROM admin_units WHERE level = 'commune' AND code = ANY($1)", [communes])).rows.map((r) => r.code));
  rows.forEach((r, i) => {
    if (!known.has(r.commune_code)) throw refuse(i + 1, read.features[i], label(r), `unknown commune code ${r.commune_code}`, `mã xã không tồn tại ${r.commune_code}`, 'commune_code');
  });
  const keys = JSON.stringify(rows.map((r) => [r.commune_code, r.map_sheet_no, r.parcel_no]));
  const existing = new Map(
    (await pool.query<{ id: number; cluster_id: number; k: string }>(
      `SELECT p.id, p.cluster_id, p.commune_code || '|' || p.map_sheet_no || '|' || p.parcel_no AS k
       FROM parcels p JOIN json_array_elements($1::json) AS j ON p.commune_code = j->>0 AND p.map_sheet_no = j->>1 AND p.parcel_no = j->>2`,
      [keys],
    )).rows.map((r) => [r.k, r]),
  );
  rows.forEach((r, i) => {
    const e = existing.get(`${r.commune_code}|${r.map_sheet_no}|${r.parcel_no}`);
    if (e && e.cluster_id !== input.clusterId) throw refuse(i + 1, read.features[i], label(r), `this parcel belongs to cluster ${e.cluster_id}`, `thửa này thuộc cụm khác (${e.cluster_id})`, 'key');
  });

  // 4. Write, all or nothing.
  const items = rows.map((r, i) => ({ ...r, geom: JSON.stringify(checked[i]!.geometry), id: existing.get(`${r.commune_code}|${r.map_sheet_no}|${r.parcel_no}`)?.id ?? null }));
  return withTransaction(pool, async (cl) => {
    const BATCH = 500;
    const created: number[] = [];
    const updated: number[] = [];
    for (let s = 0; s < items.length; s += BATCH) {
      const batch = items.slice(s, s + BATCH);
      const fresh = batch.filter((x) => x.id === null);
      const old = batch.filter((x) => x.id !== null);
      if (fresh.length) {
        const ins = await cl.query<{ id: number }>(
          `INSERT INTO parcels (cluster_id, commune_code, map_sheet_no, parcel_no, legal_land_code, original_land_code, current_land_code,
             planned_land_code, cadastral_area_m2, notes, planned_on, last_event_date, geom)
           SELECT $1, j->>'commune_code', j->>'map_sheet_no', j->>'parcel_no', j->>'legal_land_code', j->>'original_land_code',
             j->>'current_land_code', j->>'planned_land_code', (j->>'cadastral_area_m2')::numeric, j->>'notes', $2::date, $2::date,
             ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(j->>'geom'), 4326))
           FROM json_array_elements($3::json) AS j RETURNING id`,
          [input.clusterId, d.planned_on, JSON.stringify(fresh)],
        );
        created.push(...ins.rows.map((r) => r.id));
      }
      if (old.length) {
        const up = await cl.query<{ id: number }>(
          `UPDATE parcels p SET geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(j->>'geom'), 4326)), legal_land_code = j->>'legal_land_code',
             original_land_code = j->>'original_land_code', current_land_code = j->>'current_land_code',
             planned_land_code = j->>'planned_land_code', cadastral_area_m2 = (j->>'cadastral_area_m2')::numeric,
             notes = coalesce(j->>'notes', p.notes), version = p.version + 1, updated_at = now()
           FROM json_array_elements($1::json) AS j WHERE p.id = (j->>'id')::int RETURNING p.id`,
          [JSON.stringify(old)],
        );
        updated.push(...up.rows.map((r) => r.id));
      }
      onProgress?.('write', Math.min(items.length, s + BATCH), items.length);
    }
    const run = await cl.query<{ id: number }>(
      `INSERT INTO parcel_imports (cluster_id, file_name, format, source_crs, mapping, created, updated, actor)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [input.clusterId, input.filename, read.format, read.crs.name, JSON.stringify(mapping), created.length, updated.length, actor],
    );
    await writeAudit(cl, {
      actor, action: 'import', entity: 'parcel_import', entityId: run.rows[0]!.id,
      after: { cluster_id: input.clusterId, file: input.filename, format: read.format, crs: read.crs.name, rows: total, created, updated },
    });
    return { import_id: run.rows[0]!.id, format: read.format, crs: read.crs, warnings: read.warnings, total, created: created.length, updated: updated.length };
  });
}
