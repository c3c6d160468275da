import { describe, expect, it } from 'vitest';
import { RawJson, stringifyWithRaw } from './raw-json';

describe('stringifyWithRaw', () => {
  it('writes each RawJson as its text, wherever it is, and everything else as JSON.stringify does', () => {
    const poly = '{"type":"Polygon","coordinates":[[[106.1,21.5],[106.2,21.5],[106.2,21.6],[106.1,21.5]]]}';
    const value = { a: [1, { g: new RawJson(poly), name: 'Đình Lập "x"' }], b: new RawJson('null'), c: [new RawJson(poly)] };
    const text = stringifyWithRaw(value);
    expect(JSON.parse(text)).toEqual({ a: [1, { g: JSON.parse(poly), name: 'Đình Lập "x"' }], b: null, c: [JSON.parse(poly)] });
    expect(text).toContain(`"g":${poly}`);
    const plain = { n: 1.5, s: 'abc:0', list: [null, true] };
    expect(stringifyWithRaw(plain)).toBe(JSON.stringify(plain));
  });

  it('leaves strings alone that look like another call\'s marker', () => {
    const first = stringifyWithRaw({ g: new RawJson('{"k":1}') });
    const tagLike = /"([0-9a-f]{12}:0)"/.exec(JSON.stringify({ g: 'ffffffffffff:0' }))![1]!;
    const text = stringifyWithRaw({ g: new RawJson('{"k":2}'), s: tagLike });
    expect(JSON.parse(first)).toEqual({ g: { k: 1 } });
    expect(JSON.parse(text)).toEqual({ g: { k: 2 }, s: 'ffffffffffff:0' });
  });
});
