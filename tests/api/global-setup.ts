import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedDatabase } from '../../server/db/embedded';
import { createApiToken, createUser } from '../../server/auth/users';
import { connectDatabase, type Backend } from '../../server/db/database';

declare module 'vitest' {
  export interface ProvidedContext {
    dbUrl: string;
    backend: Backend;
    /** Bearer token of the suite's admin account ('test-admin'). */
    adminToken: string;
  }
}

/** Drops and recreates the public schema of a throw-away test database. */
async function resetServerDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

/**
 * One database for the API leg: TEST_BACKEND=postgis uses TEST_DATABASE_URL
 * (reset, migrated, seeded); otherwise a fresh embedded PGlite in a temp dir.
 */
export default async function setup(project: TestProject) {
  const backend: Backend = process.env.TEST_BACKEND === 'postgis' ? 'postgis' : 'embedded';
  let embedded: EmbeddedDatabase | undefined;
  let dir: string | undefined;
  let url: string;
  if (backend === 'postgis') {
    url = process.env.TEST_DATABASE_URL ?? '';
    if (!url) throw new Error('TEST_BACKEND=postgis needs TEST_DATABASE_URL');
    await resetServerDatabase(url);
  } else {
    dir = mkdtempSync(join(tmpdir(), 'ccn-api-'));
    embedded = await startEmbedded(dir);
    url = embedded.url;
  }
  const db = await connectDatabase(url, backend);
  const adminId = await createUser(db.pool, { username: 'test-admin', password: 'test-admin-password-1', role: 'admin', provinceCode: '20' });
  project.provide('adminToken', await createApiToken(db.pool, adminId, 'api test suite'));
  await db.close();
  project.provide('dbUrl', url);
  project.provide('backend', backend);
  console.log(`[api] database backend: ${backend}`);
  return async () => {
    await embedded?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
