import shpwrite from '@mapbox/shp-write';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PARCEL_STATUS_COLORS } from '../../layers/parcels.layer';
import { prjFor } from '../../server/import/prj';
import { toVn2000 } from '../../src/core/crs/transform';
import { launchChromium } from './chromium';
import { colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap, signIn } from './page';

let browser: Browser;
let page: Page;
let cluster: { id: number; point: [number, number] };
const base = () => inject('baseUrl');
/** API calls of the test itself, signed in through the page's context (session cookie; Origin for the CSRF check). */
const api = async <T>(path: string, init?: { method?: string }): Promise<T> => {
  const res = await page.request.fetch(`${base()}${path}`, { method: init?.method ?? 'GET', headers: { origin: base() } });
  if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
};

/** A zipped Shapefile (VN-2000 TM-3 107°15′ with its .prj) of n 20 m squares; row `bad` (0-based) a bow-tie. */
async function shapefile(n: number, origin: [number, number], tag: string, bad = -1): Promise<Buffer> {
  const features = Array.from({ length: n }, (_, i) => {
    const x = origin[0] + (i % 20) * 22, y = origin[1] + Math.floor(i / 20) * 22;
    const [a, b, c, d] = [[x, y], [x, y + 20], [x + 20, y + 20], [x + 20, y]];
    const ring = i === bad ? [a, c, b, d, a] : [a, b, c, d, a];
    return { type: 'Feature', properties: { SHBANDO: `T-${tag}`, SHTHUA: i + 1, LOAIDAT: 'CLN' }, geometry: { type: 'Polygon', coordinates: [ring] } };
  });
  return (await shpwrite.zip({ type: 'FeatureCollection', features } as never, { outputType: 'nodebuffer', prj: prjFor(9215) } as never)) as unknown as Buffer;
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signIn(page, base());
  const fc = await api<{ features: { id: number; properties: { name: string; label_point: { coordinates: [number, number] } } }[] }>('/api/clusters');
  const bc = fc.features.find((f) => f.properties.name === 'Cụm công nghiệp Bình Chương')!;
  cluster = { id: bc.id, point: bc.properties.label_point.coordinates };
  await page.goto(base());
  await waitForMap(page);
  await page.getByRole('tab', { name: 'GPMB' }).click();
  await page.getByTestId('gpmb-progress').waitFor();
});

afterAll(async () => {
  // Remove what this file imported (parcels without history may be deleted).
  const fc = await api<{ features: { id: number; properties: { map_sheet_no: string; version: number } }[] }>(`/api/parcels?cluster_id=${cluster.id}`);
  for (const f of fc.features.filter((x) => x.properties.map_sheet_no.startsWith('T-ui')))
    await api(`/api/parcels/${f.id}?version=${f.properties.version}`, { method: 'DELETE' });
  await browser?.close();
});

describe('importing parcels from a cadastral file in the GPMB tab', { timeout: 240_000 }, () => {
  it('previews the mapping, shows progress, and draws the imported parcels', async () => {
    await page.getByTestId('gpmb-cluster').selectOption(String(cluster.id));
    await page.getByTestId('gpmb-import').locator('summary').click();
    const origin = toVn2000(9215, cluster.point);
    await page.getByTestId('gpmb-import-file').setInputFiles({ name: 'thua-dat.zip', mimeType: 'application/zip', buffer: await shapefile(300, origin, 'ui') });
    const preview = page.getByTestId('gpmb-import-preview');
    await preview.waitFor();
    await expect.poll(() => preview.locator('select[name=col_map_sheet_no]').inputValue()).toBe('SHBANDO');
    await expect(preview.locator('select[name=col_parcel_no]').inputValue()).resolves.toBe('SHTHUA');
    await expect(preview.textContent()).resolves.toContain('VN_2000');
    const sawProgress = page.getByTestId('gpmb-import-progress').waitFor({ timeout: 60_000 });
    await page.getByTestId('gpmb-import-run').click();
    await sawProgress;
    await expect.poll(() => page.getByTestId('gpmb-import-message').textContent(), { timeout: 60_000 }).toBe('Đã nhập: 300 thửa mới, 0 thửa cập nhật');
    await expect.poll(() => page.getByTestId('gpmb-parcels').textContent()).toBe('0 / 300');
    // The first square, drawn in the colour of a parcel entered in the plan.
    const fc = await api<{ features: { properties: { parcel_no: string; map_sheet_no: string; label_point: { coordinates: [number, number] } } }[] }>(`/api/parcels?cluster_id=${cluster.id}`);
    const p = fc.features.find((f) => f.properties.map_sheet_no === 'T-ui' && f.properties.parcel_no === '1')!;
    await page.evaluate(([c]) => window.__ccnMap!.map.jumpTo({ center: c as [number, number], zoom: 18 }), [p.properties.label_point.coordinates]);
    await waitForIdle(page);
    const { x, y } = await project(page, p.properties.label_point.coordinates);
    const got = await pixelAt(page, x, y);
    expect(colourDistance(got, hexToRgb(PARCEL_STATUS_COLORS.plan)), `${got}`).toBeLessThanOrEqual(6);
  });

  it('refuses a file with one broken row whole and names the row', async () => {
    const origin = toVn2000(9215, cluster.point);
    await page.getByTestId('gpmb-import-file').setInputFiles({ name: 'mot-dong-hong.zip', mimeType: 'application/zip', buffer: await shapefile(20, [origin[0], origin[1] + 2000], 'ui-bad', 6) });
    await page.getByTestId('gpmb-import-preview').waitFor();
    await page.getByTestId('gpmb-import-run').click();
    await expect.poll(() => page.getByTestId('gpmb-import-message').textContent(), { timeout: 60_000 }).toMatch(/^Dòng 7 \(tờ T-ui-bad thửa 7\): hình học không hợp lệ.*Không có thửa nào được nhập\.$/);
    await expect.poll(() => page.getByTestId('gpmb-parcels').textContent()).toBe('0 / 300');
  });
});
