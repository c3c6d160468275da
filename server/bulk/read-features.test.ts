import { describe, expect, it } from 'vitest';
import { streamFeatures } from './read-features';

async function collect(chunks: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  async function* gen() {
    for (const c of chunks) yield c;
  }
  for await (const f of streamFeatures(gen())) out.push(f);
  return out;
}

/** Cuts a text into pieces of n characters (every split position gets exercised). */
const cut = (s: string, n: number) => Array.from({ length: Math.ceil(s.length / n) }, (_, i) => s.slice(i * n, (i + 1) * n));

const features = [
  { type: 'Feature', properties: { land_code: 'LUC', name: 'a "quoted" {brace} [bracket] \\ back' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
  { type: 'Feature', properties: { land_code: 'ONT', name: 'Lạng Sơn ]}' }, geometry: null },
  { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[2, 2], [3, 2], [3, 3], [2, 2]]]] } },
];

describe('streamFeatures', () => {
  it('cuts a FeatureCollection into its features, whatever the chunk boundaries', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', name: 'x {', crs: { type: 'name', properties: { name: 'EPSG:4326' } }, features, bbox: [0, 0, 3, 3] }, null, 1);
    for (const n of [1, 2, 3, 7, 64, text.length]) expect(await collect(cut(text, n)), `chunks of ${n}`).toEqual(features);
  });

  it('reads GeoJSON text sequences: one feature per line, record separators allowed', async () => {
    const lines = features.map((f) => JSON.stringify(f)).join('\n') + '\n';
    expect(await collect(cut(lines, 5))).toEqual(features);
    const rs = features.map((f) => `\x1e${JSON.stringify(f)}\n`).join('');
    expect(await collect(cut(rs, 11))).toEqual(features);
  });

  it('takes a collection whose "features" comes after nested members', async () => {
    const text = `{"type":"FeatureCollection","meta":{"features":[1,2]},"features":${JSON.stringify(features)}}`;
    expect(await collect(cut(text, 9))).toEqual(features);
  });

  it('says so when the file is truncated or not GeoJSON', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    await expect(collect([text.slice(0, text.length - 10)])).rejects.toThrow(/truncated/);
    await expect(collect(['[1, 2]'])).rejects.toThrow(/GeoJSON object/);
    await expect(collect(['{"type":"FeatureCollection","features":[{"type":"Feature",}]}'])).rejects.toThrow(/Invalid JSON in a feature/);
  });
});
