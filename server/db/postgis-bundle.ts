/**
 * A slim PostGIS bundle for PGlite, for a faster start. The package's bundle (20 MB gzip, 91 MB
 * unpacked) also holds postgis_raster and postgis_topology (two more 16 MB WebAssembly modules that
 * PGlite unpacks and compiles at EVERY start), the tiger geocoder and 488 upgrade-path links. We only
 * `CREATE EXTENSION postgis`, so the slim copy keeps postgis-3.so, its control file and install
 * script, and PROJ's data. It is made once from the installed package and cached next to it
 * (node_modules/.cache/ccn-map), keyed by the package version and the bundle's size; if it cannot be
 * made, the package's own bundle is used.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Extension } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';

/** The entries kept (regular files only: no links, no raster/topology/tiger). */
export const SLIM_BUNDLE_FILES = /^(lib\/postgresql\/postgis-3\.so|share\/postgresql\/extension\/postgis(\.control|--\d[\d.]*\.sql)|share\/proj\/[^/]+)$/;

const BLOCK = 512;

const field = (h: Buffer, from: number, len: number) => {
  const s = h.subarray(from, from + len);
  const end = s.indexOf(0);
  return s.subarray(0, end < 0 ? len : end).toString('utf8');
};

/** The tar archive with only the regular files whose path matches `keep` (headers copied as they are). */
export function filterTar(tar: Buffer, keep: RegExp): Buffer {
  const out: Buffer[] = [];
  for (let off = 0; off + BLOCK <= tar.length; ) {
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    const prefix = field(h, 345, 155);
    const name = (prefix ? `${prefix}/` : '') + field(h, 0, 100);
    const size = parseInt(field(h, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(h[156]!);
    const span = BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if ((type === '0' || type === '\0') && keep.test(name.replace(/^\.\//, ''))) out.push(tar.subarray(off, off + span));
    off += span;
  }
  out.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(out);
}

/** The slim bundle's path, made if it is not cached yet; null when it cannot be made. */
function slimBundle(full: URL): string | null {
  try {
    const path = fileURLToPath(full);
    const pkg = JSON.parse(readFileSync(join(dirname(path), '..', 'package.json'), 'utf8')) as { version: string };
    const dir = join(dirname(path), '..', '..', '..', '.cache', 'ccn-map'); // node_modules/.cache/ccn-map
    const slim = join(dir, `postgis-${pkg.version}-${statSync(path).size}-slim.tar.gz`);
    if (existsSync(slim)) return slim;
    mkdirSync(dir, { recursive: true });
    const tmp = `${slim}.${process.pid}.tmp`;
    writeFileSync(tmp, gzipSync(filterTar(gunzipSync(readFileSync(path)), SLIM_BUNDLE_FILES), { level: 1 }));
    renameSync(tmp, slim); // atomic: a concurrent start sees the whole file or none
    return slim;
  } catch {
    return null;
  }
}

/** PGlite's PostGIS extension, loading the slim bundle. */
export const slimPostgis: Extension = {
  name: 'postgis',
  async setup(pg, opts) {
    const r = await postgis.setup(pg, opts);
    const slim = r.bundlePath ? slimBundle(r.bundlePath) : null;
    return slim ? { ...r, bundlePath: pathToFileURL(slim) } : r;
  },
};
