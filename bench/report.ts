/** The Markdown report of a benchmark run, and the acceptance lines of issue 8 checked against it. */
import type { AnalysisResult } from './analysis.bench';
import type { BboxRow } from './bbox.bench';
import type { BrowserResult } from './browser.bench';
import type { ColdStartRow } from './coldstart.bench';
import type { ImportRow } from './import.bench';
import { ratio } from './lib/stats';
import type { TileRow } from './tiles.bench';

export interface RunResult {
  date: string;
  size: number;
  counts: Record<string, number>;
  machine: { cpus: number; cpuModel: string; memGiB: number; node: string; loadStart: number[]; loadEnd: number[]; note: string };
  coldStart?: ColdStartRow[];
  analysis?: AnalysisResult;
  tiles?: TileRow[];
  bbox?: BboxRow[];
  import?: ImportRow[];
  browser?: BrowserResult;
  ratios?: Record<string, number | null>;
  acceptance?: { line: string; value: string; target: string; holds: boolean | null }[];
}

const ms = (v: number | undefined | null) => (v === undefined || v === null || Number.isNaN(v) ? '—' : v >= 100 ? String(Math.round(v)) : v.toFixed(1));
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

/** Ratios asked for by the issue, computed in the same run. */
export function ratios(r: RunResult): Record<string, number | null> {
  const a = (t: string) => r.analysis?.targets.find((x) => x.target === t);
  const tile = (t: string, z: number) => r.tiles?.find((x) => x.target === t && x.collection === 'plan_zones' && x.z === z);
  const srv = a('postgis');
  const emb = a('embedded');
  const out: Record<string, number | null> = {
    'analysis API ÷ raw SQL (server, p50)': srv ? ratio(srv.api.p50, srv.rawSql.p50) : null,
    'analysis API ÷ raw SQL (embedded, p50)': emb ? ratio(emb.api.p50, emb.rawSql.p50) : null,
    'naive Turf scan ÷ analysis API (server, p50)': srv && r.analysis?.naiveTurf ? ratio(r.analysis.naiveTurf.p50, srv.api.p50) : null,
    'analysis embedded ÷ server (p50)': srv && emb ? ratio(emb.api.p50, srv.api.p50) : null,
    'analysis embedded ÷ server (p95)': srv && emb ? ratio(emb.api.p95, srv.api.p95) : null,
  };
  for (const z of [10, 12, 14]) {
    const s = tile('postgis', z);
    const e = tile('embedded', z);
    out[`tiles z${z} API ÷ raw ST_AsMVT SQL (server, p50)`] = s ? ratio(s.api.p50, s.rawSql.p50) : null;
    out[`tiles z${z} textbook ST_AsMVTGeom+ST_Transform ÷ API (server, p50)`] = s?.textbook ? ratio(s.textbook.p50, s.api.p50) : null;
    out[`tiles z${z} embedded ÷ server (p50)`] = s && e ? ratio(e.api.p50, s.api.p50) : null;
  }
  const bs = r.bbox?.find((x) => x.target === 'postgis');
  const be = r.bbox?.find((x) => x.target === 'embedded');
  out['bbox page embedded ÷ server (p50)'] = bs && be ? ratio(be.api.p50, bs.api.p50) : null;
  const is = r.import?.find((x) => x.target === 'postgis');
  const ie = r.import?.find((x) => x.target === 'embedded');
  out['import 10^5 embedded ÷ server'] = is && ie ? ratio(ie.ms, is.ms) : null;
  return out;
}

