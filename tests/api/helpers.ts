import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../../server/app';
import { connectDatabase, type Database } from '../../server/db/database';

export interface TestContext {
  app: FastifyInstance;
  db: Database;
}

/** Builds the real app over the leg's real database (no mocks). */
export async function startTestApp(): Promise<TestContext> {
  const db = await connectDatabase(inject('dbUrl'), inject('backend'), { seed: false });
  const app = await buildApp({ db });
  return { app, db };
}

/** Headers that sign a request in as the suite's admin (bearer token). */
export const adminHeaders = (): Record<string, string> => ({ authorization: `Bearer ${inject('adminToken')}` });

export async function stopTestApp(ctx: TestContext | undefined): Promise<void> {
  await ctx?.app.close();
  await ctx?.db.close();
}
