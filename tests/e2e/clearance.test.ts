import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PARCEL_STATUS_COLORS } from '../../layers/parcels.layer';
import { addDays } from '../../src/core/clearance/dates';
import { pointInRing } from '../../src/core/clearance/select';
import type { ParcelStatus } from '../../src/core/clearance/steps';
import { formatDate } from '../../src/core/format/number';
import { launchChromium } from './chromium';
import { colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap, signIn } from './page';

interface MapParcel {
  id: number;
  properties: { id: number; map_sheet_no: string; parcel_no: string; status: ParcelStatus; flags: string[]; graves_total: number; graves_relocated: number; area_ha: number; version: number; label_point: { coordinates: [number, number] } };
}

let browser: Browser;
let page: Page;
let clusterId: number;
const base = () => inject('baseUrl');
/** API calls of the test itself, signed in through the page's context (session cookie; Origin for the CSRF check). */
const api = async <T>(path: string, init?: { method?: string }): Promise<T> => {
  const res = await page.request.fetch(`${base()}${path}`, { method: init?.method ?? 'GET', headers: { origin: base() } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
};
const parcels = async () => (await api<{ features: MapParcel[] }>(`/api/parcels?cluster_id=${clusterId}`)).features;
/** Parcels whose colour nothing covers: no flag symbol on them. */
const plain = (fs: MapParcel[], status: ParcelStatus) =>
  fs.filter((f) => f.properties.status === status && !f.properties.flags.length && f.properties.graves_total === f.properties.graves_relocated)
    .sort((a, b) => b.properties.area_ha - a.properties.area_ha);
const touched: number[] = [];

async function waitForParcels(): Promise<void> {
  await page.waitForFunction(() => (window.__ccnMap?.map.querySourceFeatures('parcels').length ?? 0) > 0, null, { timeout: 60_000 });
  await waitForIdle(page);
}

/** Centres the map on a parcel and returns its colour there. */
async function colourOf(p: MapParcel, zoom = 17.5): Promise<[number, number, number]> {
  await page.evaluate(([c, z]) => window.__ccnMap!.map.jumpTo({ center: c as [number, number], zoom: z as number }), [p.properties.label_point.coordinates, zoom] as const);
  await waitForIdle(page);
  const { x, y } = await project(page, p.properties.label_point.coordinates);
  return pixelAt(page, x, y);
}

function distToSegment(p: [number, number], a: [number, number], b: [number, number]): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

const expectColour = (got: [number, number, number], status: ParcelStatus) =>
  expect(colourDistance(got, hexToRgb(PARCEL_STATUS_COLORS[status])), `${got} vs ${status} ${PARCEL_STATUS_COLORS[status]}`).toBeLessThanOrEqual(6);

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await signIn(page, base());
  await page.goto(base());
  await waitForMap(page);
  const progress = await api<{ clusters: { cluster_id: number; cluster_name: string }[] }>('/api/clearance/progress');
  clusterId = progress.clusters.find((c) => c.cluster_name === 'Cụm công nghiệp Đình Lập')!.cluster_id;
  await page.getByRole('tab', { name: 'GPMB' }).click();
  await page.getByTestId('gpmb-progress').waitFor();
  await waitForParcels();
});

afterAll(async () => {
  // Withdraw what this file recorded, so the demo figures are as seeded for other tests.
  for (const id of touched.reverse()) {
    const p = await api<{ properties: { version: number } }>(`/api/parcels/${id}`);
    await api(`/api/parcels/${id}/transitions/last?version=${p.properties.version}`, { method: 'DELETE' });
  }
  await browser?.close();
});

