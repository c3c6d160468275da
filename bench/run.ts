/**
 * `npm run bench -- [--size 1e5|1e6] [--only analysis,tiles,bbox,import,coldstart,browser]
 *                   [--targets postgis,embedded] [--quick] [--note "…"]`
 *
 * Runs the benchmarks on the databases made by `npm run bench:data` for that size, writes
 * bench/results/<date>.json and .md (p50/p95 and the ratios of the same run) and puts the table
 * into docs/performance.md. Not part of `npm test`: timings depend on the machine and its load.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runAnalysis, runNaiveTurf } from './analysis.bench';
import { runBbox } from './bbox.bench';
import { runBrowser } from './browser.bench';
import { runColdStart } from './coldstart.bench';
import { provinceMask, sizeLabel, BENCH_DIR } from './data/files';
import { openBenchDatabase, type Target } from './data/target';
import { runImport } from './import.bench';
import { serve, seeded, type BenchContext, type Served } from './lib/context';
import { acceptance, markdown, ratios, type RunResult } from './report';
import { runTiles } from './tiles.bench';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1e5' },
    only: { type: 'string', default: 'coldstart,analysis,tiles,bbox,browser,import' },
    targets: { type: 'string', default: 'postgis,embedded' },
    quick: { type: 'boolean', default: false },
    note: { type: 'string', default: '' },
  },
});
const size = Number(values.size);
const only = new Set(values.only.split(','));
const targets = values.targets.split(',') as Target[];
const log = (m: string) => console.log(`[bench] ${m}`);
const stamp = new Date().toISOString().slice(0, 16).replace(':', '');

for (const t of targets) {
  const manifest = join(BENCH_DIR, sizeLabel(size), `${t}.json`);
  if (!existsSync(manifest)) throw new Error(`no ${t} data of size ${sizeLabel(size)}: run npm run bench:data -- --size ${sizeLabel(size)} --target ${t}`);
}
const counts = JSON.parse(readFileSync(join(BENCH_DIR, sizeLabel(size), `${targets[0]}.json`), 'utf8')) as { counts: Record<string, number>; parcels: number };

const result: RunResult = {
  date: stamp,
  size,
  counts: { 'plan zones': counts.counts.planZones!, 'of which forest (large, subdivided)': counts.counts.forest!, parcels: counts.parcels },
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadStart: loadavg(),
    loadEnd: [],
    note: values.note,
  },
};

const mask = provinceMask();
const rand = seeded(20_260_808);
const base = { size, mask, rand, log, samples: (n: number) => (values.quick ? Math.max(3, Math.round(n / 4)) : n) };

if (only.has('coldstart') && targets.includes('embedded')) result.coldStart = await runColdStart({ ...base, targets: [] });

if (['analysis', 'tiles', 'bbox', 'browser'].some((s) => only.has(s))) {
  const served: Served[] = [];
  for (const t of targets) {
    log(`opening ${t} ${sizeLabel(size)}…`);
    served.push(await serve(t, await openBenchDatabase(t, size)));
  }
  const ctx: BenchContext = { ...base, targets: served };
  try {
    if (only.has('analysis')) result.analysis = await runAnalysis(ctx, ['postgis']);
    if (only.has('tiles')) result.tiles = await runTiles(ctx);
    if (only.has('bbox')) result.bbox = await runBbox(ctx);
    if (only.has('browser') && targets.includes('postgis')) result.browser = await runBrowser(ctx);
    if (only.has('analysis')) {
      result.analysis!.naiveTurf = await runNaiveTurf(ctx, values.quick || size >= 1e6 ? 1 : 3);
      // The embedded database last: it shares this process with the server under test.
      await runAnalysis(ctx, ['embedded'], result.analysis);
    }
  } finally {
    for (const s of served) {
      await s.app.close();
      await s.db.close();
    }
  }
}

if (only.has('import')) result.import = await runImport({ ...base, targets: [] }, targets);

result.machine.loadEnd = loadavg();
result.ratios = ratios(result);
result.acceptance = acceptance(result, result.ratios);
const md = markdown(result);
const dir = new URL('./results/', import.meta.url).pathname;
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(result, null, 2));
writeFileSync(join(dir, `${stamp}.md`), md);
console.log(`\n${md}`);

// docs/performance.md: the latest table between the markers.
const doc = new URL('../docs/performance.md', import.meta.url).pathname;
if (existsSync(doc)) {
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- bench:latest:start -->';
  const end = '<!-- bench:latest:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) writeFileSync(doc, `${text.slice(0, a + start.length)}\n${md}\n${text.slice(b)}`);
}
log(`results: bench/results/${stamp}.json and .md`);
process.exit(0);