export function acceptance(r: RunResult, ra: Record<string, number | null>): NonNullable<RunResult['acceptance']> {
  const a = (t: string) => r.analysis?.targets.find((x) => x.target === t);
  const tile = (t: string, z: number) => r.tiles?.find((x) => x.target === t && x.collection === 'plan_zones' && x.z === z);
  const lines: NonNullable<RunResult['acceptance']> = [];
  const check = (line: string, value: number | null | undefined, op: '<=' | '>=', target: number, unit = '') => {
    const v = value ?? null;
    lines.push({ line, value: v === null ? '—' : `${v}${unit}`, target: `${op} ${target}${unit}`, holds: v === null ? null : op === '<=' ? v <= target : v >= target });
  };
  check('conflict analysis, server API p95', a('postgis')?.api.p95, '<=', 10, ' ms');
  check('conflict analysis, embedded API p95', a('embedded')?.api.p95, '<=', 25, ' ms');
  check('conflict analysis API ÷ raw SQL at p50 (server)', ra['analysis API ÷ raw SQL (server, p50)'], '<=', 1.3);
  check('naive Turf scan ÷ API (server, p50)', ra['naive Turf scan ÷ analysis API (server, p50)'], '>=', 1000);
  for (const z of [12, 14]) {
    check(`tiles z${z} server uncached p95`, tile('postgis', z)?.api.p95, '<=', 25, ' ms');
    check(`tiles z${z} server max tile size`, tile('postgis', z) ? Math.round(tile('postgis', z)!.bytes.max / 1024) : null, '<=', 500, ' KB');
  }
  check('tiles z10 server uncached p95', tile('postgis', 10)?.api.p95, '<=', 100, ' ms');
  for (const z of [10, 12, 14]) check(`tiles z${z} API ÷ raw ST_AsMVT SQL at p50 (server)`, ra[`tiles z${z} API ÷ raw ST_AsMVT SQL (server, p50)`], '<=', 1.3);
  check('tiles z14 embedded p95', tile('embedded', 14)?.api.p95, '<=', 100, ' ms');
  const imp = (t: string) => r.import?.find((x) => x.target === t);
  check('import 10^5 polygons, server', imp('postgis') ? Math.round(imp('postgis')!.ms / 100) / 10 : null, '<=', 5, ' s');
  check('import 10^5 polygons, embedded', imp('embedded') ? Math.round(imp('embedded')!.ms / 100) / 10 : null, '<=', 15, ' s');
  const peak = r.import?.length ? Math.max(...r.import.map((x) => Math.max(x.peakRssMb, x.backendPeakMb ?? 0))) : null;
  check('import peak memory (process RSS, server backend)', peak, '<=', 2048, ' MB');
  const persisted = r.coldStart?.filter((c) => c.kind.startsWith('persisted')).map((c) => c.ms);
  check('embedded cold start, persisted data dir (worst)', persisted?.length ? Math.round(Math.max(...persisted) / 100) / 10 : null, '<=', 5, ' s');
  return lines;
}

