/**
 * What every benchmark section gets: the open benchmark databases, an HTTP server of the real
 * app over each (listening on a random port, requests through keep-alive fetch), the province
 * mask and a seeded random source for sampling places.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
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
  /** `conn`: which connection sent it (a pool's query, or its n-th checked-out client). */
  log: { text: string; values: unknown[] | undefined; conn: string }[];
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

function recordQuery(rec: Recorder, conn: string, arg: QueryArg, values?: unknown[]) {
  if (!rec.on) return;
  if (typeof arg === 'string') rec.log.push({ text: arg, values, conn });
  else rec.log.push({ text: arg.text, values: arg.values ?? values, conn });
}

let checkouts = 0;

/**
 * `target` with its `query` recording the statements while recorder.on (API ÷ raw SQL), and
 * `connect` (a pool's) answering clients wrapped the same way.
 */
function recording<T extends pg.Pool | pg.PoolClient>(target: T, rec: Recorder, conn = 'pool'): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === 'query')
        return (arg: QueryArg, values?: unknown[]) => {
          recordQuery(rec, conn, arg, values);
          return (t.query as (a: QueryArg, v?: unknown[]) => Promise<unknown>)(arg, values);
        };
      if (prop === 'connect' && t instanceof pg.Pool) return async () => recording(await t.connect(), rec, `client ${++checkouts}`);
      const v = Reflect.get(t, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
    },
  });
}

/** The real app over a benchmark database, served over HTTP on 127.0.0.1. */
export async function serve(target: Target, db: Database): Promise<Served> {
  const recorder: Recorder = { on: false, log: [] };
  // Parcels readable without signing in (PUBLIC_PARCELS, a supported deployment): the requests
  // carry no credentials, so no session lookup is added to any figure.
  const app = await buildApp({ db: { ...db, pool: recording(db.pool, recorder) }, auth: { publicParcels: true } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { target, db, app, url: `http://127.0.0.1:${port}`, recorder };
}

export const seeded = (seed: number) => mulberry32(seed);
