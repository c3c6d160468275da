import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CLUSTER_STATUS_COLORS } from '../../layers/clusters.layer';
import { formatHa } from '../../src/core/format/number';
import { launchChromium } from './chromium';
import { colourDistance, hexToRgb, pixelAt, waitForIdle, waitForMap, signIn } from './page';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signIn(page, inject('baseUrl'));
  await page.goto(inject('baseUrl'));
  await waitForMap(page);
  await page.getByRole('tab', { name: 'Tổng quan' }).click();
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('dash-clusters-table').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

interface ClusterFC {
  features: { id: number; properties: { id: number; name: string; status: string; declared_area_ha: number | null; label_point: { coordinates: [number, number] } } }[];
}
const clusters = async (): Promise<ClusterFC> => (await fetch(`${inject('baseUrl')}/api/clusters`)).json() as Promise<ClusterFC>;

describe('the dashboard', () => {
  it('shows the number of clusters and the total hectares of the demo province', async () => {
    const fc = await clusters();
    const live = fc.features.filter((f) => f.properties.status !== 'removed_from_plan');
    const ha = live.reduce((a, f) => a + (f.properties.declared_area_ha ?? 0), 0);
    await expect(page.getByTestId('kpi-clusters').textContent()).resolves.toBe(String(live.length));
    await expect(page.getByTestId('kpi-area').textContent()).resolves.toBe(formatHa(ha));
    expect(formatHa(ha)).toBe('384,55 ha');
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-dashboard.png') });
  });

  it('draws the status chart: bars in the status colours on a white card', async () => {
    const chart = page.getByTestId('chart-status');
    const box = (await chart.boundingBox())!;
    const png = PNG.sync.read(await page.screenshot({ clip: box }));
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++;
    }
    expect(coloured, 'saturated pixels in the chart').toBeGreaterThan(500);
    // The "in the development plan" bar (4 clusters today) is drawn in its map colour.
    await expect(chart.locator('text', { hasText: 'Trong phương án phát triển' }).count()).resolves.toBe(1);
    const b = (await chart.locator('rect[data-bar="in_plan"]').boundingBox())!;
    const px = await pixelAt(page, b.x + Math.min(20, b.width / 2), b.y + b.height / 2);
    expect(colourDistance(px, hexToRgb(CLUSTER_STATUS_COLORS.in_plan)), `bar ${px}`).toBeLessThanOrEqual(8);
  });

  it('clicking a cluster row opens it on the map', async () => {
    const fc = await clusters();
    const hs = fc.features.find((f) => f.properties.name === 'Cụm công nghiệp Hồ Sơn 1')!;
    await page.locator(`[data-testid="dash-clusters-table"] tr[data-cluster-id="${hs.properties.id}"]`).click();
    await expect(page.getByTestId('dashboard').count()).resolves.toBe(0);
    const panel = page.getByTestId('cluster-panel');
    await panel.waitFor();
    await expect(panel.locator('h2').textContent()).resolves.toBe('Cụm công nghiệp Hồ Sơn 1');
    await expect(page.getByRole('tab', { name: 'Cụm CN' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.waitForFunction(() => !window.__ccnMap!.map.isMoving(), null, { timeout: 30_000 });
    await waitForIdle(page);
    const view = await page.evaluate((p) => {
      const m = window.__ccnMap!.map;
      return { zoom: m.getZoom(), inView: m.getBounds().contains(p) };
    }, hs.properties.label_point.coordinates);
    expect(view.zoom).toBeGreaterThan(12);
    expect(view.inView).toBe(true);
  });
});
