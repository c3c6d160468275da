/**
 * What every benchmark section gets: the open benchmark databases, an HTTP server of the real
 * app over each (listening on a random port, requests through keep-alive fetch), the province
 * mask and a seeded random source for sampling places.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/database';
import { type Mask } from '../data/province';
import { mulberry32 } from '../data/noise';
import type { Target } from '../data/target';

export interface Served {
  target: Target;
  db: Database;
  app: FastifyInstance;
  url: string;
  /** Statements the app sent while `recording` is on (to replay them as raw SQL). */
  recorder: Recorder;
}

export interface Recorder {
  on: boolean;
  log: { text: string; values: unknown[] | undefined }[];
}

export interface BenchContext {
  size: number;
  targets: Served[];
  mask: Mask;
  rand: () => number;
  log: (m: string) => void;
  /** Scales sample counts (quick runs). */
  samples: (n: number) => number;
}

type QueryArg = string | { text: string; values?: unknown[]; name?: string };

function recordQuery(rec: Recorder, arg: QueryArg, values?: unknown[]) {
  if (!rec.on) return;
  if (typeof arg === 'string') rec.log.push({ text: arg, values });
  else rec.log.push({ text: arg.text, values: arg.values ?? values });
}

/** A pool that records the statements of its clients while recorder.on (API ÷ raw SQL). */
function recordingPool(pool: pg.Pool, rec: Recorder): pg.Pool {
  const wrapClient = (c: pg.PoolClient): pg.PoolClient =>
    new Proxy(c, {
      get(target, prop, receiver) {
        if (prop === 'query')
          return (arg: QueryArg, values?: unknown[]) => {
            recordQuery(rec, arg, values);
            return (target.query as (a: QueryArg, v?: unknown[]) => Promise<unknown>)(arg, values);
          };
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect') return async () => wrapClient(await target.connect());
      if (prop === 'query')
        return (arg: QueryArg, values?: unknown[]) => {
          recordQuery(rec, arg, values);
          return (target.query as (a: QueryArg, v?: unknown[]) => Promise<unknown>)(arg, values);
        };
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** The real app over a benchmark database, served over HTTP on 127.0.0.1. */
export async function serve(target: Target, db: Database): Promise<Served> {
  const recorder: Recorder = { on: false, log: [] };
  // Parcels readable without signing in (PUBLIC_PARCELS, a supported deployment): the requests
  // carry no credentials, so no session lookup is added to any figure.
  const app = await buildApp({ db: { ...db, pool: recordingPool(db.pool, recorder) }, auth: { publicParcels: true } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { target, db, app, url: `http://127.0.0.1:${port}`, recorder };
}

export const seeded = (seed: number) => mulberry32(seed);
