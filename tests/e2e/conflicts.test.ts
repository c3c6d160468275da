import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEVERITY_COLORS, SEVERITY_ORDER } from '../../src/core/analysis/severity';
import { launchChromium } from './chromium';
import { blend, colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap, signIn } from './page';

let browser: Browser;
let page: Page;
const base = () => inject('baseUrl');

interface ClusterFeature { id: number; properties: { name: string; label_point: { coordinates: [number, number] } } }
let clusters: ClusterFeature[];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await signIn(page, base());
  // Software WebGL on a shared 2-core machine: give actions room.
  page.setDefaultTimeout(120_000);
  await page.goto(base());
  await waitForMap(page);
  clusters = (await (await fetch(`${base()}/api/clusters`)).json()).features;
});
afterAll(async () => {
  await browser?.close();
});

const tab = (label: string) => page.getByRole('tab', { name: label });

/** Picks a cluster the way a planner does: in the list of the clusters tab. */
async function selectCluster(name: string): Promise<void> {
  await tab('Cụm CN').click();
  const short = name.replace(/^Cụm công nghiệp /, '');
  await page.locator('.cluster-list button').filter({ has: page.locator('.name', { hasText: new RegExp(`^${short}`) }) }).click();
  await tab('Kiểm tra xung đột').click();
  await page.getByTestId('conflicts-name').filter({ hasText: name }).waitFor();
}

/** The overlap rows the panel shows now: "layer|code" → ha (and the cluster area). */
async function readTable(source: 'server' | 'local'): Promise<{ area: number; rows: Map<string, number> }> {
  await page.locator(`input[name="conflicts-source"][value="${source}"]`).check();
  await page.locator(`[data-testid="conflicts-badge"][data-source="${source}"]`).waitFor();
  const area = Number(await page.getByTestId('conflicts-area').getAttribute('data-ha'));
  const rows = new Map<string, number>();
  for (const r of await page.locator('tr.overlap-row').all()) {
    const key = (await r.getAttribute('data-row'))!;
    rows.set(key, (rows.get(key) ?? 0) + Number(await r.getAttribute('data-ha')));
  }
  return { area, rows };
}

