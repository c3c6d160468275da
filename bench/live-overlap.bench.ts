/**
 * Benchmark: the browser's live overlap table while a vertex moves, with 5,000 plan
 * features in view (target: one animation frame, 16.7 ms, per move). Runs the same pure
 * code the conflicts tab runs (src/core/analysis/live-overlap.ts) under Node.
 *
 *   npm run bench            (or: npx tsx bench/live-overlap.bench.ts [features] [moves])
 *
 * Prints p50/p95/max per move and writes the numbers to $TMPDIR/ccn-bench-live-overlap.json.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon, Position } from 'geojson';
import { ORIGIN, planeRect } from '../src/core/analysis/fixtures';
import { computeLiveOverlap } from '../src/core/analysis/live-overlap';
import { PlanIndex, type PlanFeature } from '../src/core/analysis/plan-index';
import { fromVn2000 } from '../src/core/crs/transform';
import { LANG_SON_TM3 } from '../src/core/crs/vn2000';

const N = Number(process.argv[2] ?? 5000);
const MOVES = Number(process.argv[3] ?? 400);
const LU_CODES = ['LUC', 'LUK', 'HNK', 'CLN', 'RSX', 'ONT', 'NTS', 'BCS', 'DCS', 'NTD'];

/** A plan like the demo's: a land-use partition, forest cells over part of it, road strips. */
function planFeatures(n: number): PlanFeature[] {
  const landUse = Math.round(n * 0.8);
  const side = Math.ceil(Math.sqrt(landUse));
  const cell = 100; // m: 1 ha cells over a side × side grid
  const [x0, y0] = ORIGIN;
  const out: PlanFeature[] = [];
  for (let i = 0; i < side && out.length < landUse; i++)
    for (let j = 0; j < side && out.length < landUse; j++)
      out.push({ id: out.length, layerId: 'land_use', landCode: LU_CODES[(i * 7 + j * 3) % LU_CODES.length]!, name: null, geometry: planeRect(x0 + i * cell, y0 + j * cell, x0 + (i + 1) * cell, y0 + (j + 1) * cell) });
  const forest = Math.round(n * 0.15);
  for (let k = 0; k < forest; k++) {
    const i = (k * 37) % side, j = Math.floor((k * 37) / side) % side;
    out.push({ id: `f${k}`, layerId: 'forest', landCode: k % 5 === 0 ? 'RPH' : 'RSX', name: null, geometry: planeRect(x0 + i * cell, y0 + j * cell, x0 + (i + 1) * cell, y0 + (j + 1) * cell) });
  }
  for (let k = 0; out.length < n; k++) {
    const y = y0 + ((k * 173) % (side * cell));
    out.push({ id: `r${k}`, layerId: 'corridors', landCode: k % 2 ? 'DGT' : 'SON', name: null, geometry: planeRect(x0, y, x0 + side * cell, y + 12) });
  }
  return out;
}

/** A 70 ha, 24-vertex boundary in the middle of the plan, as lon/lat. */
function cluster(centre: [number, number], radius: number, bump: { vertex: number; by: number }): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < 24; i++) {
    const a = (2 * Math.PI * i) / 24;
    const r = radius * (0.85 + 0.15 * Math.cos(3 * a)) + (i === bump.vertex ? bump.by : 0);
    ring.push(fromVn2000(LANG_SON_TM3, [centre[0] + r * Math.cos(a), centre[1] + r * Math.sin(a)]));
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;

const features = planFeatures(N);
const side = Math.ceil(Math.sqrt(N * 0.8)) * 100;
const centre: [number, number] = [ORIGIN[0] + side / 2, ORIGIN[1] + side / 2];
const index = new PlanIndex(LANG_SON_TM3);
let t = performance.now();
index.load(features);
const indexMs = performance.now() - t;

const order = ['land_use', 'forest', 'corridors'];
let first = 0;
const times: number[] = [];
let cells = 0;
for (let k = 0; k < MOVES + 20; k++) {
  // Drag one vertex back and forth by up to 60 m, as a planner does.
  const g = cluster(centre, 490, { vertex: k % 24, by: 60 * Math.sin(k / 5) });
  t = performance.now();
  // Per move the tab computes the table only; the overlap shapes follow after a pause.
  const table = computeLiveOverlap(g, index, { layerOrder: order });
  const ms = performance.now() - t;
  if (k === 0) first = ms;
  if (k >= 20) times.push(ms);
  cells = table.layers.reduce((s, l) => s + l.codes.reduce((c, r) => c + r.features.length, 0), 0);
}
times.sort((a, b) => a - b);
// The overlap shapes for the map, computed once the vertex rests (a general clipper per feature).
const shapes: number[] = [];
for (let k = 0; k < 5; k++) {
  const g = cluster(centre, 490, { vertex: k, by: 30 });
  t = performance.now();
  computeLiveOverlap(g, index, { withGeometry: true, layerOrder: order });
  shapes.push(performance.now() - t);
}
shapes.sort((a, b) => a - b);
const report = {
  features: N,
  moves: MOVES,
  intersectingFeatures: cells,
  indexLoadMs: +indexMs.toFixed(1),
  firstMoveMs: +first.toFixed(1),
  p50Ms: +pct(times, 50).toFixed(2),
  p95Ms: +pct(times, 95).toFixed(2),
  maxMs: +times[times.length - 1]!.toFixed(2),
  frameBudgetMs: 16.7,
  p95OverBudget: +(pct(times, 95) / 16.7).toFixed(2),
  shapesAtRestMedianMs: +pct(shapes, 50).toFixed(1),
  loadAverage: (await import('node:os')).loadavg()[0] ?? 0,
  node: process.version,
};
writeFileSync(join(tmpdir(), 'ccn-bench-live-overlap.json'), JSON.stringify(report, null, 2));
console.log(`live overlap, ${N} plan features in view, ${cells} intersecting the boundary, ${MOVES} vertex moves`);
console.log(`  index load ${report.indexLoadMs} ms; first move ${report.firstMoveMs} ms (projects the candidates once)`);
console.log(`  overlap shapes for the map once the vertex rests: ${report.shapesAtRestMedianMs} ms (median of 5)`);
console.log(`  machine load average ${report.loadAverage.toFixed(1)} (2 cores)`);
console.log(`  per move: p50 ${report.p50Ms} ms, p95 ${report.p95Ms} ms, max ${report.maxMs} ms (frame budget 16.7 ms; p95/budget ${report.p95OverBudget})`);