export function markdown(r: RunResult): string {
  const L: string[] = [];
  L.push(`### Run ${r.date} — ${r.size.toExponential(0).replace('e+', 'e')} plan polygons`);
  L.push('');
  L.push(
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memGiB} GiB, Node ${r.machine.node}; load average at start ${r.machine.loadStart.map((x) => x.toFixed(1)).join(' / ')}, at end ${r.machine.loadEnd.map((x) => x.toFixed(1)).join(' / ')}. ${r.machine.note}`,
  );
  L.push('');
  L.push(`Data: ${Object.entries(r.counts).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}.`);
  L.push('');
  L.push('| measure | target | n | p50 ms | p95 ms | notes |');
  L.push('|---|---|---:|---:|---:|---|');
  for (const t of r.analysis?.targets ?? []) {
    L.push(`| conflict analysis 70 ha, API | ${t.target} | ${t.api.n} | ${ms(t.api.p50)} | ${ms(t.api.p95)} | HTTP POST, ${t.statements} statements on ${t.connections ?? 1} connection${(t.connections ?? 1) > 1 ? 's' : ''}${t.failure ? `; **stopped: ${t.failure}**` : ''} |`);
    L.push(`| conflict analysis 70 ha, raw SQL (same statements) | ${t.target} | ${t.rawSql.n} | ${ms(t.rawSql.p50)} | ${ms(t.rawSql.p95)} | replayed on one connection |`);
    L.push(`| conflict analysis 70 ha, overlap statement only | ${t.target} | ${t.overlapSql.n} | ${ms(t.overlapSql.p50)} | ${ms(t.overlapSql.p95)} | index + pieces + intersection |`);
  }
  const nt = r.analysis?.naiveTurf;
  if (nt) L.push(`| naive Turf scan (JS loop, turf.intersect + area) | node | ${nt.n} | ${ms(nt.p50)} | ${ms(nt.p95)} | ${nt.polygons.toLocaleString('en')} polygons |`);
  for (const t of r.tiles ?? []) {
    L.push(
      `| tile ${t.collection} z${t.z}, API uncached | ${t.target} | ${t.api.n} | ${ms(t.api.p50)} | ${ms(t.api.p95)} | ${kb(t.bytes.p50)} p50, ${kb(t.bytes.max)} max; ${t.features.p50} features p50 |`,
    );
    L.push(`| tile ${t.collection} z${t.z}, raw tile SQL | ${t.target} | ${t.rawSql.n} | ${ms(t.rawSql.p50)} | ${ms(t.rawSql.p95)} | ${t.target === 'postgis' ? 'ST_AsMVT' : 'rows (JS encodes)'} |`);
    if (t.textbook) L.push(`| tile ${t.collection} z${t.z}, textbook ST_AsMVTGeom(ST_Transform) | ${t.target} | ${t.textbook.n} | ${ms(t.textbook.p50)} | ${ms(t.textbook.p95)} | raw table, no generalisation |`);
  }
  for (const b of r.bbox ?? []) L.push(`| GeoJSON bbox page (OGC items, 1 km², limit 100) | ${b.target} | ${b.api.n} | ${ms(b.api.p50)} | ${ms(b.api.p95)} | ${b.featuresP50} features, ${kb(b.bytesP50)} p50 |`);
  for (const i of r.import ?? [])
    L.push(
      `| import 10^5 polygons (one transaction) | ${i.target} | 1 | ${ms(i.ms)} | — | then generalised tiles ${ms(i.overviewMs)} ms; peak RSS ${i.peakRssMb} MB${i.backendPeakMb ? `, backend ${i.backendPeakMb} MB` : ''} |`,
    );
  for (const c of r.coldStart ?? []) L.push(`| embedded cold start: ${c.kind} | embedded | 1 | ${ms(c.ms)} | — | spawn → listening |`);
  if (r.browser) {
    const b = r.browser;
    L.push(`| browser: navigation → first idle | chromium | 1 | ${ms(b.firstIdleMs)} | — | plan zones from tiles |`);
    L.push(`| browser: jump to z14 over parcels → idle | chromium | 1 | ${ms(b.z14IdleMs)} | — | ${b.parcelsRendered} parcels on screen (tiles) |`);
    L.push(`| browser: frame time while panning 3 s | chromium | ${b.frames.n} | ${ms(b.frames.p50)} | ${ms(b.frames.p95)} | software WebGL |`);
  }
  L.push('');
  if (r.ratios) {
    L.push('| ratio (same run) | value |');
    L.push('|---|---:|');
    for (const [k, v] of Object.entries(r.ratios)) if (v !== null) L.push(`| ${k} | ${v.toLocaleString('en')} |`);
    L.push('');
  }
  if (r.acceptance) {
    L.push('| acceptance line (issue 8) | measured | target | holds |');
    L.push('|---|---:|---:|---|');
    for (const a of r.acceptance) L.push(`| ${a.line} | ${a.value} | ${a.target} | ${a.holds === null ? 'not measured' : a.holds ? 'yes' : '**no**'} |`);
    L.push('');
  }
  return L.join('\n');
}
