/**
 * A GeoJSON bbox page: GET /ogc/collections/plan_zones/items?bbox=…&limit=100 (the OGC API –
 * Features endpoint) over random 1 km × 1 km boxes, each asked once.
 */
import { request } from './lib/http';
import type { BenchContext } from './lib/context';
import { randomXY } from './lib/places';
import { summarize, type Summary } from './lib/stats';

export interface BboxRow {
  target: string;
  api: Summary;
  featuresP50: number;
  bytesP50: number;
}

export async function runBbox(ctx: BenchContext): Promise<BboxRow[]> {
  const n = ctx.samples(40);
  const boxes: string[] = [];
  for (let i = 0; i < n + 3; i++) {
    const [x, y] = randomXY(ctx.mask, () => ctx.rand());
    const [w, s] = ctx.mask.frame.toLonLat(x - 500, y - 500);
    const [e, nn] = ctx.mask.frame.toLonLat(x + 500, y + 500);
    boxes.push(`${w},${s},${e},${nn}`);
  }
  const out: BboxRow[] = [];
  for (const t of ctx.targets) {
    ctx.log(`bbox page on ${t.target}…`);
    const times: number[] = [];
    const feats: number[] = [];
    const bytes: number[] = [];
    for (const [i, b] of boxes.entries()) {
      const t0 = performance.now();
      const res = await request(`${t.url}/ogc/collections/plan_zones/items?bbox=${b}&limit=100`);
      const text = res.body.toString('utf8');
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`bbox page: ${res.status} ${text.slice(0, 200)}`);
      if (i < 3) continue;
      times.push(ms);
      bytes.push(text.length);
      feats.push((JSON.parse(text) as { numberReturned: number }).numberReturned);
    }
    out.push({ target: t.target, api: summarize(times), featuresP50: summarize(feats).p50, bytesP50: summarize(bytes).p50 });
  }
  return out;
}
