import type { FastifyInstance, InjectOptions } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { connectDatabase, type Database } from '../../server/db/database';

export interface TestContext {
  app: FastifyInstance;
  db: Database;
}

/** Headers that sign a request in as the suite's admin (bearer token). */
export const adminHeaders = (): Record<string, string> => ({ authorization: `Bearer ${inject('adminToken')}` });

/**
 * Makes app.inject() send the suite admin's bearer token unless the request
 * sets its own `authorization` header ('' = anonymous). Authorization itself is
 * tested in auth.test.ts and authorization-matrix.test.ts.
 */
export function signInjectAsAdmin(app: FastifyInstance): FastifyInstance {
  const original = app.inject.bind(app) as (o: InjectOptions | string) => ReturnType<FastifyInstance['inject']>;
  const signed = (opts: InjectOptions | string) => {
    const o: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    const headers = { ...adminHeaders(), ...((o.headers as Record<string, string> | undefined) ?? {}) };
    if (headers.authorization === '') delete headers.authorization;
    return original({ ...o, headers });
  };
  (app as unknown as { inject: typeof signed }).inject = signed;
  return app;
}

/** Builds the real app over the leg's real database (no mocks), its inject() signed in as admin. */
export async function startTestApp(): Promise<TestContext> {
  const db = await connectDatabase(inject('dbUrl'), inject('backend'), { seed: false });
  const app = signInjectAsAdmin(await buildApp({ db }));
  return { app, db };
}

export async function stopTestApp(ctx: TestContext | undefined): Promise<void> {
  await ctx?.app.close();
  await ctx?.db.close();
}
