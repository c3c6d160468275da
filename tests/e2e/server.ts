import { E2E_ADMIN_PASSWORD } from './page';
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { ensureServerBuilt, serverArgs } from '../../scripts/build-server';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server (build/server/main.mjs, as `npm start` runs it) on a random port with the
 * given environment (DATA_DIR or DATABASE_URL, STATIC_DIR) and resolves once it is ready.
 */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  await ensureServerBuilt();
  const child: ChildProcess = spawn(process.execPath, serverArgs(), {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, ...env },
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
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Empties a PostGIS test database (every schema of ours goes) so a server started on it migrates and
 * seeds it afresh. Safe because the e2e project runs its files one at a time (fileParallelism: false).
 */
export async function emptyDatabase(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ s: string }>(
      "SELECT quote_ident(nspname) AS s FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'",
    );
    for (const r of rows) await c.query(`DROP SCHEMA ${r.s} CASCADE`);
    await c.query('CREATE SCHEMA public');
  } finally {
    await c.end();
  }
}
