/**
 * The plots & projects tab in Chromium: computed occupancy beside the typed one, a leased plot's
 * project, leasing a vacant plot (map colour, occupancy, vacant list at once), the monthly review;
 * the cluster panel and the dashboard row with the computed occupancy; and — on servers of its own,
 * embedded and PostGIS — a lease made in the UI that is still there after a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PLOT_CLASS_COLORS } from '../../layers/plots.layer';
import { todayInVietnam } from '../../src/core/reports/periods';
import { launchChromium } from './chromium';
import { colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap, signIn } from './page';
import { emptyDatabase, startServer } from './server';

let browser: Browser;
let page: Page;
const base = () => inject('baseUrl');
/** API calls as a signed-in page (its session cookie; the server checks the Origin). */
const apiOf = async <T>(p: Page, url: string, path: string, init?: { method?: string; body?: string }): Promise<T> => {
  const res = await p.request.fetch(`${url}${path}`, {
    method: init?.method ?? 'GET',
    headers: { 'content-type': 'application/json', origin: url },
    ...(init?.body !== undefined ? { data: init.body } : {}),
  });
  if (!res.ok()) throw new Error(`${init?.method ?? 'GET'} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};
const api = <T>(path: string, init?: { method?: string; body?: string }): Promise<T> => apiOf<T>(page, base(), path, init);

interface PlotF { id: number; properties: { code: string; version: number; map_class: string; project_name: string | null; label_point: { coordinates: [number, number] } } }
interface PlotsFC { features: PlotF[]; occupancy: { computed: { occupancy_pct: number }; typed: { occupancy_pct: number } } }
const pct = (v: number) => `${v.toFixed(2).replace('.', ',')} %`;
/** "50,99 %" → 50.99 */
const parsePct = (text: string | null) => Number((text ?? '').replace(/[^\d,.-]/g, '').replace(/\./g, '').replace(',', '.'));
const TENANT = 'Nhà máy chế biến thức ăn chăn nuôi Xứ Lạng';
const HO_SON = 'Cụm công nghiệp Hồ Sơn 1';

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
async function lookAt(point: [number, number], on = page): Promise<{ x: number; y: number }> {
  await on.waitForFunction(() => !window.__ccnMap!.map.isMoving());
  await on.evaluate((c) => {
    const map = window.__ccnMap!.map;
    map.jumpTo({ center: c, zoom: 17 });
    map.panBy([0, 150], { duration: 0 });
  }, point);
  await waitForIdle(on);
  const p = await project(on, point);
  // Sample a little below the label point, clear of the plot code text.
  return { x: p.x, y: p.y + 28 };
}

/** Signs in, opens the app and the "Lô đất & dự án" tab on Hồ Sơn 1; answers the cluster id. */
async function openPlotsTab(p: Page, url: string): Promise<number> {
  await signIn(p, url);
  await p.goto(url);
  await waitForMap(p);
  const clusters = await apiOf<{ features: { id: number; properties: { name: string } }[] }>(p, url, '/api/clusters');
  const id = clusters.features.find((f) => f.properties.name === HO_SON)!.id;
  await p.getByRole('tab', { name: 'Lô đất & dự án' }).click();
  await p.getByTestId('plots-cluster').selectOption(String(id));
  await p.getByTestId('occupancy-computed').waitFor();
  return id;
}

interface Leased { plot: PlotF; tenantId: number; before: PlotsFC; after: PlotsFC; occupancyShown: string; vacantCountShown: string }

/**
 * Leases the first vacant plot of Hồ Sơn 1 to the demo tenant through the UI (click on the map,
 * the lease form), checking the plot's colour before and after and that the occupancy and the
 * vacant list change in the same render as the plot's state.
 */
async function leaseVacantPlot(p: Page, url: string, clusterId: number, leasedOn: string): Promise<Leased> {
  const before = await apiOf<PlotsFC>(p, url, `/api/plots?cluster_id=${clusterId}`);
  const plot = before.features.find((f) => f.properties.map_class === 'vacant')!;
  const code = plot.properties.code;
  const projects = await apiOf<{ id: number; name: string }[]>(p, url, `/api/projects?cluster_id=${clusterId}`);
  const tenant = projects.find((x) => x.name === TENANT)!;

  await expect(p.locator(`[data-testid=vacant-list] button[data-code="${code}"]`).count()).resolves.toBe(1);
  const at = await lookAt(plot.properties.label_point.coordinates, p);
  const colourBefore = await pixelAt(p, at.x, at.y);
  expect(colourDistance(colourBefore, hexToRgb(PLOT_CLASS_COLORS.vacant)), `vacant ${colourBefore}`).toBeLessThanOrEqual(6);

  await p.mouse.click(at.x, at.y);
  await expect(p.getByTestId('plot-code').textContent()).resolves.toBe(code);
  await expect(p.getByTestId('plot-state').textContent()).resolves.toBe('Lô công nghiệp còn trống');
  await p.getByTestId('lease-project').selectOption(String(tenant.id));
  await p.getByTestId('lease-date').fill(leasedOn);
  await p.getByTestId('lease-button').click();

  // The plot's state flips; in the same render the occupancy and the vacant list have changed too.
  await p.getByTestId('plot-state').filter({ hasText: 'Lô đã chấp thuận / cho thuê, chưa xây dựng' }).waitFor({ timeout: 10_000 });
  const after = await apiOf<PlotsFC>(p, url, `/api/plots?cluster_id=${clusterId}`);
  const snapshot = await p.evaluate((c) => ({
    occupancy: document.querySelector('[data-testid=occupancy-computed]')?.textContent ?? '',
    listed: !!document.querySelector(`[data-testid=vacant-list] button[data-code="${c}"]`),
    count: document.querySelector('[data-testid=vacant-count]')?.textContent ?? '',
  }), code);
  expect(after.occupancy.computed.occupancy_pct).toBeGreaterThan(before.occupancy.computed.occupancy_pct);
  expect(snapshot.occupancy).toBe(pct(after.occupancy.computed.occupancy_pct));
  expect(snapshot.occupancy).not.toBe(pct(before.occupancy.computed.occupancy_pct));
  expect(snapshot.listed).toBe(false);
  const vacantBefore = before.features.filter((f) => f.properties.map_class === 'vacant').length;
  expect(snapshot.count).toContain(`(${vacantBefore - 1} lô`);

  await waitForIdle(p);
  const colourAfter = await pixelAt(p, at.x, at.y);
  expect(colourDistance(colourAfter, hexToRgb(PLOT_CLASS_COLORS.approved)), `approved ${colourAfter}`).toBeLessThanOrEqual(6);
  return { plot, tenantId: tenant.id, before, after, occupancyShown: snapshot.occupancy, vacantCountShown: snapshot.count };
}

/** Releases the plot and clears the tenant's lease date again (the demo data as seeded, bar versions). */
async function undoLease(p: Page, url: string, clusterId: number, l: Leased): Promise<void> {
  const now = await apiOf<PlotsFC>(p, url, `/api/plots?cluster_id=${clusterId}`);
  const leased = now.features.find((f) => f.id === l.plot.id)!;
  await apiOf(p, url, `/api/plots/${l.plot.id}/release`, { method: 'POST', body: JSON.stringify({ version: leased.properties.version }) });
  const pr = await apiOf<{ version: number }>(p, url, `/api/projects/${l.tenantId}`);
  await apiOf(p, url, `/api/projects/${l.tenantId}`, { method: 'PATCH', body: JSON.stringify({ version: pr.version, lease_contract_date: null }) });
  const restored = await apiOf<PlotsFC>(p, url, `/api/plots?cluster_id=${clusterId}`);
  expect(restored.occupancy.computed.occupancy_pct).toBeCloseTo(l.before.occupancy.computed.occupancy_pct, 6);
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
    const l = await leaseVacantPlot(page, base(), hoSon, todayInVietnam());
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-plots-leased.png') });
    // Restore the demo data for the other tests.
    await undoLease(page, base(), hoSon, l);
  });

  it('lists the slow project and the overdue violation in the monthly review', async () => {
    await page.getByRole('tab', { name: /Rà soát hằng tháng/ }).click();
    await expect(page.getByTestId('review-slow').textContent()).resolves.toContain('Nhà máy sấy và chế biến hoa quả Hữu Lũng');
    const overdue = await page.getByTestId('review-overdue').textContent();
    expect(overdue).toContain('Nhà máy sợi và dệt Kim Sơn');
    expect(overdue).toContain('30/06/2026');
  });
});

/** What a user reads for Hồ Sơn 1 in the cluster panel ("Cụm CN") and in the dashboard's cluster table. */
async function occupancyElsewhere(p: Page, url: string, clusterId: number) {
  await p.goto(`${url}/#cluster=${clusterId}`);
  await p.reload();
  await waitForMap(p);
  const panel = p.getByTestId('cluster-panel');
  await panel.waitFor();
  await expect(panel.locator('h2').textContent()).resolves.toBe(HO_SON);
  const shown = {
    panel: (await panel.getByTestId('occupancy').textContent()) ?? '',
    source: (await panel.getByTestId('occupancy-source').textContent()) ?? '',
    panelTyped: (await panel.getByTestId('record-occupancy-typed').textContent()) ?? '',
    dashboard: '',
    dashboardSource: '',
  };
  await p.getByRole('tab', { name: 'Tổng quan' }).click();
  const table = p.getByTestId('dash-clusters-table');
  await table.waitFor();
  const head = await table.locator('thead th').allTextContents();
  const cells = await table.locator(`tr[data-cluster-id="${clusterId}"] td`).allTextContents();
  shown.dashboard = cells[head.findIndex((h) => h.startsWith('Tỷ lệ lấp đầy'))]!;
  shown.dashboardSource = cells[head.findIndex((h) => h.startsWith('Nguồn'))]!;
  return shown;
}

describe('the computed occupancy in the cluster panel and the dashboard', () => {
  it('shows the plots figure beside the typed one in the panel, and the same figure in the dashboard row', async () => {
    const fc = await api<PlotsFC>(`/api/plots?cluster_id=${hoSon}`);
    const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await signIn(p, base());
      const shown = await occupancyElsewhere(p, base(), hoSon);
      expect(shown.panel).toBe(pct(fc.occupancy.computed.occupancy_pct));
      expect(shown.source).toBe('tính từ lô đất quy hoạch chi tiết');
      expect(shown.panelTyped).toBe(pct(fc.occupancy.typed.occupancy_pct));
      expect(shown.panelTyped).toBe('55,46 %');
      expect(Math.abs(parsePct(shown.dashboard) - fc.occupancy.computed.occupancy_pct), shown.dashboard).toBeLessThanOrEqual(0.01);
      expect(shown.dashboardSource).toBe('Tính từ lô đất');
      await p.goto(`${base()}/#cluster=${hoSon}`);
      await p.reload();
      await waitForMap(p);
      await p.getByTestId('record-occupancy-typed').waitFor();
      await p.screenshot({ path: join(tmpdir(), 'ccn-e2e-panel-occupancy.png') });
    } finally {
      await p.close();
    }
  });
});

/** Occupancy of Hồ Sơn 1 straight from the PostGIS tables (TM-3 plane areas of its industrial plots). */
async function sqlOccupancyPct(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ pct: string }>(
      `SELECT 100 * coalesce(sum(ST_Area(ST_Transform(p.geom, 9215))) FILTER (WHERE EXISTS (
                SELECT 1 FROM project_plots l JOIN projects pr ON pr.id = l.project_id
                WHERE l.plot_id = p.id AND l.released_on IS NULL AND pr.status <> 'terminated')), 0)
              / sum(ST_Area(ST_Transform(p.geom, 9215))) AS pct
       FROM plots p JOIN clusters c ON c.id = p.cluster_id WHERE c.name = $1 AND p.land_use = 'industrial'`,
      [HO_SON],
    );
    return Number(rows[0]!.pct);
  } finally {
    await c.end();
  }
}

