/**
 * One valid request for every write route of the API (authorization matrix, SQL-injection
 * test): how to create the record it changes and a body the route accepts. Everything hangs
 * off a throw-away cluster (a copy of Bình Chương's record and boundary, moved 1.2 km west),
 * so removing that cluster removes what the 2xx calls created; proposals, accounts and the
 * cluster's history rows are removed by name.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { hashPassword } from '../../server/auth/secrets';
import type { Database } from '../../server/db/database';

/** Who may call a route (server/auth/access.ts) and, for editors, what scope covers it. */
export type RouteScope = 'public' | 'signed-in' | 'admin' | 'cluster' | 'province';

export interface WriteCall {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Multipart body (a file upload) instead of JSON. */
  file?: { name: string; text: string };
}

export interface Fixture {
  scope: RouteScope;
  /** Creates the record the call changes (as admin) and returns the call; `who` calls it. */
  prepare: (f: Fixtures, who: string) => Promise<WriteCall>;
  /** Undoes what a successful call did beyond the throw-away cluster (accounts, passwords). */
  undo?: (f: Fixtures, who: string) => Promise<void>;
}

export const PASSWORD = 'matrix-pass-2026';
const PREFIX = 'mx';

/** Builds the multipart body of a one-file upload. */
export function toInject(call: WriteCall, headers: Record<string, string>): InjectOptions {
  if (!call.file) return { method: call.method, url: call.url, payload: call.payload as InjectOptions['payload'], headers: { ...headers, ...call.headers } };
  const boundary = `----mx${Math.random().toString(16).slice(2)}`;
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${call.file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n${call.file.text}\r\n--${boundary}--\r\n`;
  return { method: call.method, url: call.url, payload, headers: { ...headers, ...call.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Every unsafe route the app registered, from fastify's own route table. */
export function collectWriteRoutes(a: FastifyInstance): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const raw of a.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(raw);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack[depth] = m[2]!;
    const url = stack.join('');
    for (const method of m[3]!.split(',').map((s) => s.trim())) {
      if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && url.startsWith('/api/')) out.push(`${method} ${url}`);
    }
  }
  return out;
}

const SHARED = ['clusters', 'decisions', 'cluster_boundaries', 'cluster_history', 'proposals', 'plots', 'projects', 'project_plots', 'project_reports',
  'inspections', 'violations', 'parcels', 'parcel_events', 'parcel_imports', 'users', 'api_tokens', 'sessions'];
/** Row counts of the tables other test files read: the same before set-up and after tear-down. */
export async function sharedCounts(db: Database): Promise<Record<string, number>> {
  const row = (await db.pool.query<Record<string, number>>(`SELECT ${SHARED.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`)).rows[0]!;
  return { ...row };
}

type Geo = { type: 'Polygon'; coordinates: number[][][] };
const square = (x: number, y: number, d: number): Geo => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

/** The throw-away cluster and helpers that create its records through the API (as admin). */
export class Fixtures {
  clusterId = 0;
  commune = '';
  boundary!: unknown;
  private lon = 0;
  private lat = 0;
  private n = 0;

  constructor(readonly app: FastifyInstance, readonly db: Database, readonly tag: string) {}

  private get q() {
    return this.db.pool;
  }

  async setUp(): Promise<void> {
    await this.tearDown();
    const name = `Cụm thử ${this.tag}`;
    const ins = await this.q.query<{ id: number; commune: string }>(
      `INSERT INTO clusters (name, status, province_code, district_code_at_decision, commune_codes_at_decision, commune_codes_current, tm3_srid, is_mountainous)
       SELECT $1, status, province_code, district_code_at_decision, commune_codes_at_decision, commune_codes_current, tm3_srid, is_mountainous
       FROM clusters WHERE name = 'Cụm công nghiệp Bình Chương' RETURNING id, commune_codes_current[1] AS commune`,
      [name],
    );
    this.clusterId = ins.rows[0]!.id;
    this.commune = ins.rows[0]!.commune;
    const b = await this.q.query<{ g: string; lon: number; lat: number }>(
      `INSERT INTO cluster_boundaries (cluster_id, valid_from, is_current, geom)
       SELECT $1, '2020-01-01', true, ST_Translate(geom, -0.012, 0) FROM cluster_boundaries WHERE cluster_id = (SELECT id FROM clusters WHERE name = 'Cụm công nghiệp Bình Chương') AND is_current
       RETURNING ST_AsGeoJSON(geom) AS g, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat`,
      [this.clusterId],
    );
    this.boundary = JSON.parse(b.rows[0]!.g);
    this.lon = b.rows[0]!.lon;
    this.lat = b.rows[0]!.lat;
  }

  async tearDown(): Promise<void> {
    const ids = (await this.q.query<{ id: number }>('SELECT id FROM clusters WHERE name = $1', [`Cụm thử ${this.tag}`])).rows.map((r) => r.id);
    await this.q.query(`DELETE FROM proposals WHERE name LIKE '${PREFIX}-${this.tag}-%' OR cluster_id = ANY($1)`, [ids]);
    await this.q.query('DELETE FROM clusters WHERE id = ANY($1)', [ids]);
    await this.q.query('DELETE FROM cluster_history WHERE cluster_id = ANY($1)', [ids]);
    await this.q.query(`DELETE FROM users WHERE username LIKE '${PREFIX}-${this.tag}-%'`);
  }

  /** A fresh name (unique within the run). */
  next(what: string): string {
    return `${PREFIX}-${this.tag}-${what}${++this.n}`;
  }

  private cells = 0;
  private plotCells = 0;
  /** An 11 m square inside the cluster (parcels, drawn areas). */
  cell(i = this.cells++ % 400): Geo {
    const d = 0.0001;
    return square(this.lon - 10 * d * 1.2 + (i % 20) * d * 1.2, this.lat - 10 * d * 1.2 + Math.floor(i / 20) * d * 1.2, d);
  }

  /** A plot's square: a cell no other plot of the run has used (plots may not overlap). */
  plotCell(): Geo {
    if (this.plotCells >= 400) throw new Error('out of plot cells');
    return this.cell(this.plotCells++);
  }

  private async ok<T>(opts: InjectOptions): Promise<T> {
    const res = await this.app.inject(opts);
    if (res.statusCode >= 300) throw new Error(`fixture ${opts.method} ${opts.url}: ${res.statusCode} ${res.body}`);
    return (res.body ? res.json() : undefined) as T;
  }

  decision = () =>
    this.ok<{ id: number; version: number }>({
      method: 'POST', url: `/api/clusters/${this.clusterId}/decisions`,
      payload: { number: `${this.n++}/QĐ-UBND`, date: '2026-01-05', issuer: 'UBND tỉnh Lạng Sơn', kind: 'adjustment' },
    });

  clusterVersion = async () => (await this.ok<{ properties: { version: number } }>({ method: 'GET', url: `/api/clusters/${this.clusterId}` })).properties.version;

  proposal = () =>
    this.ok<{ id: number; properties: { version: number } }>({
      method: 'POST', url: '/api/proposals', payload: { name: this.next('p'), origin: 'draw', cluster_id: this.clusterId, geometry: this.cell() },
    });

  plot = (code = this.next('L'), landUse = 'industrial') =>
    this.ok<{ id: number; properties: { version: number } }>({
      method: 'POST', url: '/api/plots', payload: { cluster_id: this.clusterId, code, land_use: landUse, geometry: this.plotCell() },
    });

  project = () =>
    this.ok<{ id: number; properties?: { version: number }; version?: number }>({
      method: 'POST', url: '/api/projects',
      payload: { cluster_id: this.clusterId, name: this.next('prj'), investor_name: 'Công ty TNHH Thử', capital_origin: 'domestic', status: 'approved' },
    });

  /** A plot leased to a project: its id and version. */
  async leased(): Promise<{ id: number; version: number }> {
    const plot = await this.plot();
    const project = await this.project();
    const r = await this.ok<{ plot: { properties: { version: number } } }>({
      method: 'POST', url: `/api/plots/${plot.id}/lease`, payload: { version: plot.properties.version, project_id: project.id },
    });
    return { id: plot.id, version: r.plot.properties.version };
  }

  async report(): Promise<{ project: number; version: number }> {
    const p = await this.project();
    const r = await this.ok<{ version: number }>({ method: 'PUT', url: `/api/projects/${p.id}/reports/2025-H1`, payload: { workers: 12 } });
    return { project: p.id, version: r.version };
  }

  inspection = () =>
    this.ok<{ id: number; version: number; violations?: { id: number; version: number }[] }>({
      method: 'POST', url: '/api/inspections',
      payload: { cluster_id: this.clusterId, date: '2026-01-05', agency: 'Sở Công Thương', scope: ['environment'], violations: [{ description: 'Thiếu hồ sơ', deadline: '2026-03-01' }] },
    });

  parcel = () =>
    this.ok<{ id: number; properties: { version: number } }>({
      method: 'POST', url: '/api/parcels',
      payload: {
        cluster_id: this.clusterId, commune_code: this.commune, map_sheet_no: this.next('t'), parcel_no: '1',
        legal_land_code: 'CLN', planned_on: '2025-06-01', geometry: this.cell(),
      },
    });

  /** A parcel with one recorded transition (so the last one can be withdrawn). */
  async moved(): Promise<{ id: number; version: number }> {
    const p = await this.parcel();
    const r = await this.ok<{ properties: { version: number } }>({
      method: 'POST', url: `/api/parcels/${p.id}/transitions`, payload: { version: p.properties.version, action: 'hold_meeting', date: '2026-01-05' },
    });
    return { id: p.id, version: r.properties.version };
  }

  featureFile(props: Record<string, unknown>): string {
    return JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: props, geometry: this.cell() }] });
  }

  userId = async (username: string) => (await this.q.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username])).rows[0]!.id;
}

const versionOf = (r: { version?: number; properties?: { version: number } }) => r.version ?? r.properties!.version;
const area = (f: Fixtures) => f.cell();

/** Every write route of the API, keyed like server/auth/access.ts. */
export const FIXTURES: Record<string, Fixture> = {
  // Open to anyone: they store nothing (analysis, generated files) or sign in.
  'POST /api/auth/login': { scope: 'public', prepare: async (f) => ({ method: 'POST', url: '/api/auth/login', payload: { username: `${PREFIX}-${f.tag}-viewer`, password: PASSWORD } }) },
  'POST /api/analysis/conflicts': { scope: 'public', prepare: async (f) => ({ method: 'POST', url: '/api/analysis/conflicts', payload: { geometry: area(f), name: 'Vùng thử' } }) },
  'POST /api/analysis/compare': {
    scope: 'public',
    prepare: async (f) => ({ method: 'POST', url: '/api/analysis/compare', payload: { items: [{ geometry: area(f), label: 'A' }, { geometry: area(f), label: 'B' }] } }),
  },
  'POST /api/analysis/trim': { scope: 'public', prepare: async (f) => ({ method: 'POST', url: '/api/analysis/trim', payload: { geometry: area(f), name: 'Vùng thử' } }) },
  'POST /api/analysis/report': { scope: 'public', prepare: async (f) => ({ method: 'POST', url: '/api/analysis/report', payload: { geometry: area(f), name: 'Vùng thử', format: 'xlsx' } }) },
  'POST /api/exports': {
    scope: 'public',
    prepare: async (f) => ({ method: 'POST', url: '/api/exports?format=geojson', payload: { name: 'Vùng thử', features: [{ geometry: area(f), properties: { name: 'A' } }] } }),
  },

  // Signed-in users: their own session and password.
  'POST /api/auth/logout': { scope: 'signed-in', prepare: async () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'POST /api/auth/password': {
    scope: 'signed-in',
    prepare: async () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: PASSWORD, newPassword: `${PASSWORD}-new` } }),
    undo: async (f, who) => {
      await f.db.pool.query('UPDATE users SET password_hash = $2 WHERE username = $1', [who, await hashPassword(PASSWORD)]);
    },
  },

  // Admins only.
  'POST /api/users': { scope: 'admin', prepare: async (f) => ({ method: 'POST', url: '/api/users', payload: { username: f.next('u'), displayName: 'Người thử', password: 'a-long-pass-1', role: 'viewer' } }) },
  'POST /api/users/:id/tokens': { scope: 'admin', prepare: async (f) => ({ method: 'POST', url: `/api/users/${await f.userId(`${PREFIX}-${f.tag}-viewer`)}/tokens`, payload: { name: 'thử' } }) },

  // Editors, province-wide.
  'POST /api/imports': { scope: 'province', prepare: async (f) => ({ method: 'POST', url: '/api/imports', file: { name: 'ranh-gioi.geojson', text: f.featureFile({ TEN: 'Ranh thử' }) } }) },
  'POST /api/plots/import/preview': {
    scope: 'province',
    prepare: async (f) => ({ method: 'POST', url: '/api/plots/import/preview', file: { name: 'qhct.geojson', text: f.featureFile({ MA_LO: 'A-01', CHUC_NANG: 'Đất công nghiệp' }) } }),
  },

  // Editors whose scope covers the cluster.
  'PATCH /api/clusters/:id': {
    scope: 'cluster',
    prepare: async (f) => ({ method: 'PATCH', url: `/api/clusters/${f.clusterId}`, payload: { version: await f.clusterVersion(), notes: `Ghi chú ${f.next('n')}` } }),
  },
  'POST /api/clusters/:id/decisions': {
    scope: 'cluster',
    prepare: async (f) => ({
      method: 'POST', url: `/api/clusters/${f.clusterId}/decisions`,
      payload: { number: '99/QĐ-UBND', date: '2026-01-05', issuer: 'UBND tỉnh Lạng Sơn', kind: 'adjustment', legal_regime: 'Nghị định 32/2024/NĐ-CP', summary: 'Điều chỉnh' },
    }),
  },
  'POST /api/clusters/:id/boundaries': {
    scope: 'cluster',
    prepare: async (f) => ({
      method: 'POST', url: `/api/clusters/${f.clusterId}/boundaries`, payload: { geometry: f.boundary, decision_id: (await f.decision()).id, note: 'Ranh điều chỉnh' },
    }),
  },
  'PATCH /api/decisions/:id': {
    scope: 'cluster',
    prepare: async (f) => {
      const d = await f.decision();
      return { method: 'PATCH', url: `/api/decisions/${d.id}`, payload: { version: d.version, number: '100/QĐ-UBND', date: '2026-01-06', issuer: 'UBND tỉnh Lạng Sơn', kind: 'other', summary: 'Sửa' } };
    },
  },
  'DELETE /api/decisions/:id': { scope: 'cluster', prepare: async (f) => { const d = await f.decision(); return { method: 'DELETE', url: `/api/decisions/${d.id}?version=${d.version}` }; } },
  'POST /api/proposals': { scope: 'cluster', prepare: async (f) => ({ method: 'POST', url: '/api/proposals', payload: { name: f.next('p'), note: 'Phương án thử', origin: 'draw', cluster_id: f.clusterId, source_file: 've-tay.geojson', geometry: area(f) } }) },
  'PATCH /api/proposals/:id': {
    scope: 'cluster',
    prepare: async (f) => { const p = await f.proposal(); return { method: 'PATCH', url: `/api/proposals/${p.id}`, payload: { version: versionOf(p), name: f.next('p'), note: 'Sửa' } }; },
  },
  'DELETE /api/proposals/:id': { scope: 'cluster', prepare: async (f) => { const p = await f.proposal(); return { method: 'DELETE', url: `/api/proposals/${p.id}?version=${versionOf(p)}` }; } },
  'POST /api/plots': { scope: 'cluster', prepare: async (f) => ({ method: 'POST', url: '/api/plots', payload: { cluster_id: f.clusterId, code: f.next('L'), land_use: 'industrial', plan_area_ha: 0.01, note: 'Lô thử', geometry: f.plotCell() } }) },
  'POST /api/plots/import': {
    scope: 'cluster',
    prepare: async (f) => ({
      method: 'POST', url: '/api/plots/import',
      payload: {
        cluster_id: f.clusterId, filename: 'qhct.geojson', mapping: { code: 'MA_LO', land_use: 'CHUC_NANG', note: 'GHI_CHU' },
        land_use_values: { 'Đất công nghiệp': 'industrial' }, default_land_use: 'industrial',
        features: [{ type: 'Feature', geometry: f.plotCell(), properties: { MA_LO: f.next('L'), CHUC_NANG: 'Đất công nghiệp', GHI_CHU: 'Lô nhập' } }],
      },
    }),
  },
  'PATCH /api/plots/:id': { scope: 'cluster', prepare: async (f) => { const p = await f.plot(); return { method: 'PATCH', url: `/api/plots/${p.id}`, payload: { version: versionOf(p), code: f.next('L'), note: 'Sửa lô' } }; } },
  'DELETE /api/plots/:id': { scope: 'cluster', prepare: async (f) => { const p = await f.plot(); return { method: 'DELETE', url: `/api/plots/${p.id}?version=${versionOf(p)}` }; } },
  'POST /api/plots/:id/lease': {
    scope: 'cluster',
    prepare: async (f) => {
      const [plot, project] = [await f.plot(), await f.project()];
      return { method: 'POST', url: `/api/plots/${plot.id}/lease`, payload: { version: versionOf(plot), project_id: project.id, leased_on: '2026-01-05' } };
    },
  },
  'POST /api/plots/:id/release': { scope: 'cluster', prepare: async (f) => { const p = await f.leased(); return { method: 'POST', url: `/api/plots/${p.id}/release`, payload: { version: p.version, released_on: '2026-02-01' } }; } },
  'POST /api/projects': {
    scope: 'cluster',
    prepare: async (f) => ({
      method: 'POST', url: '/api/projects',
      payload: {
        cluster_id: f.clusterId, name: f.next('prj'), investor_name: 'Công ty TNHH Thử', capital_origin: 'fdi', investor_country: 'Hàn Quốc', industry: 'May mặc',
        investment_cert_no: '123/GCN', lease_contract_no: 'HĐ-01', status: 'approved', notes: 'Dự án thử',
      },
    }),
  },
  'PATCH /api/projects/:id': {
    scope: 'cluster',
    prepare: async (f) => { const p = await f.project(); return { method: 'PATCH', url: `/api/projects/${p.id}`, payload: { version: versionOf(p), name: f.next('prj'), notes: 'Sửa' } }; },
  },
  'DELETE /api/projects/:id': { scope: 'cluster', prepare: async (f) => { const p = await f.project(); return { method: 'DELETE', url: `/api/projects/${p.id}?version=${versionOf(p)}` }; } },
  'PUT /api/projects/:id/reports/:period': {
    scope: 'cluster',
    prepare: async (f) => { const p = await f.project(); return { method: 'PUT', url: `/api/projects/${p.id}/reports/2025-H1`, payload: { revenue_bn_vnd: 10, workers: 30 } }; },
  },
  'DELETE /api/projects/:id/reports/:period': {
    scope: 'cluster',
    prepare: async (f) => { const r = await f.report(); return { method: 'DELETE', url: `/api/projects/${r.project}/reports/2025-H1?version=${r.version}` }; },
  },
  'POST /api/inspections': {
    scope: 'cluster',
    prepare: async (f) => ({
      method: 'POST', url: '/api/inspections',
      payload: {
        cluster_id: f.clusterId, date: '2026-01-05', agency: 'Sở Tài nguyên và Môi trường', scope: ['environment', 'fire_safety'], findings: 'Đạt yêu cầu',
        violations: [{ description: 'Thiếu bình chữa cháy', deadline: '2026-03-01', follow_up_note: 'Nhắc lại' }],
      },
    }),
  },
  'PATCH /api/inspections/:id': {
    scope: 'cluster',
    prepare: async (f) => { const i = await f.inspection(); return { method: 'PATCH', url: `/api/inspections/${i.id}`, payload: { version: i.version, agency: 'Công an tỉnh', findings: 'Sửa' } }; },
  },
  'DELETE /api/inspections/:id': { scope: 'cluster', prepare: async (f) => { const i = await f.inspection(); return { method: 'DELETE', url: `/api/inspections/${i.id}?version=${i.version}` }; } },
  'POST /api/inspections/:id/violations': {
    scope: 'cluster',
    prepare: async (f) => {
      const i = await f.inspection();
      return { method: 'POST', url: `/api/inspections/${i.id}/violations`, payload: { description: 'Xả thải', deadline: '2026-04-01', follow_up_note: 'Theo dõi' } };
    },
  },
  'PATCH /api/violations/:id': {
    scope: 'cluster',
    prepare: async (f) => {
      const v = (await f.inspection()).violations![0]!;
      return { method: 'PATCH', url: `/api/violations/${v.id}`, payload: { version: v.version, description: 'Sửa', follow_up_note: 'Đã nhắc' } };
    },
  },
  'DELETE /api/violations/:id': { scope: 'cluster', prepare: async (f) => { const v = (await f.inspection()).violations![0]!; return { method: 'DELETE', url: `/api/violations/${v.id}?version=${v.version}` }; } },
  'POST /api/parcels': {
    scope: 'cluster',
    prepare: async (f) => ({
      method: 'POST', url: '/api/parcels',
      payload: { cluster_id: f.clusterId, commune_code: f.commune, map_sheet_no: f.next('t'), parcel_no: '7', legal_land_code: 'CLN', planned_on: '2025-06-01', notes: 'Thửa thử', geometry: f.cell() },
    }),
  },
  'PATCH /api/parcels/:id': { scope: 'cluster', prepare: async (f) => { const p = await f.parcel(); return { method: 'PATCH', url: `/api/parcels/${p.id}`, payload: { version: versionOf(p), notes: 'Sửa thửa' } }; } },
  'DELETE /api/parcels/:id': { scope: 'cluster', prepare: async (f) => { const p = await f.parcel(); return { method: 'DELETE', url: `/api/parcels/${p.id}?version=${versionOf(p)}` }; } },
  'POST /api/parcels/:id/transitions': {
    scope: 'cluster',
    prepare: async (f) => {
      const p = await f.parcel();
      return { method: 'POST', url: `/api/parcels/${p.id}/transitions`, payload: { version: versionOf(p), action: 'hold_meeting', date: '2026-01-05', note: 'Họp dân', signatory: 'Chủ tịch UBND xã' } };
    },
  },
  'DELETE /api/parcels/:id/transitions/last': { scope: 'cluster', prepare: async (f) => { const p = await f.moved(); return { method: 'DELETE', url: `/api/parcels/${p.id}/transitions/last?version=${p.version}` }; } },
  'POST /api/parcels/transitions': {
    scope: 'cluster',
    prepare: async (f) => {
      const [a, b] = [await f.parcel(), await f.parcel()];
      return {
        method: 'POST', url: '/api/parcels/transitions',
        payload: { items: [{ id: a.id, version: versionOf(a) }, { id: b.id, version: versionOf(b) }], action: 'hold_meeting', date: '2026-01-05', note: 'Họp chung' },
      };
    },
  },
  'POST /api/parcels/imports/preview': {
    scope: 'cluster',
    prepare: async (f) => ({ method: 'POST', url: `/api/parcels/imports/preview?cluster_id=${f.clusterId}`, file: { name: 'thua.geojson', text: f.featureFile({ SHBANDO: f.next('t'), SHTHUA: 1, LOAIDAT: 'CLN' }) } }),
  },
  'POST /api/parcels/imports': {
    scope: 'cluster',
    prepare: async (f) => ({
      method: 'POST', url: `/api/parcels/imports?cluster_id=${f.clusterId}&col_map_sheet_no=SHBANDO&col_parcel_no=SHTHUA&col_legal_land_code=LOAIDAT&col_notes=GHICHU&planned_on=2026-01-05`,
      file: { name: 'thua.geojson', text: f.featureFile({ SHBANDO: f.next('t'), SHTHUA: 1, LOAIDAT: 'CLN', GHICHU: 'Nhập thử' }) },
    }),
  },
};