describe('conflict check in the browser', () => {
  it('the live overlap table agrees with the server within 0.5 % of the cluster area, on every seeded cluster', async () => {
    expect(clusters.length).toBeGreaterThanOrEqual(7);
    for (const c of clusters) {
      await selectCluster(c.properties.name);
      const server = await readTable('server');
      const local = await readTable('local');
      expect(server.rows.size, c.properties.name).toBeGreaterThan(0);
      expect(Math.abs(local.area - server.area) / server.area, `${c.properties.name} area`).toBeLessThan(0.005);
      for (const key of new Set([...server.rows.keys(), ...local.rows.keys()])) {
        const d = Math.abs((server.rows.get(key) ?? 0) - (local.rows.get(key) ?? 0));
        expect(d / server.area, `${c.properties.name} ${key}: server ${server.rows.get(key)} local ${local.rows.get(key)}`).toBeLessThan(0.005);
      }
      // The badge says which figures are shown.
      await expect(page.getByTestId('conflicts-badge').textContent()).resolves.toContain('Ước tính cục bộ');
      await page.locator('input[name="conflicts-source"][value="server"]').check();
      await expect(page.getByTestId('conflicts-badge').textContent()).resolves.toContain('PostGIS');
    }
  }, 600_000);

  it('shows Đình Lập’s rules with articles, highlights overlaps by severity and zooms to a row', async () => {
    const dl = clusters.find((c) => c.properties.name === 'Cụm công nghiệp Đình Lập')!;
    await selectCluster(dl.properties.name);
    await page.locator('[data-testid="conflicts-badge"][data-source="server"]').waitFor();
    const area = page.locator('[data-rule="area_band"]');
    await expect(area.getAttribute('data-status')).resolves.toBe('pass');
    await expect(area.textContent()).resolves.toContain('Khoản 1 Điều 2 Nghị định 32/2024/NĐ-CP');
    await expect(page.locator('[data-rule="no_residents"]').getAttribute('data-status')).resolves.toBe('fail');
    await expect(page.getByTestId('report-pdf').getAttribute('href')).resolves.toContain(`/api/analysis/report?clusterId=${dl.id}&format=pdf`);

    // Protection forest inside the boundary is drawn in the blocking colour.
    const res = await fetch(`${base()}/api/analysis/conflicts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clusterId: dl.id }) });
    const body = await res.json();
    const rph = body.table.layers.find((l: { layerId: string }) => l.layerId === 'forest').codes.find((c: { landCode: string }) => c.landCode === 'RPH');
    const piece = rph.features[0].geometry as Polygon | MultiPolygon;
    const p = pointOnFeature({ type: 'Feature', properties: {}, geometry: piece }).geometry.coordinates as [number, number];
    await page.evaluate((c) => window.__ccnMap!.map.jumpTo({ center: c, zoom: 15 }), p);
    await waitForIdle(page);
    const { x, y } = await project(page, p);
    const withOverlap = await pixelAt(page, x, y);
    // Same spot with the overlap layer hidden: what lies beneath.
    await page.evaluate(() => window.__ccnMap!.map.setLayoutProperty('overlap-fill', 'visibility', 'none'));
    await waitForIdle(page);
    const beneath = await pixelAt(page, x, y);
    await page.evaluate(() => window.__ccnMap!.map.setLayoutProperty('overlap-fill', 'visibility', 'visible'));
    // Every filled overlap piece under the point, drawn least severe first (two layers may show the same forest).
    const under: string[] = [];
    for (const l of body.table.layers)
      for (const c of l.codes)
        for (const f of c.features)
          if (!['target', 'none'].includes(c.severity) && f.geometry && booleanPointInPolygon(p, f.geometry)) under.push(c.severity);
    under.sort((a, b) => SEVERITY_ORDER.indexOf(b as never) - SEVERITY_ORDER.indexOf(a as never));
    expect(under).toContain('blocking');
    const expected = under.reduce((bg, sev) => blend(hexToRgb(SEVERITY_COLORS[sev as keyof typeof SEVERITY_COLORS]), bg, 0.7), beneath);
    expect(colourDistance(withOverlap, expected), `${withOverlap} vs ${expected}`).toBeLessThanOrEqual(8);

    // A click on the RPH row zooms the map to it.
    await page.evaluate(() => window.__ccnMap!.map.jumpTo({ center: [106.5, 21.6], zoom: 9 }));
    await page.locator('tr.overlap-row[data-row="forest|RPH"]').click();
    await page.waitForFunction(() => !window.__ccnMap!.map.isMoving() && window.__ccnMap!.map.getZoom() > 13, null, { timeout: 60_000 });
    const inView = await page.evaluate((c) => window.__ccnMap!.map.getBounds().contains(c), p);
    expect(inView).toBe(true);
    await expect(page.locator('tr.overlap-row[data-row="forest|RPH"]').getAttribute('class')).resolves.toContain('selected');
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-conflicts.png') });
  }, 400_000);

  it('trims Đình Lập to buildable land and re-checks it with no blocking land left', async () => {
    await page.getByTestId('trim').getByRole('button', { name: 'Cắt theo đất cấm' }).click();
    const result = page.getByTestId('trim-result');
    await result.waitFor();
    await expect(page.getByTestId('trim-area').textContent()).resolves.toMatch(/^\d+,\d\d ha$/);
    await expect(result.textContent()).resolves.toContain('RPH');
    await expect(result.textContent()).resolves.toContain('Vẫn đạt quy mô tối thiểu');
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-conflicts-trim.png') });
    await result.getByRole('button', { name: 'Dùng làm phương án mới' }).click();
    // The trimmed boundary becomes the subject; the server's re-check has no blocking land.
    await page.locator('input[name="conflicts-source"][value="server"]').check();
    await page.getByTestId('conflicts-name').filter({ hasText: '(sau khi cắt)' }).waitFor();
    await page.locator('[data-testid="conflicts-badge"][data-source="server"]').waitFor();
    await expect(page.locator('[data-testid="severity-table"] tr[data-severity="blocking"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="severity-table"] tr[data-severity="conflict"]').count()).resolves.toBe(0);
    // Accepting saved it as a proposal: remove it (the e2e database is shared by every browser test).
    const fc = await (await fetch(`${base()}/api/proposals`)).json();
    const mine = fc.features.filter((f: { properties: { name: string } }) => f.properties.name === 'Cụm công nghiệp Đình Lập (sau khi cắt)');
    expect(mine).toHaveLength(1);
    for (const f of mine) {
      const del = await page.request.delete(`${base()}/api/proposals/${f.properties.id}?version=${f.properties.version}`, { headers: { origin: base() } });
      expect(del.status()).toBeLessThan(300);
    }
  }, 300_000);
});
