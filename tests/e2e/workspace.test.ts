/**
 * The planner's workspace in Chromium: search and select a cluster, read its panel (areas,
 * decision, reconciliation), switch to English, toggle the land-use plan, share the URL,
 * labels with diacritics, and — on servers of its own — edit a record and restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { neighboursLayer } from '../../layers/neighbours.layer';
import { PROVINCE_FILL } from '../../layers/province.layer';
import { landCode } from '../../src/core/land/codes';
import { launchChromium } from './chromium';
import { blend, colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap, signIn } from './page';
import { emptyDatabase, startServer } from './server';

let browser: Browser;
let page: Page;
const glyphResponses: { url: string; status: number }[] = [];
const base = () => inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, base());
  page.on('response', (r) => r.url().includes('/fonts/') && glyphResponses.push({ url: r.url(), status: r.status() }));
  await page.goto(base());
  await waitForMap(page);
});
afterAll(async () => {
  await browser?.close();
});

const panel = () => page.getByTestId('cluster-panel');

async function clusterByName(url: string, name: string) {
  const fc = (await (await fetch(`${url}/api/clusters`)).json()) as FeatureCollection<MultiPolygon, { id: number; name: string; version: number } & Record<string, unknown>>;
  return fc.features.find((f) => f.properties.name === name)!;
}

describe('cluster list, detail panel, language, shared URL', () => {
  it('search "dinh lap" finds Đình Lập; its panel shows 71,39 ha, decision 502/QĐ-UBND of 23/03/2022 and the reconciliation', async () => {
    await page.getByLabel('Tìm cụm công nghiệp').fill('dinh lap');
    const names = await page.locator('.cluster-list li .name').allTextContents();
    expect(names[0]).toMatch(/^Đình Lập/);
    // Bình Chương is in Đình Lập district: found too, after the name match.
    expect(names).toHaveLength(2);
    await page.locator('.cluster-list li button').first().click();
    await panel().waitFor();
    await expect(panel().locator('h2').textContent()).resolves.toBe('Cụm công nghiệp Đình Lập');
    await expect(page.getByTestId('declared-area').textContent()).resolves.toBe('71,39 ha');
    await expect(page.getByTestId('plane-area').textContent()).resolves.toBe('71,39 ha');
    const dl = await clusterByName(base(), 'Cụm công nghiệp Đình Lập');
    const ell = dl.properties.ellipsoidal_area_ha as number;
    await expect(page.getByTestId('ellipsoidal-area').textContent()).resolves.toBe(`${ell.toFixed(2).replace('.', ',')} ha`);
    await expect(page.getByTestId('plane-diff').textContent()).resolves.toBe('0,00 ha ✓');
    const diff = ell - 71.39;
    await expect(page.getByTestId('ellipsoidal-diff').textContent()).resolves.toBe(
      `${diff > 0.00005 ? '+' : diff < -0.00005 ? '−' : ''}${Math.abs(diff).toFixed(2).replace('.', ',')} ha ✓`,
    );
    await expect(page.getByTestId('decisions').textContent()).resolves.toContain('502/QĐ-UBND · 23/03/2022 · UBND tỉnh Lạng Sơn');
    await expect(panel().textContent()).resolves.toContain('Dung sai');
    // Boundary history: the earlier (illustrative) version and the area added / removed.
    await page.getByTestId('boundary-diff').waitFor();
    await expect(page.getByTestId('boundary-diff').textContent()).resolves.toMatch(/Diện tích tăng thêm\s*\d+,\d\d ha\s*Diện tích bớt đi\s*\d+,\d\d ha/);
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-workspace-dinh-lap.png') });
  });

  it('English changes the panel’s labels, and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(panel().textContent()).resolves.toContain('Area stated by decision');
    await expect(panel().textContent()).resolves.toContain('Area reconciliation');
    await expect(page.getByTestId('declared-area').textContent()).resolves.toBe('71.39 ha');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect(panel().textContent()).resolves.toContain('Diện tích theo quyết định');
  });

  it('the URL keeps the view and the cluster: reloading it reopens the same cluster and view', async () => {
    await page.evaluate(() => window.__ccnMap!.map.jumpTo({ center: [107.0981, 21.5523], zoom: 13.25 }));
    await waitForIdle(page);
    const dl = await clusterByName(base(), 'Cụm công nghiệp Đình Lập');
    await page.waitForFunction((id) => window.location.hash.includes(`cluster=${id}`) && window.location.hash.includes('map=13.25/'), dl.id);
    const shared = page.url();
    const fresh = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(fresh, shared);
    await fresh.goto(shared);
    await waitForMap(fresh);
    await fresh.getByTestId('cluster-panel').waitFor();
    await expect(fresh.getByTestId('cluster-panel').locator('h2').textContent()).resolves.toBe('Cụm công nghiệp Đình Lập');
    const view = await fresh.evaluate(() => window.__ccnMap!.getView());
    expect(view.zoom).toBeCloseTo(13.25, 2);
    expect(view.lng).toBeCloseTo(107.0981, 4);
    expect(view.lat).toBeCloseTo(21.5523, 4);
    await fresh.reload();
    await waitForMap(fresh);
    await fresh.getByTestId('cluster-panel').waitFor();
    await expect(fresh.getByTestId('cluster-panel').locator('h2').textContent()).resolves.toBe('Cụm công nghiệp Đình Lập');
    await fresh.close();
  });

  it('draws cluster and commune names with Vietnamese diacritics from the app’s own glyphs', async () => {
    await page.evaluate(() => window.__ccnMap!.map.jumpTo({ center: [107.08, 21.57], zoom: 11 }));
    await waitForIdle(page);
    const names = await page.evaluate(() =>
      window.__ccnMap!.map.queryRenderedFeatures({ layers: ['labels-cluster', 'labels-commune'] }).map((f) => String(f.properties.name)),
    );
    expect(names).toEqual(expect.arrayContaining(['CCN Đình Lập', 'CCN Bình Chương']));
    expect(glyphResponses.some((r) => r.url.includes('/fonts/NotoSans-Bold/7680-7935.pbf') && r.status === 200)).toBe(true);
    expect(glyphResponses.every((r) => r.status === 200 && new URL(r.url).host === new URL(base()).host)).toBe(true);
  });
});

describe('layer panel', () => {
  /** A land-use zone near Đình Lập, away from clusters and from the other plan layers, and a point inside it. */
  async function knownZone(): Promise<{ code: string; point: [number, number] }> {
    const get = async (id: string) => (await (await fetch(`${base()}/api/plan-layers/${id}/zones?bbox=107.07,21.53,107.13,21.58`)).json()) as FeatureCollection<MultiPolygon, { land_code: string }>;
    const zones = await get('land_use');
    const others = [...(await get('corridors')).features, ...(await get('relics')).features, ...(await get('industrial')).features];
    const clusters = (await (await fetch(`${base()}/api/clusters`)).json()) as FeatureCollection<MultiPolygon>;
    const { booleanPointInPolygon, pointToPolygonDistance } = await import('@turf/turf');
    const near = (p: [number, number], fs: Feature<MultiPolygon | Polygon>[], m: number) =>
      fs.some((f) => booleanPointInPolygon(p, f) || pointToPolygonDistance(p, f, { units: 'meters' }) < m);
    for (const z of zones.features) {
      if (['RSX', 'RPH', 'RDD'].includes(z.properties.land_code)) continue; // the forest plan outlines these
      const ring = z.geometry.coordinates[0]![0]!;
      const pts = ring.slice(0, -1);
      const c = [pts.reduce((s, p) => s + p[0]!, 0) / pts.length, pts.reduce((s, p) => s + p[1]!, 0) / pts.length];
      // Halfway from the centre to a vertex: inside (cells are convex), clear of the land-code text.
      const p: [number, number] = [(c[0]! + pts[0]![0]!) / 2, (c[1]! + pts[0]![1]!) / 2];
      if (!near(p, [...clusters.features, ...others] as Feature<MultiPolygon>[], 80)) return { code: z.properties.land_code, point: p };
    }
    throw new Error('no suitable zone');
  }

  it('toggling the land-use plan off and on changes the pixels under a known zone', async () => {
    const zone = await knownZone();
    await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
    const toggle = page.getByLabel('Hiện: Quy hoạch sử dụng đất (minh họa)');
    await expect(toggle.isChecked()).resolves.toBe(true);
    await page.evaluate((c) => window.__ccnMap!.map.jumpTo({ center: c, zoom: 15 }), zone.point);
    await waitForIdle(page);
    const { x, y } = await project(page, zone.point);
    const on = blend(hexToRgb(landCode(zone.code)!.color), hexToRgb(PROVINCE_FILL), 0.65);
    const before = await pixelAt(page, x, y);
    expect(colourDistance(before, on), `${zone.code} on: ${before} vs ${on}`).toBeLessThanOrEqual(6);
    await toggle.uncheck();
    await waitForIdle(page);
    const off = await pixelAt(page, x, y);
    expect(colourDistance(off, hexToRgb(PROVINCE_FILL)), `off: ${off}`).toBeLessThanOrEqual(6);
    await toggle.check();
    await waitForIdle(page);
    const again = await pixelAt(page, x, y);
    expect(colourDistance(again, on), `on again: ${again}`).toBeLessThanOrEqual(6);
    // Opacity at 0 hides it too; draw order and legend are in the same panel.
    await page.getByLabel('Độ đậm: Quy hoạch sử dụng đất (minh họa)').fill('0');
    await waitForIdle(page);
    expect(colourDistance(await pixelAt(page, x, y), hexToRgb(PROVINCE_FILL))).toBeLessThanOrEqual(6);
    await page.getByLabel('Độ đậm: Quy hoạch sử dụng đất (minh họa)').fill('100');
    await expect(page.getByTestId('layer-panel').textContent()).resolves.toContain('LUC – Đất chuyên trồng lúa');
    await page.getByRole('tab', { name: 'Cụm CN' }).click();
  });
});

