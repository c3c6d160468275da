import { E2E_ADMIN_PASSWORD } from './page';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built front end, for tests that start servers of their own. */
    staticDir: string;
  }
}

/**
 * Builds the app (into a private directory, so parallel runs do not collide),
 * starts the real server (`server/main.ts`) over it with a fresh embedded
 * database, as `npm start` does, and hands its URL to the tests.
 */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(join(tmpdir(), 'ccn-e2e-'));
  const staticDir = join(work, 'dist');
  const build = spawnSync('node_modules/.bin/vite', ['build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const dataDir = join(work, 'data');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: staticDir, DATABASE_URL: '', ADMIN_PASSWORD: E2E_ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 150_000);
    const onData = (b: Buffer) => {
      log += b.toString();
      const m = /ready in \d+ ms at (http:\/\/[\d.]+:\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  project.provide('baseUrl', url);
  project.provide('staticDir', staticDir);
  console.log(`[e2e] app served at ${url}`);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(work, { recursive: true, force: true });
  };
}
