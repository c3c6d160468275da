import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, stopTestApp, type TestContext } from './helpers';
import { multipartFile } from './multipart';

/**
 * The messy-file corpus (tests/fixtures/import, written by generate.ts): every file is either
 * read with its repairs reported or refused with a message that says what and where; none
 * crashes the server and none leaves a row behind.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

const dir = new URL('../fixtures/import/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Record<
  string,
  { status: number; code?: string; features?: string[]; crs?: number; warning?: string }
>;

interface Note { code: string; message: string; message_vi: string; where?: { point?: number[] } }
interface Imported { status: string; plane_area_ha: number | null; ellipsoidal_area_ha: number | null; repairs: Note[]; issues: Note[]; geometry: unknown; tm3_srid: number | null; province: string | null }

async function upload(file: string, query = '', accept?: string) {
  const { payload, headers } = multipartFile(file, readFileSync(new URL(file, dir)));
  return ctx.app.inject({ method: 'POST', url: `/api/imports${query}`, payload, headers: { ...headers, ...(accept ? { accept } : {}) } });
}

async function counts() {
  const { rows } = await ctx.db.pool.query<{ p: number; b: number; a: number }>(
    'SELECT (SELECT count(*) FROM proposals)::int AS p, (SELECT count(*) FROM cluster_boundaries)::int AS b, (SELECT count(*) FROM audit_log)::int AS a',
  );
  return rows[0]!;
}

describe('import corpus', () => {
  const files = readdirSync(dir).filter((f) => !f.endsWith('.ts') && f !== 'expected.json');
  it('has at least 30 messy or broken files, each with an expectation', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    const named = new Set(Object.keys(expected).map((k) => k.split('?')[0]));
    expect(files.filter((f) => !named.has(f))).toEqual([]);
  });

  let before: Awaited<ReturnType<typeof counts>>;
  beforeAll(async () => {
    before = await counts();
  });

  for (const [key, exp] of Object.entries(expected)) {
    it(`${key} → ${exp.status} ${exp.code ?? (exp.features ?? []).join(' | ')}`, async () => {
      const [file, q] = key.split('?');
      const res = await upload(file!, q ? `?${q}` : '');
      expect(res.statusCode, res.body.slice(0, 300)).toBe(exp.status);
      const body = res.json();
      if (exp.status !== 200) {
        expect(body.error.code).toBe(exp.code);
        expect(body.error.message.length).toBeGreaterThan(10);
        expect(body.error.details.message_vi.length).toBeGreaterThan(5);
        return;
      }
      const got = (body.features as Imported[]).map((f) =>
        [f.status, f.plane_area_ha === null ? '' : f.plane_area_ha.toFixed(2), [...f.repairs, ...f.issues].map((n) => n.code).join('+')].join(':').replace(/:$/, ''),
      );
      expect(got).toEqual(exp.features);
      for (const f of body.features as Imported[]) {
        // Either usable (geometry, both areas, the zone) or refused with a reason that says what and where.
        if (f.status === 'refused') {
          expect(f.geometry).toBeNull();
          expect(f.issues.length).toBeGreaterThan(0);
          for (const n of f.issues) expect(n.message_vi).toMatch(/\S/);
        } else {
          expect(f.geometry).not.toBeNull();
          expect(f.tm3_srid).toBe(9215);
          expect(f.province).toBe('Lạng Sơn');
          expect(Math.abs(f.ellipsoidal_area_ha! / f.plane_area_ha! - 1)).toBeLessThan(0.005);
        }
      }
      if (exp.crs) expect(body.crs.epsg).toBe(exp.crs);
      if (exp.warning) expect(body.warnings.join(' ')).toContain(exp.warning);
    });
  }

  it('a self-intersection is refused with the crossing point, in Vietnamese', async () => {
    const f = ((await upload('bowtie.geojson')).json().features as Imported[])[0]!;
    expect(f.issues[0]!.message_vi).toMatch(/^Ranh giới tự cắt: vòng ngoài, đỉnh 1, tại \(107,091000; 21,551000\)$/);
    expect(f.issues[0]!.where!.point![0]).toBeCloseTo(107.091, 9);
  });

  it('?tm3 forces the zone used for the plane area', async () => {
    const f = ((await upload('valid.geojson', '?tm3=9208')).json().features as Imported[])[0]!;
    expect(f.tm3_srid).toBe(9208); // 2°30′ west of Lạng Sơn's meridian: the plane is stretched
    expect(f.plane_area_ha!.toFixed(2)).not.toBe('71.39');
    expect((await upload('valid.geojson', '?tm3=3405')).statusCode).toBe(400);
  });

  it('left no row behind and the server still answers', async () => {
    expect(await counts()).toEqual(before);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('large files report progress', () => {
  it('streams progress lines, then the result (Accept: application/x-ndjson)', async () => {
    const feats = Array.from({ length: 3000 }, (_, i) => {
      const x = 106.3 + (i % 60) * 0.01;
      const y = 21.4 + Math.floor(i / 60) * 0.01;
      return { type: 'Feature', properties: { name: `P${i}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.005, y], [x + 0.005, y + 0.005], [x, y + 0.005], [x, y]]] } };
    });
    const { payload, headers } = multipartFile('big.geojson', Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: feats })));
    const res = await ctx.app.inject({ method: 'POST', url: '/api/imports', payload, headers: { ...headers, accept: 'application/x-ndjson' } });
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    const progress = lines.filter((l) => l.type === 'progress' && l.stage === 'check');
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toMatchObject({ done: 3000, total: 3000 });
    const result = lines.at(-1);
    expect(result.type).toBe('result');
    expect(result.result.summary).toMatchObject({ total: 3000, refused: 0 });
  });

  it('refuses a file over the size limit with 413', async () => {
    const { payload, headers } = multipartFile('huge.geojson', Buffer.alloc(51 * 1024 * 1024, 32));
    const res = await ctx.app.inject({ method: 'POST', url: '/api/imports', payload, headers });
    expect(res.statusCode).toBe(413);
  });
});