/**
 * Leases a vacant plot in the UI on a server of its own, stops the server, starts it again over
 * the same database and checks what a user sees: the plot's colour, the occupancy in the tab, the
 * panel and the dashboard, and the vacant list. With `dbUrl`, the figure is also checked against
 * an independent SQL sum (±0.01 points).
 */
async function leaseAndRestart(env: Record<string, string>, dbUrl?: string): Promise<void> {
  let server = await startServer(env);
  let leased: Leased;
  let clusterId: number;
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    clusterId = await openPlotsTab(p, server.url);
    leased = await leaseVacantPlot(p, server.url, clusterId, todayInVietnam());
  } finally {
    await p.close();
  }
  await server.stop();
  server = await startServer(env);
  const q = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    expect(await openPlotsTab(q, server.url)).toBe(clusterId);
    const fc = await apiOf<PlotsFC>(q, server.url, `/api/plots?cluster_id=${clusterId}`);
    const again = fc.features.find((f) => f.id === leased.plot.id)!;
    expect(again.properties.map_class).toBe('approved');
    expect(fc.occupancy.computed.occupancy_pct).toBeCloseTo(leased.after.occupancy.computed.occupancy_pct, 6);
    // The tab: the same occupancy and vacant list as right after the lease, the plot still leased.
    await expect(q.getByTestId('occupancy-computed').textContent()).resolves.toBe(leased.occupancyShown);
    await expect(q.getByTestId('vacant-count').textContent()).resolves.toBe(leased.vacantCountShown);
    await expect(q.locator(`[data-testid=vacant-list] button[data-code="${leased.plot.properties.code}"]`).count()).resolves.toBe(0);
    const at = await lookAt(leased.plot.properties.label_point.coordinates, q);
    const colour = await pixelAt(q, at.x, at.y);
    expect(colourDistance(colour, hexToRgb(PLOT_CLASS_COLORS.approved)), `colour after restart ${colour}`).toBeLessThanOrEqual(6);
    await q.mouse.click(at.x, at.y);
    await expect(q.getByTestId('plot-code').textContent()).resolves.toBe(leased.plot.properties.code);
    await expect(q.getByTestId('plot-project').textContent()).resolves.toBe(TENANT);
    // The panel and the dashboard use the new figure too.
    const shown = await occupancyElsewhere(q, server.url, clusterId);
    expect(shown.panel).toBe(leased.occupancyShown);
    expect(Math.abs(parsePct(shown.dashboard) - fc.occupancy.computed.occupancy_pct), shown.dashboard).toBeLessThanOrEqual(0.01);
    if (dbUrl) {
      const sql = await sqlOccupancyPct(dbUrl);
      console.log(`[e2e plots] after restart on PostGIS: tab ${leased.occupancyShown}, panel ${shown.panel}, dashboard ${shown.dashboard}, independent SQL ${sql.toFixed(4)} %`);
      expect(Math.abs(parsePct(shown.panel) - sql)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(fc.occupancy.computed.occupancy_pct - sql)).toBeLessThanOrEqual(0.01);
      // Leave the shared test database as seeded (bar versions and the released row).
      await undoLease(q, server.url, clusterId, leased);
    }
  } finally {
    await q.close();
    await server.stop();
  }
}

describe('a lease made in the UI survives a restart', () => {
  it('on the embedded database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccn-e2e-plots-'));
    try {
      await leaseAndRestart({ DATA_DIR: dir, STATIC_DIR: inject('staticDir') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  const dbUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!dbUrl && process.env.CI !== 'true')('on the PostGIS server (TEST_DATABASE_URL)', async () => {
    if (!dbUrl) throw new Error('TEST_DATABASE_URL is required under CI');
    await emptyDatabase(dbUrl);
    await leaseAndRestart({ DATABASE_URL: dbUrl, STATIC_DIR: inject('staticDir') }, dbUrl);
  }, 300_000);
});