/** Edits Minh Sơn's record through the UI on a server of its own, restarts it, and reads the record back. */
async function editAndRestart(env: Record<string, string>): Promise<void> {
  let server = await startServer(env);
  const ms = await clusterByName(server.url, 'Cụm công nghiệp Minh Sơn');
  const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(p, `${server.url}/#cluster=${ms.id}`);
  try {
    await p.goto(`${server.url}/#cluster=${ms.id}`);
    await waitForMap(p);
    await p.getByTestId('cluster-panel').waitFor();
    await p.getByRole('button', { name: 'Sửa hồ sơ' }).click();

    // Invalid: refused in the form with messages naming the fields; nothing is sent or changed.
    await p.locator('input[name=declared_area_ha]').fill('-5');
    await p.locator('input[name=industrial_land_ha]').fill('40');
    await p.locator('input[name=leased_land_ha]').fill('41');
    await p.locator('input[name=established_on]').fill('31/02/2024');
    await p.getByRole('button', { name: 'Lưu', exact: true }).click();
    const errors = await p.getByTestId('edit-errors').textContent();
    expect(errors).toContain('Diện tích theo quyết định (ha): không được là số âm');
    expect(errors).toContain('Đất đã cho thuê (ha): 41,00 ha lớn hơn đất công nghiệp (40,00 ha)');
    expect(errors).toContain('Ngày thành lập: ngày không hợp lệ (31/02/2024)');
    const unchanged = await clusterByName(server.url, 'Cụm công nghiệp Minh Sơn');
    expect(unchanged.properties).toMatchObject({ declared_area_ha: 55, industrial_land_ha: null, version: ms.properties.version });
    // The server refuses the same edit on its own, naming the field.
    // (as the signed-in page: its session cookie, same Origin)
    const direct = await p.request.fetch(`${server.url}/api/clusters/${ms.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', origin: server.url },
      data: JSON.stringify({ version: ms.properties.version, industrial_land_ha: 40, leased_land_ha: 41 }),
    });
    expect(direct.status()).toBe(400);
    expect(((await direct.json()) as { error: { message: string } }).error.message).toContain('leased_land_ha');

    // Valid: saved, shown, and still there after a restart.
    await p.locator('input[name=declared_area_ha]').fill('55');
    await p.locator('input[name=leased_land_ha]').fill('12,5');
    await p.locator('input[name=established_on]').fill('10/05/2024');
    await p.locator('input[name=workers]').fill('321');
    await p.locator('select[name=status]').selectOption('detailed_plan_approved');
    await p.getByRole('button', { name: 'Lưu', exact: true }).click();
    await p.getByText('Đã lưu hồ sơ.').waitFor();
    await expect(p.getByTestId('workers').textContent()).resolves.toBe('321');
    await expect(p.getByTestId('occupancy').textContent()).resolves.toBe('31,3 %'); // 12,5 ÷ 40, not ÷ 55 ha
  } finally {
    await p.close();
  }
  await server.stop();
  server = await startServer(env);
  try {
    const after = await clusterByName(server.url, 'Cụm công nghiệp Minh Sơn');
    expect(after.properties).toMatchObject({ workers: 321, industrial_land_ha: 40, leased_land_ha: 12.5, established_on: '2024-05-10', status: 'detailed_plan_approved' });
    expect(after.properties.version).toBe(ms.properties.version + 1);
    const q = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await signIn(q, `${server.url}/#cluster=${ms.id}`);
    await q.goto(`${server.url}/#cluster=${ms.id}`);
    await waitForMap(q);
    await q.getByTestId('cluster-panel').waitFor();
    await expect(q.getByTestId('workers').textContent()).resolves.toBe('321');
    await q.close();
  } finally {
    await server.stop();
  }
}

describe('editing a record through the UI persists across a restart', () => {
  it('on the embedded database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccn-e2e-edit-'));
    try {
      await editAndRestart({ DATA_DIR: dir, STATIC_DIR: inject('staticDir') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  const dbUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!dbUrl && process.env.CI !== 'true')('on the PostGIS server (TEST_DATABASE_URL)', async () => {
    if (!dbUrl) throw new Error('TEST_DATABASE_URL is required under CI');
    await emptyDatabase(dbUrl);
    await editAndRestart({ DATABASE_URL: dbUrl, STATIC_DIR: inject('staticDir') });
  }, 240_000);
});

describe('optional online basemap (BASEMAP_URL)', () => {
  it('is off by default, and drawn under the map when configured', async () => {
    expect(await (await fetch(`${base()}/api/config`)).json()).toEqual({ basemap: null });
    // A stand-in tile server: every tile one colour.
    const tile = new PNG({ width: 256, height: 256 });
    const colour: [number, number, number] = [51, 102, 204];
    for (let i = 0; i < tile.data.length; i += 4) tile.data.set([...colour, 255], i);
    const png = PNG.sync.write(tile);
    let tiles = 0;
    const tileServer = createServer((_req, res) => {
      tiles++;
      res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(png);
    });
    await new Promise<void>((r) => tileServer.listen(0, '127.0.0.1', r));
    const tileUrl = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
    // On the PostGIS test database when there is one (cheaper than a second embedded start).
    const dir = mkdtempSync(join(tmpdir(), 'ccn-e2e-basemap-'));
    const db: Record<string, string> = process.env.TEST_DATABASE_URL ? { DATABASE_URL: process.env.TEST_DATABASE_URL } : { DATA_DIR: dir };
    const server = await startServer({ ...db, STATIC_DIR: inject('staticDir'), BASEMAP_URL: tileUrl });
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      expect(await (await fetch(`${server.url}/api/config`)).json()).toEqual({ basemap: { kind: 'raster', tiles: tileUrl } });
      await p.goto(`${server.url}/#map=8.00/21.90000/107.00000`);
      await waitForMap(p);
      await p.waitForFunction(() => !!window.__ccnMap!.map.getLayer('basemap'));
      await waitForIdle(p);
      expect(tiles).toBeGreaterThan(0);
      // Outside Vietnam (Guangxi, China): the basemap itself; inside the province: under a light wash.
      const out = await project(p, [108.3, 22.6]);
      expect(colourDistance(await pixelAt(p, out.x, out.y), colour)).toBeLessThanOrEqual(6);
      const inside = await project(p, [106.95, 21.78]);
      // Vietnam's provinces (Lạng Sơn included) wash it at 0.25, the province fill at 0.35 on top.
      const neighbours = (neighboursLayer.layers[0] as { paint: { 'fill-color': string } }).paint['fill-color'];
      const washed = blend(hexToRgb(PROVINCE_FILL), blend(hexToRgb(neighbours), colour, 0.25), 0.35);
      expect(colourDistance(await pixelAt(p, inside.x, inside.y), washed), 'province over basemap').toBeLessThanOrEqual(8);
    } finally {
      await p.close();
      await server.stop();
      tileServer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
