import { describe, expect, it } from 'vitest';
import { EXTENT, cellRange, checkTile, lonLatToTile, tileAffine, tileBounds } from './tile-math';

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

describe('tile arithmetic', () => {
  it('finds the tile of Lạng Sơn city at z12 and its bounds contain the point', () => {
    const [x, y] = lonLatToTile(106.7615, 21.8537, 12);
    expect([x, y]).toEqual([3262, 1793]);
    const b = tileBounds(12, x, y);
    expect(b.west).toBeLessThan(106.7615);
    expect(b.east).toBeGreaterThan(106.7615);
    expect(b.south).toBeLessThan(21.8537);
    expect(b.north).toBeGreaterThan(21.8537);
  });

  it('maps the tile corners exactly and the inside within ~1 unit of 4096 at z10, 0.3 at z12 (linear in latitude)', () => {
    for (const z of [10, 12, 14]) {
      const [x, y] = lonLatToTile(106.7615, 21.8537, z);
      const b = tileBounds(z, x, y);
      const a = tileAffine(z, x, y);
      const tx = (lon: number) => lon * a.kx + a.xoff;
      const ty = (lat: number) => lat * a.ky + a.yoff;
      expect(tx(b.west)).toBeCloseTo(0, 6);
      expect(tx(b.east)).toBeCloseTo(EXTENT, 6);
      expect(ty(b.north)).toBeCloseTo(0, 6);
      expect(ty(b.south)).toBeCloseTo(EXTENT, 6);
      // Exact Web-Mercator position of the middle latitude vs the linear map.
      const mid = (b.north + b.south) / 2;
      const exact = ((mercY(b.north) - mercY(mid)) / (mercY(b.north) - mercY(b.south))) * EXTENT;
      expect(Math.abs(exact - ty(mid)), `z${z}`).toBeLessThan(z === 10 ? 1.25 : z === 12 ? 0.31 : 0.08);
    }
  });

  it('says why a tile does not exist', () => {
    expect(checkTile(3, 7, 7)).toBeNull();
    expect(checkTile(3, 8, 0)).toBe('x 8 is outside 0–7 at zoom 3');
    expect(checkTile(3, 0, -1)).toBe('y -1 is outside 0–7 at zoom 3');
    expect(checkTile(23, 0, 0)).toBe('zoom 23 is outside 0–22');
  });

  it('lists the overview cells under a tile, one more on each side for the buffer', () => {
    expect(cellRange(12, 3262, 1792, 13)).toEqual({ x0: 6523, x1: 6526, y0: 3583, y1: 3586 });
    expect(cellRange(0, 0, 0, 1)).toEqual({ x0: 0, x1: 1, y0: 0, y1: 1 });
  });
});
