/**
 * Bundles the API server (server/main.ts and all of our code it imports) into one ES module,
 * build/server/main.mjs, that plain Node runs: `npm start` runs it, and so do the tests and the
 * cold-start benchmark that start the real server process. No TypeScript loader at start (about
 * 1 s less to ready). Packages stay in node_modules. The bundle sits two levels deep like the
 * sources, so their `new URL('../../data/…', import.meta.url)` still finds data/ and assets/.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = 'build/server/main.mjs';

/**
 * V8 flags of the server (also in package.json's start script and the bench script, which hosts
 * the server in its own process). A 64 MB young generation (16 MB by default): a conflict check
 * allocates ~1 MB, and the default's scavenge every ~10 requests (2–6 ms, the request's objects
 * being live) was in its 95th percentile; about every 30th request now, and less GC time in all.
 */
export const SERVER_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=64'];

/** Node's arguments to run the bundled server (from the repository root). */
export const serverArgs = (): string[] => [...SERVER_NODE_FLAGS, SERVER_BUNDLE];

/** Builds the bundle and its source map; each file is replaced atomically (a concurrent start reads old or new). */
export async function buildServer(): Promise<void> {
  const out = await build({
    write: false,
    absWorkingDir: ROOT,
    entryPoints: ['server/main.ts'],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  for (const f of out.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
}

let built: Promise<void> | undefined;
/** Builds the bundle once per process (tests and benchmarks call this before spawning the server). */
export const ensureServerBuilt = (): Promise<void> => (built ??= buildServer());

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
