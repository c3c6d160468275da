import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built front end, for tests that start servers of their own. */
    staticDir: string;
  }
}

/**
 * Builds the app (into a private directory, so parallel runs do not collide),
 * starts the real server (build/server/main.mjs) over it with a fresh embedded
 * database, as `npm start` does, and hands its URL to the tests.
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'ccn-e2e-'));
  const staticDir = join(work, 'dist');
  const build = spawnSync('node_modules/.bin/vite', ['build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = await startServer({ DATA_DIR: join(work, 'data'), STATIC_DIR: staticDir });
  const url = server.url;
  project.provide('baseUrl', url);
  project.provide('staticDir', staticDir);
  console.log(`[e2e] app served at ${url}`);
  return async () => {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  };
}