describe('clearance (GPMB) on the map', { timeout: 240_000 }, () => {
  it('colours a parcel by its status and counts it in the legend', async () => {
    const fs = await parcels();
    const p = plain(fs, 'handed_over')[0]!;
    expectColour(await colourOf(p), 'handed_over');
    const q = plain(fs, 'published')[0]!;
    expectColour(await colourOf(q), 'published');
    const n = fs.filter((f) => f.properties.status === 'published').length;
    await expect(page.getByTestId('gpmb-legend-published').locator('.count').textContent()).resolves.toBe(String(n));
  });

  it('selects the parcels inside a box and inside a lasso', async () => {
    const fs = await parcels();
    await page.evaluate(([c]) => window.__ccnMap!.map.jumpTo({ center: c as [number, number], zoom: 16 }), [fs[0]!.properties.label_point.coordinates]);
    await waitForIdle(page);
    const screen = await Promise.all(fs.map(async (f) => ({ id: f.id, p: await project(page, f.properties.label_point.coordinates) })));
    // Shapes placed so that no parcel's inner point lies within 6 px of their edges (no pixel-rounding ties).
    const pts = screen.map((s) => [s.p.x, s.p.y] as [number, number]);
    const clear = (ring: [number, number][]) => pts.every((p) => ring.every((a, i) => distToSegment(p, a, ring[(i + 1) % ring.length]!) > 6));
    const boxAt = (d: number): [number, number][] => [[520 + d, 300], [760 + d, 300], [760 + d, 480], [520 + d, 480]];
    let d = 0;
    while (d < 200 && !clear(boxAt(d))) d += 5;
    const box = boxAt(d);
    const [x0, y0] = box[0]!;
    const [x1, y1] = box[2]!;
    const inBox = screen.filter((s) => s.p.x > x0 && s.p.x < x1 && s.p.y > y0 && s.p.y < y1).length;
    expect(inBox).toBeGreaterThan(2);
    await page.getByTestId('gpmb-select-box').click();
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('gpmb-selected-count').textContent()).toBe(`Đã chọn: ${inBox}`);
    await page.waitForTimeout(300);
    await expect(page.getByTestId('parcel-panel').count()).resolves.toBe(0); // the drag did not open a record

    const triAt = (e: number): [number, number][] => [[500 + e, 280], [800 + e, 300], [620 + e, 520]];
    let e = 0;
    while (e < 200 && !clear(triAt(e))) e += 5;
    const tri = triAt(e);
    const inTri = screen.filter((s) => pointInRing([s.p.x, s.p.y], [...tri, tri[0]!])).length;
    await page.getByRole('button', { name: 'Bỏ chọn' }).click();
    await page.getByTestId('gpmb-select-lasso').click();
    await page.mouse.move(...tri[0]!);
    await page.mouse.down();
    for (const p of [...tri.slice(1), tri[0]!]) await page.mouse.move(p[0], p[1], { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('gpmb-selected-count').textContent()).toBe(`Đã chọn: ${inTri}`);
    await page.getByRole('button', { name: 'Bỏ chọn' }).click();
  });

  it('a bulk transition of selected parcels changes their colours and the progress bar', async () => {
    if (await page.getByRole('button', { name: 'Bỏ chọn' }).isEnabled()) await page.getByRole('button', { name: 'Bỏ chọn' }).click();
    const fs = await parcels();
    // Three neighbouring parcels awaiting handover, seen in one view.
    const candidates = plain(fs, 'recovery_decided');
    const at = (f: MapParcel) => f.properties.label_point.coordinates;
    const near = (a: MapParcel) => [...candidates].sort((x, y) => Math.hypot(at(x)[0] - at(a)[0], at(x)[1] - at(a)[1]) - Math.hypot(at(y)[0] - at(a)[0], at(y)[1] - at(a)[1])).slice(0, 3);
    const spread = (g: MapParcel[]) => Math.max(...g.map((f) => Math.hypot(at(f)[0] - at(g[0]!)[0], at(f)[1] - at(g[0]!)[1])));
    const picked = candidates.map(near).sort((a, b) => spread(a) - spread(b))[0]!;
    expect(picked).toHaveLength(3);
    const centre = [0, 1].map((k) => picked.reduce((sum, f) => sum + at(f)[k]!, 0) / 3) as [number, number];
    await page.evaluate(([c]) => window.__ccnMap!.map.jumpTo({ center: c as [number, number], zoom: 16.5 }), [centre]);
    await waitForIdle(page);
    const colours = async () => Promise.all(picked.map(async (p) => { const { x, y } = await project(page, at(p)); return pixelAt(page, x, y); }));
    for (const c of await colours()) expectColour(c, 'recovery_decided');
    const before = Number(await page.getByTestId('gpmb-bar-handed-over').getAttribute('aria-valuenow'));
    for (const p of picked) {
      const { x, y } = await project(page, at(p));
      await page.mouse.click(x, y);
      await page.getByTestId('parcel-panel').getByRole('heading', { name: `Tờ ${p.properties.map_sheet_no}, thửa ${p.properties.parcel_no}` }).waitFor();
      await expect.poll(() => page.getByTestId('parcel-status').textContent()).toContain('Đã có QĐ thu hồi đất');
      await page.getByTestId('parcel-select').click();
    }
    await page.getByTestId('parcel-panel').getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => page.getByTestId('gpmb-selected-count').textContent()).toBe('Đã chọn: 3');
    const form = page.getByTestId('gpmb-bulk-form');
    await form.locator('select[name=action]').selectOption('hand_over');
    await form.locator('input[name=note]').fill('Biên bản bàn giao mặt bằng (kiểm thử)');
    touched.push(...picked.map((p) => p.id));
    await form.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => page.getByTestId('gpmb-notice').textContent(), { timeout: 20_000 }).toBe('Đã cập nhật 3 thửa');
    const now = await api<{ progress: { handedOver: { pctArea: number } } }>(`/api/clearance/progress?cluster_id=${clusterId}`);
    const expected = Math.round(now.progress.handedOver.pctArea * 10) / 10;
    await expect.poll(async () => Number(await page.getByTestId('gpmb-bar-handed-over').getAttribute('aria-valuenow')), { timeout: 20_000 }).toBe(expected);
    expect(expected).toBeGreaterThan(before);
    await waitForIdle(page);
    for (const c of await colours()) expectColour(c, 'handed_over');
    const events = await Promise.all(picked.map((p) => api<{ events: { action: string; batch_id: string | null }[] }>(`/api/parcels/${p.id}`)));
    const batches = new Set(events.map((e) => e.events.at(-1)!.batch_id));
    expect(events.every((e) => e.events.at(-1)!.action === 'hand_over')).toBe(true);
    expect(batches.size).toBe(1);
  });

  it('the time slider at a past date shows the earlier status', async () => {
    const fs = await parcels();
    const p = plain(fs, 'handed_over').find((f) => !touched.includes(f.id))!;
    const rec = await api<{ events: { action: string; date: string; from_status: ParcelStatus }[] }>(`/api/parcels/${p.id}`);
    const ho = rec.events.find((e) => e.action === 'hand_over' || e.action === 'enforce_compulsory_recovery')!;
    const dayBefore = addDays(ho.date, -1);
    const loaded = page.waitForResponse((r) => r.url().includes(`as_of=${dayBefore}`) && r.url().includes('/api/parcels?'));
    await page.getByTestId('gpmb-asof-date').fill(dayBefore);
    await loaded;
    await expect.poll(() => page.getByTestId('gpmb-asof').textContent()).toBe(`Trạng thái tại ngày ${formatDate(dayBefore)}`);
    await page.waitForTimeout(300);
    expectColour(await colourOf(p), ho.from_status);
    await expect(page.getByTestId('gpmb-selection').count()).resolves.toBe(0); // read-only in the past
    const back = page.waitForResponse((r) => r.url().includes('/api/parcels?') && !r.url().includes('as_of'));
    await page.getByRole('button', { name: 'Hôm nay' }).click();
    await back;
    await page.waitForTimeout(300);
    expectColour(await colourOf(p), 'handed_over');
  });

  it('downloads the monthly review; read back with exceljs it has the right totals', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('gpmb-review').click();
    const file = await (await download).path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    let total: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(2).value === 'Tổng cộng') total = r;
    });
    const p = (await api<{ progress: { parcels: number; areaHa: number; handedOver: { parcels: number; areaHa: number }; money: { approved: number; paid: number } } }>(`/api/clearance/progress?cluster_id=${clusterId}`)).progress;
    expect(total!.getCell(3).value).toBe(p.parcels);
    expect(Number(total!.getCell(4).value).toFixed(2)).toBe(p.areaHa.toFixed(2));
    expect(total!.getCell(6).value).toBe(p.handedOver.parcels);
    expect(Number(total!.getCell(7).value).toFixed(2)).toBe(p.handedOver.areaHa.toFixed(2));
    expect(total!.getCell(9).value).toBe(p.money.approved);
    expect(total!.getCell(10).value).toBe(p.money.paid);
    expect(String(ws.getCell('A1').value)).toContain('GIẢI PHÓNG MẶT BẰNG');
  });
});
