import { describe, expect, it } from 'vitest';
import { basemapOrigin } from './basemap-origin';

describe('basemapOrigin', () => {
  it('keeps scheme and host', () => {
    expect(basemapOrigin('https://tiles.example.vn/{z}/{x}/{y}.png')).toBe('https://tiles.example.vn');
    expect(basemapOrigin('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
  });
  it('is undefined when nothing is configured', () => {
    expect(basemapOrigin(undefined)).toBeUndefined();
    expect(basemapOrigin('not a url')).toBeUndefined();
  });
});
