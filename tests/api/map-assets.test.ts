import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basemapConfig } from '../../server/routes/config.route';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

interface DecodedGlyph {
  id: number;
  bitmap?: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

/** Reads a glyphs PBF the way MapLibre does (same field numbers). */
function decode(buf: Uint8Array): { name: string; range: string; glyphs: DecodedGlyph[] }[] {
  const pbf = new PbfReader(buf);
  return pbf.readFields((tag, stacks: { name: string; range: string; glyphs: DecodedGlyph[] }[], p) => {
    if (tag !== 1) return;
    stacks.push(
      p!.readMessage(
        (t, s: { name: string; range: string; glyphs: DecodedGlyph[] }, q) => {
          if (t === 1) s.name = q!.readString();
          else if (t === 2) s.range = q!.readString();
          else if (t === 3)
            s.glyphs.push(
              q!.readMessage(
                (u, g: DecodedGlyph, r) => {
                  if (u === 1) g.id = r!.readVarint();
                  else if (u === 2) g.bitmap = r!.readBytes();
                  else if (u === 3) g.width = r!.readVarint();
                  else if (u === 4) g.height = r!.readVarint();
                  else if (u === 5) g.left = r!.readSVarint();
                  else if (u === 6) g.top = r!.readSVarint();
                  else if (u === 7) g.advance = r!.readVarint();
                },
                { id: 0, width: 0, height: 0, left: 0, top: 0, advance: 0 },
              ),
            );
        },
        { name: '', range: '', glyphs: [] },
      ),
    );
  }, []);
}

describe('offline label glyphs', () => {
  it('serves Vietnamese letters as SDF glyphs (Latin Extended Additional)', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/fonts/NotoSans-Regular/7680-7935.pbf' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-protobuf');
    const [stack] = decode(res.rawPayload);
    expect(stack).toMatchObject({ name: 'NotoSans-Regular', range: '7680-7935' });
    // ậ (U+1EAD) as in "Lập": drawn, with a 3 px border around it.
    const g = stack!.glyphs.find((x) => x.id === 0x1ead)!;
    expect(g.width).toBeGreaterThan(5);
    expect(g.height).toBeGreaterThan(10);
    expect(g.bitmap!.length).toBe((g.width + 6) * (g.height + 6));
    expect(Math.max(...g.bitmap!)).toBeGreaterThan(191); // inside the outline
    expect(Math.min(...g.bitmap!)).toBe(0); // far outside
    expect(stack!.glyphs.filter((x) => x.id >= 0x1ea0 && x.id <= 0x1ef9).length).toBe(90);
  });

  it('covers Đ, ơ, ư and the combining marks; a stack list falls back to a font we have', async () => {
    const ext = decode((await ctx.app.inject({ method: 'GET', url: '/fonts/Open%20Sans%20Bold,NotoSans-Bold/256-511.pbf' })).rawPayload)[0]!;
    expect(ext.name).toBe('NotoSans-Bold');
    for (const cp of [0x110, 0x111, 0x1a0, 0x1a1, 0x1af, 0x1b0]) expect(ext.glyphs.some((g) => g.id === cp), cp.toString(16)).toBe(true);
    const marks = decode((await ctx.app.inject({ method: 'GET', url: '/fonts/NotoSans-Regular/768-1023.pbf' })).rawPayload)[0]!;
    expect(marks.glyphs.some((g) => g.id === 0x0301)).toBe(true);
  });

  it('answers a range it has no glyphs for with an empty set, and refuses a malformed one', async () => {
    const empty = await ctx.app.inject({ method: 'GET', url: '/fonts/NotoSans-Regular/19968-20223.pbf' });
    expect(empty.statusCode).toBe(200);
    expect(empty.rawPayload.length).toBe(0);
    expect((await ctx.app.inject({ method: 'GET', url: '/fonts/NotoSans-Regular/5-20.pbf' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ method: 'GET', url: '/fonts/..%2F..%2Fetc/0-255.pbf' })).statusCode).toBe(200);
  });
});

describe('GET /api/config', () => {
  it('has no online basemap unless BASEMAP_URL is set', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.json()).toEqual({ basemap: process.env.BASEMAP_URL ? expect.anything() : null });
  });
  it('tells an XYZ raster template from a style URL', () => {
    expect(basemapConfig('https://tile.example.org/{z}/{x}/{y}.png')).toEqual({ kind: 'raster', tiles: 'https://tile.example.org/{z}/{x}/{y}.png' });
    expect(basemapConfig('https://example.org/style.json')).toEqual({ kind: 'style', url: 'https://example.org/style.json' });
    expect(basemapConfig(undefined)).toBeNull();
    expect(basemapConfig('javascript:alert(1)')).toBeNull();
  });
});
