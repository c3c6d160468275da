import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors';
import { parseBbox } from './bbox';

describe('parseBbox', () => {
  it('reads four degrees', () => {
    expect(parseBbox('106.1, 21.3,107.4,22.5')).toEqual([106.1, 21.3, 107.4, 22.5]);
    expect(parseBbox(undefined)).toBeUndefined();
    expect(parseBbox('')).toBeUndefined();
  });
  it('refuses malformed boxes with a 400 naming bbox', () => {
    for (const bad of ['1,2,3', '1,2,3,x', '107,21,106,22', '1,2,3,4,5', '-200,0,0,1', '1,,2,3']) {
      expect(() => parseBbox(bad), bad).toThrow(HttpError);
      try {
        parseBbox(bad);
      } catch (e) {
        expect((e as HttpError).statusCode).toBe(400);
        expect((e as HttpError).message).toContain('bbox');
      }
    }
  });
});
