import { describe, expect, it } from 'vitest';
import { stringifyWithGeometryText, withGeometryText } from './geometry-text';

const square = '{"type":"Polygon","coordinates":[[[106.5,21.8],[106.51,21.8],[106.51,21.81],[106.5,21.8]]]}';

describe('geometry as GeoJSON text', () => {
  it('is written as the geometry itself: the same JSON as with the parsed object', () => {
    const f = withGeometryText({ id: 7, landCode: 'LUC', overlapHa: 1.25 }, square);
    const plain = { id: 7, landCode: 'LUC', overlapHa: 1.25, geometry: JSON.parse(square) };
    const body = { table: { layers: [{ codes: [{ features: [f, { id: 8, overlapHa: 0 }] }] }] }, n: 1 };
    const expected = { table: { layers: [{ codes: [{ features: [plain, { id: 8, overlapHa: 0 }] }] }] }, n: 1 };
    expect(stringifyWithGeometryText(body)).toBe(JSON.stringify(expected));
  });

  it('is parsed, once, for server code that reads it', () => {
    const f = withGeometryText({ id: 1 }, square) as { id: number; geometry?: { type: string } };
    expect(f.geometry?.type).toBe('Polygon');
    expect(f.geometry).toBe(f.geometry);
    expect(Object.keys(f)).toEqual(['id']);
  });

  it('cannot be forged by a name that looks like a placeholder', () => {
    const f = withGeometryText({ id: 1, name: '\u0000abc:0' }, square);
    const out = JSON.parse(stringifyWithGeometryText({ f, other: '\u0000deadbeef0000:0' })) as { f: { name: string; geometry: unknown }; other: string };
    expect(out.f.name).toBe('\u0000abc:0');
    expect(out.other).toBe('\u0000deadbeef0000:0');
    expect(out.f.geometry).toEqual(JSON.parse(square));
  });
});
