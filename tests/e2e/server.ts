import { E2E_ADMIN_PASSWORD } from './page';
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real server (`server/main.ts`, as `npm start` runs it) on a random port with the
 * given environment (DATA_DIR or DATABASE_URL, STATIC_DIR) and resolves once it is ready.
 */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
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
