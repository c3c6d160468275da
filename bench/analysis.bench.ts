/**
 * Conflict analysis of a 70 ha proposal: through the API (HTTP POST /api/analysis/conflicts),
 * as raw SQL (the very statements the API sent for that proposal, replayed on one connection:
 * the API's own overhead is the difference), the overlap statement alone, and the naive JS
 * way (a loop over every polygon with turf.intersect + turf.area, no index; run last by run.ts,
 * it takes minutes).
 */
import { area, featureCollection, intersect, polygon as turfPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFeatureFile } from '../server/bulk/read-features';
import { BENCH_DIR, sizeLabel } from './data/files';
import { request } from './lib/http';
import { seeded, type BenchContext, type Served } from './lib/context';
import { proposal } from './lib/places';
import { summarize, type Summary } from './lib/stats';

export interface AnalysisTarget {
  target: string;
  /** Set when a request failed: the samples before it are kept, the rest not measured. */
  failure?: string;
  api: Summary;
  rawSql: Summary;
  overlapSql: Summary;
  statements: number;
  /** Connections the API used at once (the second reads the same snapshot). */
  connections: number;
  overlapHaMean: number;
}

export interface AnalysisResult {
  targets: AnalysisTarget[];
  naiveTurf: (Summary & { polygons: number; note: string }) | null;
}

async function post(s: Served, geometry: Polygon): Promise<{ ms: number; body: { table: { layers: { coveredHa?: number }[] } } }> {
  const t0 = performance.now();
  const res = await request(`${s.url}/api/analysis/conflicts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ geometry }),
  });
  const body = JSON.parse(res.body.toString('utf8')) as { table: { layers: { coveredHa?: number }[] } };
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`analysis answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

/**
 * The API's statements, one after the other on one connection: those of the request's own
 * connection, then those it ran beside them on a second connection of the same snapshot (without
 * that connection's BEGIN … SET TRANSACTION SNAPSHOT and COMMIT).
 */
function serialised(log: Served['recorder']['log']): Served['recorder']['log'] {
  const first = log[0]?.conn;
  const own = log.filter((q) => q.conn === first);
  const side = log.filter((q) => q.conn !== first && !q.text.includes('SET TRANSACTION SNAPSHOT') && q.text !== 'COMMIT' && q.text !== 'ROLLBACK');
  const end = own.at(-1)?.text === 'COMMIT' ? own.length - 1 : own.length;
  return [...own.slice(0, end), ...side, ...own.slice(end)];
}

async function replay(s: Served, log: Served['recorder']['log']): Promise<number> {
  const c = await s.db.pool.connect();
  try {
    const t0 = performance.now();
    for (const q of log) await c.query(q.text, q.values as unknown[]);
    return performance.now() - t0;
  } finally {
    await c.query('ROLLBACK'); // a no-op when the log ended its transaction (a warning, not an error)
    c.release();
  }
}

async function analyseTarget(ctx: BenchContext, s: Served, proposals: Polygon[]): Promise<AnalysisTarget> {
  const api: number[] = [];
  const raw: number[] = [];
  const overlap: number[] = [];
  let statements = 0;
  let connections = 1;
  let covered = 0;
  let failure: string | undefined;
  for (const [k, g] of proposals.entries()) {
    const i = k - 3; // the first three are warm-up
    try {
      // One recorded call gives the statements; then API and replay alternate (same load on both).
      s.recorder.log = [];
      s.recorder.on = true;
      await post(s, g);
      s.recorder.on = false;
      const log = serialised(s.recorder.log);
      const ov = log.filter((q) => q.text.includes('cand AS'));
      const a = await post(s, g);
      const r = await replay(s, log);
      const o = await replay(s, ov);
      if (i < 0) continue;
      api.push(a.ms);
      raw.push(r);
      overlap.push(o);
      statements = log.length;
      connections = new Set(s.recorder.log.map((q) => q.conn)).size;
      covered += a.body.table.layers.reduce((x, l) => x + (l.coveredHa ?? 0), 0);
    } catch (err) {
      s.recorder.on = false;
      failure = `proposal #${k} (seeded sequence) failed: ${(err as Error).message.slice(0, 200)}`;
      ctx.log(`analysis on ${s.target}: ${failure}; stopping this target`);
      break;
    }
  }
  return {
    target: s.target,
    ...(failure ? { failure } : {}),
    api: summarize(api),
    rawSql: summarize(raw),
    overlapSql: summarize(overlap),
    statements,
    connections,
    overlapHaMean: Math.round((covered / Math.max(1, api.length)) * 100) / 100,
  };
}

/** The naive JS scan over every polygon of the generated province (no index). */
export async function runNaiveTurf(ctx: BenchContext, runs: number): Promise<AnalysisResult['naiveTurf']> {
  const file = `${BENCH_DIR}/${sizeLabel(ctx.size)}/plan_zones.geojsonl`;
  const zones: Feature<Polygon | MultiPolygon>[] = [];
  for await (const f of readFeatureFile(file)) zones.push(f as Feature<Polygon | MultiPolygon>);
  ctx.log(`naive Turf: ${zones.length} polygons in memory`);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const p = turfPolygon(proposal(ctx.mask, () => ctx.rand()).coordinates);
    const t0 = performance.now();
    let ha = 0;
    for (const z of zones) {
      const x = intersect(featureCollection([p, z]));
      if (x) ha += area(x) / 10_000;
    }
    times.push(performance.now() - t0);
    ctx.log(`naive Turf run ${r + 1}/${runs}: ${Math.round(times.at(-1)!)} ms, ${ha.toFixed(2)} ha overlapped`);
  }
  return { ...summarize(times), polygons: zones.length, note: 'one proposal per run; every polygon intersected (no index, no bbox test)' };
}

/**
 * The same seeded proposals for every target (so embedded ÷ server compares like with like);
 * `only` picks the targets of this call (the embedded one runs last: see run.ts).
 */
export async function runAnalysis(ctx: BenchContext, only: string[], into?: AnalysisResult): Promise<AnalysisResult> {
  const out: AnalysisResult = into ?? { targets: [], naiveTurf: null };
  const seq = seeded(4_242);
  // 200 (server) and 100 (embedded) proposals: the 95th percentile of 60 was the 4th slowest, and
  // on this VM it moved by half between runs minutes apart; the first 63 are those of earlier runs.
  const samples = (t: string) => ctx.samples(t === 'postgis' ? 200 : 100);
  const proposals = Array.from({ length: samples('postgis') + 3 }, () => proposal(ctx.mask, seq));
  for (const s of ctx.targets.filter((t) => only.includes(t.target))) {
    ctx.log(`analysis on ${s.target}…`);
    const n = samples(s.target);
    out.targets.push(await analyseTarget(ctx, s, proposals.slice(0, n + 3)));
  }
  return out;
}
