/**
 * The browser: the built app in headless Chromium (software WebGL, flags of tests/e2e/chromium.ts)
 * over the PostGIS benchmark database — plan zones (10^5–10^6, drawn from tiles because they are
 * over the threshold) and 10^5 parcels switched to tiles. Measures the time from navigation to
 * the map's first `idle`, the time to `idle` after jumping to z14 over a village of parcels, and
 * the frame times (requestAnimationFrame intervals) while panning for 3 s. Saves screenshots.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/chromium';
import { startServer } from '../tests/e2e/server';
import { BENCH_DIR } from './data/files';
import { serverDbUrl } from './data/target';
import type { BenchContext } from './lib/context';
import { summarize, type Summary } from './lib/stats';

export interface BrowserResult {
  firstIdleMs: number;
  z14IdleMs: number;
  frames: Summary;
  parcelsRendered: number;
  screenshots: string[];
}

export async function runBrowser(ctx: BenchContext): Promise<BrowserResult> {
  const staticDir = join(BENCH_DIR, 'dist');
  ctx.log('browser: building the front end…');
  const build = spawnSync('node_modules/.bin/vite', ['build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const pg = ctx.targets.find((t) => t.target === 'postgis');
  if (!pg) throw new Error('the browser part needs the postgis target');
  const { rows } = await pg.db.pool.query<{ lon: number; lat: number; n: number }>(
    `SELECT ST_X(c) AS lon, ST_Y(c) AS lat, (SELECT count(*)::int FROM parcels) AS n
     FROM (SELECT ST_Centroid(ST_Collect(geom)) AS c FROM parcels WHERE map_sheet_no = 'B0') s`,
  );
  const spot = rows[0]!;
  const server = await startServer({ DATABASE_URL: serverDbUrl(ctx.size), STATIC_DIR: staticDir, PUBLIC_PARCELS: 'true' });
  const browser = await launchChromium();
  const shots: string[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    ctx.log('browser: opening the app…');
    await page.goto(server.url);
    // Page scripts as strings: tsx would wrap named inner functions in a helper the page lacks.
    const firstIdleMs = (await page.evaluate(`new Promise((resolve) => {
      const wait = () => {
        const c = window.__ccnMap;
        if (!c) return void setTimeout(wait, 20);
        const done = () => resolve(performance.now());
        if (c.map.loaded() && !c.map.isMoving() && c.map.areTilesLoaded()) done();
        else c.map.once('idle', done);
      };
      wait();
    })`)) as number;
    ctx.log(`browser: first idle at ${Math.round(firstIdleMs)} ms`);
    mkdirSync(join(BENCH_DIR, 'shots'), { recursive: true });
    shots.push(join(BENCH_DIR, 'shots', 'province.png'));
    await page.screenshot({ path: shots.at(-1)! });

    const z14IdleMs = await page.evaluate(async ([lon, lat]) => {
      const c = window.__ccnMap!;
      await c.setTiles('parcels', { collection: 'parcels', minzoom: 10 });
      const t0 = performance.now();
      c.map.jumpTo({ center: [lon, lat], zoom: 14 });
      await new Promise<void>((r) => c.map.once('idle', () => r()));
      return performance.now() - t0;
    }, [spot.lon, spot.lat] as const);
    const parcelsRendered = await page.evaluate(() => window.__ccnMap!.map.queryRenderedFeatures({ layers: ['parcels-fill'] }).length);
    ctx.log(`browser: z14 idle after ${Math.round(z14IdleMs)} ms, ${parcelsRendered} parcels on screen`);
    shots.push(join(BENCH_DIR, 'shots', 'parcels-z14.png'));
    await page.screenshot({ path: shots.at(-1)! });

    const frames = (await page.evaluate(`new Promise((resolve) => {
      const map = window.__ccnMap.map;
      const times = [];
      let last = performance.now();
      let running = true;
      const tick = (t) => {
        times.push(t - last);
        last = t;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => {
        last = t;
        requestAnimationFrame(tick);
      });
      map.panBy([900, 300], { duration: 3000, easing: (x) => x, essential: true });
      map.once('moveend', () => {
        running = false;
        resolve(times.slice(1));
      });
    })`)) as number[];
    shots.push(join(BENCH_DIR, 'shots', 'parcels-after-pan.png'));
    await page.evaluate(() => new Promise<void>((r) => window.__ccnMap!.map.once('idle', () => r())));
    await page.screenshot({ path: shots.at(-1)! });
    return { firstIdleMs: Math.round(firstIdleMs), z14IdleMs: Math.round(z14IdleMs), frames: summarize(frames), parcelsRendered, screenshots: shots };
  } finally {
    await browser.close();
    await server.stop();
  }
}
