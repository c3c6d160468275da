import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CROSSING_COLOR } from '../../layers/drawing.layer';
import { formatHa } from '../../src/core/format/number';
import { planeAreaHa } from '../../src/core/geometry/area';
import { launchChromium } from './chromium';
import { colourDistance, hexToRgb, pixelAt, project, waitForIdle, waitForMap, signIn } from './page';

let browser: Browser;
let page: Page;
const fixture = (p: string) => new URL(`../fixtures/${p}`, import.meta.url);

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, inject('baseUrl'));
  await page.goto(inject('baseUrl'));
  await waitForMap(page);
  await openDrawingTab();
});
afterAll(async () => {
  await browser?.close();
});

async function openDrawingTab() {
  await page.getByRole('tab', { name: 'Vẽ / Nhập ranh giới' }).click();
  await page.waitForFunction(() => !!window.__ccnDraw, null, { timeout: 30_000 });
}

/** An empty patch of Lạng Sơn (no cluster within kilometres), at zoom 15. */
async function goToEmptyLand() {
  await page.evaluate(() => window.__ccnMap!.map.jumpTo({ center: [106.62, 21.98], zoom: 15 }));
  await waitForIdle(page);
}

/** Back to an empty board, no tool active, over empty land. */
async function reset() {
  if ((await page.getByTestId('draw-part').getAttribute('aria-pressed')) === 'true') await page.getByTestId('draw-part').click();
  if ((await page.getByTestId('draw-edit').getAttribute('aria-pressed')) === 'true') await page.getByTestId('draw-edit').click();
  await page.getByText('Xóa hết').click();
  await goToEmptyLand();
}

const rings = () => page.evaluate(() => window.__ccnDraw!.rings().map((r) => ({ role: r.role, ring: r.ring })));
const text = (id: string) => page.getByTestId(id).textContent();

async function clickAt(x: number, y: number) {
  await page.mouse.move(x - 3, y - 3);
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
  await page.waitForTimeout(120);
}

