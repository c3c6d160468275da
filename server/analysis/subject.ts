import type { MultiPolygon, Polygon } from 'geojson';
import type pg from 'pg';
import { validateBoundary } from '../../src/core/analysis/validate';
import { TM3_ZONES } from '../../src/core/crs/vn2000';
import { prepared } from '../db/prepared';
import { HttpError } from '../errors';
import { checkSubject, clusterSubject } from '../sql/analysis.sql';
import { loadProposal } from './proposals';
import { defaultTm3Srid } from './tm3-zone';

/** What the request asks to analyse: exactly one of a boundary, a saved cluster or a proposal. */
export interface SubjectRequest {
  geometry?: unknown;
  clusterId?: number;
  proposalId?: number;
  name?: string;
  srid?: number;
}

export interface ClusterRecord {
  id: number;
  name: string;
  status: string;
  is_mountainous: boolean;
  is_craft_village: boolean;
  declared_area_ha: number | null;
  tm3_srid: number;
  province_code: string;
  district_code_at_decision: string | null;
  district_name: string | null;
  commune_codes_current: string[];
  wwtp_built: boolean;
}

export interface Subject {
  kind: 'geometry' | 'cluster' | 'proposal';
  id: number | null;
  name: string | null;
  geometry: Polygon | MultiPolygon;
  /** The geometry as GeoJSON text: the $1 of every analysis query. */
  geojson: string;
  srid: number;
  /** The saved cluster (a cluster subject, or the cluster a proposal belongs to). */
  cluster: ClusterRecord | null;
}

/** Refuses a boundary the analysis cannot take, with what is wrong and where (before PostGIS sees it). */
export function assertBoundary(g: unknown): asserts g is Polygon | MultiPolygon {
  const problem = validateBoundary(g);
  if (problem) throw new HttpError(422, 'INVALID_GEOMETRY', problem.message, { reason: problem.code, where: problem.where });
}

/** PostGIS's verdict on a subject (ST_IsValidDetail), as the check statements answer it. */
export interface SubjectVerdict {
  empty: boolean;
  valid: boolean;
  reason: string | null;
  location: unknown;
}

/** Refuses a subject PostGIS finds empty or invalid, with its reason and place (422). */
export function assertVerdict(r: SubjectVerdict): void {
  if (r.empty) throw new HttpError(422, 'INVALID_GEOMETRY', 'The geometry is empty', { reason: 'EMPTY' });
  if (!r.valid)
    throw new HttpError(422, 'INVALID_GEOMETRY', `Invalid geometry: ${r.reason ?? 'unknown reason'}`, {
      reason: 'INVALID',
      where: r.location,
    });
}

/** PostGIS's own verdict (ST_IsValidDetail): the final word, still before any heavy call. */
async function assertValidInDb(q: pg.Pool | pg.PoolClient, geojson: string): Promise<void> {
  assertVerdict((await q.query<SubjectVerdict>(prepared(checkSubject, [geojson]))).rows[0]!);
}

export async function loadCluster(q: pg.Pool | pg.PoolClient, id: number): Promise<(ClusterRecord & { geometry: Polygon | MultiPolygon | null }) | undefined> {
  const { rows } = await q.query<ClusterRecord & { geometry: Polygon | MultiPolygon | null }>(prepared(clusterSubject, [id]));
  return rows[0];
}

/**
 * Resolves the request into a validated subject. A bad boundary is a 422 with the reason
 * and the place; an unknown cluster or proposal a 404. Its TM-3 zone: the one asked for, the
 * cluster's or proposal's, else that of its province (the bundled boundaries, as in the browser).
 * `checkedBy: 'statement'`: PostGIS's check is left to the statements that use the subject
 * (overlapAll, surroundings: they answer its verdict and compute nothing for a bad one), which
 * saves a round trip; the caller must then assert that verdict.
 */
export async function resolveSubject(
  q: pg.Pool | pg.PoolClient,
  req: SubjectRequest,
  opts: { checkedBy?: 'round trip' | 'statement' } = {},
): Promise<Subject> {
  const given = [req.geometry !== undefined, req.clusterId !== undefined, req.proposalId !== undefined].filter(Boolean).length;
  if (given !== 1)
    throw new HttpError(400, 'BAD_SUBJECT', 'Give exactly one of geometry (GeoJSON Polygon/MultiPolygon, EPSG:4326), clusterId or proposalId');
  if (req.srid !== undefined && !TM3_ZONES.some((z) => z.epsg === req.srid))
    throw new HttpError(400, 'BAD_SRID', `srid ${req.srid} is not a VN-2000 TM-3 zone`);

  let subject: Omit<Subject, 'geojson' | 'srid'> & { srid?: number };
  if (req.geometry !== undefined) {
    assertBoundary(req.geometry);
    subject = { kind: 'geometry', id: null, name: req.name ?? null, geometry: req.geometry, cluster: null };
  } else if (req.clusterId !== undefined) {
    const c = await loadCluster(q, req.clusterId);
    if (!c) throw new HttpError(404, 'NOT_FOUND', `Cluster ${req.clusterId} does not exist`);
    if (!c.geometry) throw new HttpError(422, 'NO_BOUNDARY', `Cluster ${req.clusterId} has no current boundary`);
    const { geometry, ...record } = c;
    subject = { kind: 'cluster', id: c.id, name: c.name, geometry, cluster: record, srid: c.tm3_srid };
  } else {
    const p = await loadProposal(q, req.proposalId!);
    const cluster = p.clusterId ? ((await loadCluster(q, p.clusterId)) ?? null) : null;
    assertBoundary(p.geometry);
    subject = { kind: 'proposal', id: p.id, name: p.name, geometry: p.geometry, cluster, srid: p.srid ?? cluster?.tm3_srid };
  }
  const geojson = JSON.stringify(subject.geometry);
  if (opts.checkedBy !== 'statement') await assertValidInDb(q, geojson);
  return { ...subject, geojson, srid: req.srid ?? subject.srid ?? defaultTm3Srid(subject.geometry) };
}
