/** Helpers of the plot/project/inspection write path: scope guard, stale versions, DB errors. */
import type { FastifyRequest } from 'fastify';
import type pg from 'pg';
import { assertCanWrite, clusterTarget } from '../auth/guard';
import { HttpError } from '../errors';

/**
 * The cluster must exist (404); when accounts are on, the signed-in user's
 * scope must cover it (403). Runs on the transaction's client.
 */
export async function guardCluster(req: FastifyRequest, client: pg.PoolClient, clusterId: number): Promise<void> {
  const target = await clusterTarget(client, clusterId);
  if (req.user) assertCanWrite(req, target);
}

/** 409 with the record as it is now, so the client can show it and retry. */
export function assertVersion(entity: string, label: string, sent: number, current: number, state: () => Promise<unknown>): Promise<void> {
  if (sent === current) return Promise.resolve();
  return state().then((now) => {
    throw new HttpError(
      409,
      'VERSION_CONFLICT',
      `${entity} ${label} was changed by someone else (current version ${current}, yours ${sent}); reload and retry`,
      { current: now },
    );
  });
}

/** Today as YYYY-MM-DD (UTC+7, the reporting calendar of Vietnam). */
export function todayVn(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Turns a constraint error the schemas could not foresee into a 4xx (the transaction is rolled back). */
export function mapDbError(err: unknown): never {
  const e = err as { code?: string; constraint?: string; detail?: string };
  if (e.code === '23505') throw new HttpError(409, 'DUPLICATE', `Already exists (${e.constraint ?? 'unique'})`, { detail: e.detail });
  if (e.code === '23514') throw new HttpError(422, 'CONSTRAINT', `Refused by rule ${e.constraint ?? 'check'}`, { constraint: e.constraint });
  if (e.code === '23503') throw new HttpError(422, 'REFERENCE', `Refers to a record that does not exist (${e.constraint ?? 'foreign key'})`);
  throw err;
}