describe('drawing a boundary', () => {
  it('draws a polygon with clicks; the live area shows while drawing and matches the TM-3 plane area', async () => {
    await reset();
    await page.getByTestId('draw-part').click();
    const [x, y] = [700, 350];
    await clickAt(x, y);
    await clickAt(x + 220, y);
    await clickAt(x + 220, y + 160);
    // Live, before closing: the three placed vertices already have an area.
    await expect.poll(() => text('draw-vertices')).toBe('3');
    expect(await text('draw-plane-area')).toMatch(/^\d+,\d\d ha$/);
    await clickAt(x, y + 160);
    await clickAt(x, y); // the first vertex again closes the polygon
    await expect.poll(async () => (await rings()).length).toBe(1);
    const [r] = await rings();
    expect(r!.ring).toHaveLength(5);
    const expected = formatHa(planeAreaHa({ type: 'Polygon', coordinates: [r!.ring] }, 9215));
    await expect.poll(() => text('draw-plane-area')).toBe(expected);
    const ha = Number(expected.replace(' ha', '').replace('.', '').replace(',', '.'));
    expect(ha).toBeGreaterThan(10); // 220 × 160 px at zoom 15 ≈ 490 × 355 m
    expect(ha).toBeLessThan(25);
    expect(await text('draw-ellipsoidal-area')).toMatch(/ha$/);
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-draw.png') });
  });

  it('undo restores the previous vertex after an edit', async () => {
    await page.getByTestId('draw-edit').click();
    const [r] = await rings();
    const corner = r!.ring[1]!; // the second vertex
    const centre = [(r!.ring[0]![0]! + r!.ring[2]![0]!) / 2, (r!.ring[0]![1]! + r!.ring[2]![1]!) / 2] as [number, number];
    const c = await project(page, centre);
    await clickAt(c.x, c.y); // select the polygon
    const v = await project(page, corner as [number, number]);
    await page.mouse.move(v.x, v.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(v.x + 8 * i, v.y - 5 * i);
    await page.mouse.up();
    await expect.poll(async () => (await rings())[0]!.ring[1]![0]).not.toBeCloseTo(corner[0]!, 7);
    await page.getByTestId('draw-undo').click();
    await expect.poll(async () => (await rings())[0]!.ring[1]).toEqual(corner);
    await page.getByTestId('draw-edit').click(); // leave edit mode
  });

  it('refuses a vertex that would make the boundary cross itself, and shows the crossing point', async () => {
    await reset();
    await page.getByTestId('draw-part').click();
    const [x, y] = [600, 300];
    await clickAt(x, y);
    await clickAt(x + 200, y);
    await clickAt(x + 200, y + 150);
    await expect.poll(() => text('draw-vertices')).toBe('3');
    // From (200, 150) to (100, −60): the new edge crosses the first one.
    await clickAt(x + 100, y - 60);
    const refusal = (await text('draw-refusal'))!;
    const m = /^Không chấp nhận: ranh giới tự cắt tại \((106,\d+); (2\d,\d+)\)$/.exec(refusal);
    expect(m, refusal).not.toBeNull();
    expect(await text('draw-vertices')).toBe('3');
    // The red ring around the crossing point, which lies on the first edge.
    const pt: [number, number] = [Number(m![1]!.replace(',', '.')), Number(m![2]!.replace(',', '.'))];
    const p = await project(page, pt);
    expect(Math.abs(p.y - y)).toBeLessThan(2);
    await waitForIdle(page);
    const red = hexToRgb(CROSSING_COLOR);
    const around = await Promise.all([[10, 0], [-10, 0], [0, 10], [0, -10], [11, 0], [-11, 0]].map(([dx, dy]) => pixelAt(page, p.x + dx!, p.y + dy!)));
    expect(Math.min(...around.map((c) => colourDistance(c, red)))).toBeLessThanOrEqual(40);
    // A vertex that does not cross is accepted.
    await clickAt(x, y + 150);
    await expect.poll(() => text('draw-vertices')).toBe('4');
    await reset();
  });

  it('undo while drawing takes back the last vertex', async () => {
    await reset();
    await page.getByTestId('draw-part').click();
    const [x, y] = [620, 320];
    for (const [dx, dy] of [[0, 0], [180, 0], [180, 140], [60, 200]]) await clickAt(x + dx!, y + dy!);
    await expect.poll(() => text('draw-vertices')).toBe('4');
    await page.getByTestId('draw-undo').click();
    await expect.poll(() => text('draw-vertices')).toBe('3');
    await page.getByTestId('draw-redo').click();
    await expect.poll(() => text('draw-vertices')).toBe('4');
    await reset();
  });
});

describe('editing vertices and holes', () => {
  it('inserts a vertex at an edge midpoint, deletes it with a right-click, and a hole is subtracted', async () => {
    await reset();
    await page.getByTestId('draw-part').click();
    const [x, y] = [600, 300];
    for (const [dx, dy] of [[0, 0], [240, 0], [240, 200], [0, 200], [0, 0]]) await clickAt(x + dx!, y + dy!);
    await expect.poll(async () => (await rings()).length).toBe(1);
    await expect.poll(() => text('draw-vertices')).toBe('4');
    await page.getByTestId('draw-part').click(); // tool off
    await page.getByTestId('draw-edit').click();
    await clickAt(x + 120, y + 100); // select the polygon
    // Midpoint of the edge between the first two vertices, where the select mode shows an insert handle.
    const [r] = await rings();
    const mid = await project(page, [(r!.ring[0]![0]! + r!.ring[1]![0]!) / 2, (r!.ring[0]![1]! + r!.ring[1]![1]!) / 2]);
    await clickAt(mid.x, mid.y);
    await expect.poll(() => text('draw-vertices')).toBe('5');
    await page.mouse.click(mid.x, mid.y, { button: 'right' });
    await expect.poll(() => text('draw-vertices')).toBe('4');
    await page.getByTestId('draw-edit').click(); // tool off
    const outerHa = planeAreaHa({ type: 'Polygon', coordinates: [(await rings())[0]!.ring] }, 9215);
    await page.getByTestId('draw-hole').click();
    for (const [dx, dy] of [[80, 60], [160, 60], [160, 140], [80, 140], [80, 60]]) await clickAt(x + dx!, y + dy!);
    await expect.poll(async () => (await rings()).filter((q) => q.role === 'hole').length).toBe(1);
    const hole = (await rings()).find((q) => q.role === 'hole')!;
    const expected = formatHa(outerHa - planeAreaHa({ type: 'Polygon', coordinates: [hole.ring] }, 9215));
    await expect.poll(() => text('draw-plane-area')).toBe(expected);
    await page.getByTestId('draw-hole').click();
    await reset();
  });
});

describe('marker table', () => {
  it('pasting the Đình Lập table (TM-3 107°15′, decimal commas) shows the polygon and "71,39 ha"', async () => {
    const table = readFileSync(fixture('coords/dinh-lap-tm3-107-15.txt'), 'utf8');
    await page.getByTestId('table-input').fill(table);
    await expect.poll(() => text('table-area')).toBe('71,39 ha');
    await expect.poll(() => text('draw-plane-area')).toBe('71,39 ha');
    const [r] = await rings();
    expect(r!.ring).toHaveLength(12);
    await waitForIdle(page);
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-table.png') });
  });

  it('the same table with X and Y swapped is detected, and the offered fix gives 71,39 ha', async () => {
    await page.getByTestId('table-input').fill(readFileSync(fixture('coords/dinh-lap-swapped.txt'), 'utf8'));
    await expect(page.getByTestId('table-swapped').textContent()).resolves.toContain('X và Y có vẻ bị đảo');
    await page.getByTestId('table-swap').click();
    await expect.poll(() => text('table-area')).toBe('71,39 ha');
    await page.getByTestId('table-input').fill('');
  });
});

describe('import through the file picker', () => {
  const name = 'Phương án nhập KML (e2e)';
  it('imports a KML, saves it as a proposal that survives a reload', async () => {
    await page.getByTestId('import-file').setInputFiles(fixture('import/valid.kml').pathname);
    await expect(page.getByTestId('import-features').textContent()).resolves.toContain('Cụm công nghiệp Đình Lập · hợp lệ · 71,39 ha');
    await page.getByTestId('import-use').click();
    await expect.poll(() => text('draw-plane-area')).toBe('71,39 ha');
    await page.getByTestId('proposal-name').fill(name);
    await page.getByTestId('save-proposal').click();
    await expect(page.getByTestId('save-status').textContent()).resolves.toBe(`Đã lưu phương án: ${name} · 71,39 ha`);
    await page.screenshot({ path: join(tmpdir(), 'ccn-e2e-import.png') });
    await page.reload();
    await waitForMap(page);
    await openDrawingTab();
    await expect(page.getByTestId('proposal-list').textContent()).resolves.toContain(`${name} · 71,39 ha`);
    // Clean up what this test created.
    const fc = await (await fetch(`${inject('baseUrl')}/api/proposals`)).json();
    for (const f of fc.features.filter((x: { properties: { name: string } }) => x.properties.name === name))
      await page.request.delete(`${inject('baseUrl')}/api/proposals/${f.id}?version=${f.properties.version}`, { headers: { origin: inject('baseUrl') } });
  });
});
