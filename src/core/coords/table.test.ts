import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHa } from '../format/number';
import { inputSystem } from '../crs/systems';
import { planeAreaHa } from '../geometry/area';
import { markerCsv, markerRows } from './export';
import { parseLocaleNumber } from './numbers';
import { detectSwappedXY, markersToPolygon, parseMarkerTable, swapXY, tablePlaneAreaHa } from './table';

const fixture = (n: string) => readFileSync(new URL(`../../../tests/fixtures/coords/${n}`, import.meta.url), 'utf8');
const tm3 = inputSystem('tm3:9215')!;

describe('parseLocaleNumber', () => {
  it.each([
    ['2.384.012,35', 2384012.35],
    ['2384012,35', 2384012.35],
    ['2 384 012,35', 2384012.35],
    ['2,384,012.35', 2384012.35],
    ['2384012.35', 2384012.35],
    ['-12,5', -12.5],
  ])('%s → %d', (s, v) => expect(parseLocaleNumber(s)).toBe(v));
  it('reads 484.061 as metres with grouping when asked', () => {
    expect(parseLocaleNumber('484.061', { dotThousands: true })).toBe(484061);
    expect(parseLocaleNumber('107.098')).toBe(107.098);
    expect(parseLocaleNumber('M1')).toBeUndefined();
  });
});

describe('marker table (Đình Lập, TM-3 107°15′)', () => {
  it('pasted as a decision prints it gives 71,39 ha', () => {
    const t = parseMarkerTable(fixture('dinh-lap-tm3-107-15.txt'), tm3);
    expect(t.markers).toHaveLength(11);
    expect(t.skipped).toBe(3);
    expect(t.errors).toEqual([]);
    expect(t.markers[1]).toEqual({ name: 'M2', x: 2384394.97, y: 484451.79 });
    expect(detectSwappedXY(t.markers, tm3)).toBe(false);
    expect(formatHa(tablePlaneAreaHa(t.markers))).toBe('71,39 ha');
    // The polygon on the map (lon/lat) has the same plane area.
    expect(formatHa(planeAreaHa(markersToPolygon(t.markers, tm3)!, 9215))).toBe('71,39 ha');
  });
  it('detects X and Y swapped and the fix restores 71,39 ha in the right place', () => {
    const t = parseMarkerTable(fixture('dinh-lap-swapped.txt'), tm3);
    expect(detectSwappedXY(t.markers, tm3)).toBe(true);
    const fixed = swapXY(t.markers);
    expect(detectSwappedXY(fixed, tm3)).toBe(false);
    const [lon, lat] = markersToPolygon(fixed, tm3)!.coordinates[0]![0]!;
    expect(lon).toBeCloseTo(107.1, 1);
    expect(lat).toBeCloseTo(21.55, 1);
    expect(formatHa(tablePlaneAreaHa(fixed))).toBe('71,39 ha');
  });
  it('reads semicolons, numbered rows, a repeated closing row and reports bad lines', () => {
    const t = parseMarkerTable('1;2384079,19;484576,79\n2;2384394,97;484451,79\n3;2384621,91;484179,20\n4;2384079,19;484576,79\n5;abc\n', tm3);
    expect(t.markers.map((m) => m.name)).toEqual(['1', '2', '3']);
    expect(t.closingRowDropped).toBe(true);
    expect(t.errors).toEqual([]);
    const bad = parseMarkerTable('M1 2384079,19\nM2 2384394,97 484451,79', tm3);
    expect(bad.errors).toEqual([{ line: 1, text: 'M1 2384079,19', reason: 'one-number' }]);
  });
  it('reads WGS 84 in DMS and in decimal, lat/lon in either order', () => {
    const dms = parseMarkerTable('M1\t21°33′03,6″\t107°05′52,8″\nM2\t21°33′10″\t107°06′00″\nM3\t21°33′00″\t107°06′05″', inputSystem('wgs84-dms')!);
    expect(dms.markers).toHaveLength(3);
    const poly = markersToPolygon(dms.markers, inputSystem('wgs84-dms')!)!;
    expect(poly.coordinates[0]![0]![0]).toBeCloseTo(107.098, 6);
    expect(poly.coordinates[0]![0]![1]).toBeCloseTo(21.551, 6);
    const dec = parseMarkerTable('107.098 21.551\n107.1 21.552\n107.101 21.55', inputSystem('wgs84')!);
    expect(markersToPolygon(dec.markers, inputSystem('wgs84')!)!.coordinates[0]![1]).toEqual([107.1, 21.552]);
  });
});

describe('marker table export', () => {
  it('writes marker, X, Y and edge length as decisions print them, and reads back', () => {
    const t = parseMarkerTable(fixture('dinh-lap-tm3-107-15.txt'), tm3);
    const poly = markersToPolygon(t.markers, tm3)!;
    const rows = markerRows(poly, 9215);
    expect(rows).toHaveLength(11);
    expect(rows[0]!.x).toBeCloseTo(2384079.19, 2);
    expect(rows[0]!.edge).toBeCloseTo(Math.hypot(2384394.97 - 2384079.19, 484451.79 - 484576.79), 2);
    const csv = markerCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('Tên mốc;X (m);Y (m);Khoảng cách (m)');
    expect(csv.split('\r\n')[1]).toBe('M1;2384079,19;484576,79;339,62');
    const back = parseMarkerTable(csv, tm3);
    expect(back.markers).toHaveLength(11);
    expect(formatHa(tablePlaneAreaHa(back.markers))).toBe('71,39 ha');
  });
});
