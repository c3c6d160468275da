import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterTar, SLIM_BUNDLE_FILES } from './postgis-bundle';

/** Names and contents of the regular files of a tar archive. */
function files(tar: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let off = 0; off + 512 <= tar.length; ) {
    const h = tar.subarray(off, off + 512);
    if (h.every((b) => b === 0)) break;
    const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(h.subarray(124, 136).toString().replace(/\0.*$/s, '').trim() || '0', 8);
    if (h[156] === 0x30 || h[156] === 0) out.set(name, tar.subarray(off + 512, off + 512 + size));
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('slim PostGIS bundle', () => {
  const pkg = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite-postgis'));
  const full = gunzipSync(readFileSync(join(pkg, 'postgis.tar.gz')));

  it('keeps postgis-3.so, its control file, its install script and PROJ data, byte for byte, and nothing else', () => {
    const all = files(full);
    const slim = files(filterTar(full, SLIM_BUNDLE_FILES));
    expect([...slim.keys()].filter((n) => !n.startsWith('share/proj/')).sort()).toEqual([
      'lib/postgresql/postgis-3.so',
      'share/postgresql/extension/postgis--3.6.2.sql',
      'share/postgresql/extension/postgis.control',
    ]);
    expect([...slim.keys()].filter((n) => n.startsWith('share/proj/')).sort()).toEqual([...all.keys()].filter((n) => n.startsWith('share/proj/')).sort());
    for (const [name, data] of slim) expect(Buffer.compare(data, all.get(name)!), name).toBe(0);
    expect(all.has('lib/postgresql/postgis_raster-3.so')).toBe(true);
    expect(slim.has('lib/postgresql/postgis_raster-3.so')).toBe(false);
  });
});
