import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';

/** Waits until the map has loaded, its sources have data and it is idle. */
export async function waitForMap(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const c = window.__ccnMap;
      return !!c && c.map.loaded() && c.map.querySourceFeatures('clusters').length > 0 && !c.map.isMoving();
    },
    null,
    { timeout: 60_000 },
  );
  await waitForIdle(page);
}

/** Resolves at the map's next `idle` event (all tiles and sources rendered). */
export async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__ccnMap!.map;
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

/** RGB of one screen pixel, read from a real screenshot. */
export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = PNG.sync.read(await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } }));
  return [png.data[0]!, png.data[1]!, png.data[2]!];
}

/** Screen position of a lon/lat on the map. */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(([lng, lat]) => {
    const p = window.__ccnMap!.map.project([lng, lat]);
    return { x: p.x, y: p.y };
  }, lngLat);
}

export function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Colour of `fg` at `alpha` over `bg`, as the map blends a translucent fill. */
export function blend(fg: [number, number, number], bg: [number, number, number], alpha: number): [number, number, number] {
  return [0, 1, 2].map((i) => Math.round(fg[i]! * alpha + bg[i]! * (1 - alpha))) as [number, number, number];
}

export const colourDistance = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

/** Password of the admin account the e2e servers create on first start (ADMIN_PASSWORD). */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-1';

/**
 * Signs the page's browser context in as the admin (session cookie), as a planner
 * would through the account menu; call before `page.goto`.
 */
export async function signIn(page: Page, anyUrlOfServer: string): Promise<void> {
  const res = await page.request.post(new URL('/api/auth/login', anyUrlOfServer).toString(), {
    data: { username: 'admin', password: E2E_ADMIN_PASSWORD },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}
