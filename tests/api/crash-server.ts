/**
 * The real server process (build/server/main.mjs, as `npm start` runs it) for the crash test:
 * started on a random port with the given environment, killed with SIGKILL (no shutdown hook
 * runs, the embedded PGlite dies with it), started again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ensureServerBuilt, serverArgs } from '../../scripts/build-server';

export interface ServerProcess {
  url: string;
  /** Everything the process printed. */
  log: () => string;
  /** SIGKILL, resolves once the process is gone. */
  kill: () => Promise<void>;
  /** SIGTERM (clean shutdown), resolves once the process is gone. */
  stop: () => Promise<void>;
}

const gone = (child: ChildProcess, signal: NodeJS.Signals) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });

export async function spawnServer(env: Record<string, string>, timeoutMs = 150_000): Promise<ServerProcess> {
  await ensureServerBuilt();
  const child = spawn(process.execPath, serverArgs(), {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', STATIC_DIR: '/nonexistent-ccn-static', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const onData = (b: Buffer) => {
    log += b.toString();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    const check = () => {
      const m = /ready in \d+ ms at (http:\/\/[\d.]+:\d+)\//.exec(log);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
  return { url, log: () => log, kill: () => gone(child, 'SIGKILL'), stop: () => gone(child, 'SIGTERM') };
}

/** Reads an NDJSON response line by line as it arrives; `onLine` returning true stops reading. */
export async function readLines(res: Response, onLine: (line: Record<string, unknown>) => boolean | void): Promise<void> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line && onLine(JSON.parse(line) as Record<string, unknown>)) return;
      }
    }
  } finally {
    reader.releaseLock();
  }
}
