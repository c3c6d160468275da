import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLOT_CLASS_COLORS } from '../../layers/plots.layer';
import { launchChromium } from './chromium';
import { colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap, signIn } from './page';

let browser: Browser;
let page: Page;
const base = () => inject('baseUrl');
/** API calls as the signed-in page (its session cookie; the server checks the Origin). */
const api = async <T>(path: string, init?: { method?: string; body?: string }): Promise<T> => {
  const res = await page.request.fetch(`${base()}${path}`, {
    method: init?.method ?? 'GET',
    headers: { 'content-type': 'application/json', origin: base() },
    ...(init?.body !== undefined ? { data: init.body } : {}),
  });
  if (!res.ok()) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};

interface PlotF { id: number; properties: { code: string; version: number; map_class: string; project_name: string | null; label_point: { coordinates: [number, number] } } }
interface PlotsFC { features: PlotF[]; occupancy: { computed: { occupancy_pct: number } } }
const pct = (v: number) => `${v.toFixed(2).replace('.', ',')} %`;

let hoSon: number;
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, base());
  await page.goto(base());
  await waitForMap(page);
  const clusters = await api<{ features: { id: number; properties: { name: string } }[] }>('/api/clusters');
  hoSon = clusters.features.find((f) => f.properties.name === 'Cụm công nghiệp Hồ Sơn 1')!.id;
  await page.getByRole('tab', { name: 'Lô đất & dự án' }).click();
  await page.getByTestId('plots-cluster').selectOption(String(hoSon));
  await page.getByTestId('occupancy-computed').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

/** Centres the map on a point at zoom 17, the point 150 px above the centre (clear of the panels). */
async function lookAt(point: [number, number]): Promise<{ x: number; y: number }> {
  await page.waitForFunction(() => !window.__ccnMap!.map.isMoving());
  await page.evaluate((c) => {
    const map = window.__ccnMap!.map;
    map.jumpTo({ center: c, zoom: 17 });
    map.panBy([0, 150], { duration: 0 });
  }, point);
  await waitForIdle(page);
  const p = await project(page, point);
  // Sample a little below the label point, clear of the plot code text.
  return { x: p.x, y: p.y + 28 };
}

describe('plots & projects tab', () => {
  it('shows the computed occupancy beside the typed one, as the API computes it', async () => {
    const fc = await api<PlotsFC>(`/api/plots?cluster_id=${hoSon}`);
    await expect(page.getByTestId('occupancy-computed').textContent()).resolves.toBe(pct(fc.occupancy.computed.occupancy_pct));
    await expect(page.getByTestId('occupancy-typed').textContent()).resolves.toBe('55,46 %');
  });

  it('a click on a leased plot shows its project', async () => {
    const fc = await api<PlotsFC>(`/api/plots?cluster_id=${hoSon}`);
    const plot = fc.features.find((f) => f.properties.map_class === 'operating')!;
    const at = await lookAt(plot.properties.label_point.coordinates);
    const colour = await pixelAt(page, at.x, at.y);
    expect(colourDistance(colour, hexToRgb(PLOT_CLASS_COLORS.operating)), `operating ${colour}`).toBeLessThanOrEqual(6);
    await page.mouse.click(at.x, at.y);
    await expect(page.getByTestId('plot-code').textContent()).resolves.toBe(plot.properties.code);
    await expect(page.getByTestId('plot-project').textContent()).resolves.toBe(plot.properties.project_name);
  });

  it('leasing a vacant plot changes its colour on the map, the occupancy and the vacant list at once', async () => {
    const before = await api<PlotsFC>(`/api/plots?cluster_id=${hoSon}`);
    const plot = before.features.find((f) => f.properties.map_class === 'vacant')!;
    const code = plot.properties.code;
    const projects = await api<{ id: number; name: string; version: number }[]>(`/api/projects?cluster_id=${hoSon}`);
    const tenant = projects.find((p) => p.name === 'Nhà máy chế biến thức ăn chăn nuôi Xứ Lạng')!;

    const vacantButton = page.locator(`[data-testid=vacant-list] button[data-code="${code}"]`);
    await expect(vacantButton.count()).resolves.toBe(1);
    const at = await lookAt(plot.properties.label_point.coordinates);
    const colourBefore = await pixelAt(page, at.x, at.y);
    expect(colourDistance(colourBefore, hexToRgb(PLOT_CLASS_COLORS.vacant)), `vacant ${colourBefore}`).toBeLessThanOrEqual(6);

    await page.mouse.click(at.x, at.y);
    await expect(page.getByTestId('plot-code').textContent()).resolves.toBe(code);
    await expect(page.getByTestId('plot-state').textContent()).resolves.toBe('Lô công nghiệp còn trống');
    await page.getByTestId('lease-project').selectOption(String(tenant.id));
    await page.getByTestId('lease-date').fill('2026-11-15');
    await page.getByTestId('lease-button').click();

    // The plot's state flips; in the same render the occupancy and the vacant list have changed too.
    await page.getByTestId('plot-state').filter({ hasText: 'Lô đã chấp thuận / cho thuê, chưa xây dựng' }).waitFor({ timeout: 10_000 });
    const after = await api<PlotsFC>(`/api/plots?cluster_id=${hoSon}`);
    const snapshot = await page.evaluate((c) => ({
      occupancy: document.querySelector('[data-testid=occupancy-computed]')?.textContent,
      listed: !!document.querySelector(`[data-testid=vacant-list] button[data-code="${c}"]`),
      count: document.querySelector('[data-testid=vacant-count]')?.textContent,
    }), code);
    expect(after.occupancy.computed.occupancy_pct).toBeGreaterThan(before.occupancy.computed.occupancy_pct);
    expect(snapshot.occupancy).toBe(pct(after.occupancy.computed.occupancy_pct));
    expect(snapshot.occupancy).not.toBe(pct(before.occupancy.computed.occupancy_pct));
    expect(snapshot.listed).toBe(false);
    const vacantBefore = before.features.filter((f) => f.properties.map_class === 'vacant').length;
    expect(snapshot.count).toContain(`(${vacantBefore - 1} lô`);

    await waitForIdle(page);
    const colourAfter = await pixelAt(page, at.x, at.y);
    expect(colourDistance(colourAfter, hexToRgb(PLOT_CLASS_COLORS.approved)), `approved ${colourAfter}`).toBeLessThanOrEqual(6);
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-plots-leased.png') });

    // Restore the demo data for the other tests.
    const leased = after.features.find((f) => f.id === plot.id)!;
    await api(`/api/plots/${plot.id}/release`, { method: 'POST', body: JSON.stringify({ version: leased.properties.version }) });
    const p = await api<{ version: number }>(`/api/projects/${tenant.id}`);
    await api(`/api/projects/${tenant.id}`, { method: 'PATCH', body: JSON.stringify({ version: p.version, lease_contract_date: null }) });
    const restored = await api<PlotsFC>(`/api/plots?cluster_id=${hoSon}`);
    expect(restored.occupancy.computed.occupancy_pct).toBeCloseTo(before.occupancy.computed.occupancy_pct, 6);
  });

  it('lists the slow project and the overdue violation in the monthly review', async () => {
    await page.getByRole('tab', { name: /Rà soát hằng tháng/ }).click();
    await expect(page.getByTestId('review-slow').textContent()).resolves.toContain('Nhà máy sấy và chế biến hoa quả Hữu Lũng');
    const overdue = await page.getByTestId('review-overdue').textContent();
    expect(overdue).toContain('Nhà máy sợi và dệt Kim Sơn');
    expect(overdue).toContain('30/06/2026');
  });
});
