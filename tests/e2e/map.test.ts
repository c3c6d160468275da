import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLUSTER_STATUS_COLORS } from '../../layers/clusters.layer';
import { PROVINCE_FILL } from '../../layers/province.layer';
import { launchChromium } from './chromium';
import { blend, colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap } from './page';

let browser: Browser;
let page: Page;
const external: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== '127.0.0.1' && host !== 'localhost' && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      external.push(r.url());
  });
  await page.goto(inject('baseUrl'));
  await waitForMap(page);
});
afterAll(async () => {
  await browser?.close();
});

/** Đình Lập's interior point and status, from the API the page uses. */
async function dinhLap(): Promise<{ id: number; point: [number, number]; status: keyof typeof CLUSTER_STATUS_COLORS }> {
  const fc = await (await fetch(`${inject('baseUrl')}/api/clusters`)).json();
  const f = fc.features.find((x: { properties: { name: string } }) => x.properties.name === 'Cụm công nghiệp Đình Lập');
  return { id: f.id, point: f.properties.label_point.coordinates, status: f.properties.status };
}

describe('the map page', () => {
  it('shows the seven clusters in the list, in Vietnamese', async () => {
    await expect(page.locator('.cluster-list h2').textContent()).resolves.toBe('Cụm công nghiệp (7)');
    await expect(page.locator('.cluster-list li').count()).resolves.toBe(7);
  });

  it('draws Đình Lập in its status colour', async () => {
    const dl = await dinhLap();
    // Over the plain province: the provincial plan layers (drawn beneath clusters) are hidden here.
    await page.evaluate(() =>
      Promise.all(['plan_land_use', 'plan_forest', 'plan_industrial', 'plan_corridors', 'plan_relics'].map((id) => window.__ccnMap!.setLayerVisible(id, false))),
    );
    await page.evaluate((c) => window.__ccnMap!.map.jumpTo({ center: c, zoom: 14 }), dl.point);
    await waitForIdle(page);
    const { x, y } = await project(page, dl.point);
    const expected = blend(hexToRgb(CLUSTER_STATUS_COLORS[dl.status]), hexToRgb(PROVINCE_FILL), 0.75);
    const inside = await pixelAt(page, x, y);
    expect(colourDistance(inside, expected), `inside ${inside} vs ${expected}`).toBeLessThanOrEqual(6);
    // 2 km east of it is plain province land.
    const outside = await pixelAt(page, x + 300, y);
    expect(colourDistance(outside, hexToRgb(PROVINCE_FILL)), `outside ${outside}`).toBeLessThanOrEqual(6);
  });

  it('a click on the polygon opens its panel with "71,39 ha"', async () => {
    const dl = await dinhLap();
    const { x, y } = await project(page, dl.point);
    await page.mouse.click(x, y);
    const panel = page.getByTestId('cluster-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe('Cụm công nghiệp Đình Lập');
    await expect(page.getByTestId('declared-area').textContent()).resolves.toBe('71,39 ha');
    await expect(page.getByTestId('plane-area').textContent()).resolves.toBe('71,39 ha');
    await expect(panel.textContent()).resolves.toContain('502/QĐ-UBND · 23/03/2022');
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-dinh-lap.png') });
  });

  it('made no request outside this machine (offline)', () => {
    expect(external).toEqual([]);
  });
});
