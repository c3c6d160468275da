import { describe, expect, it } from 'vitest';
import { pagingLinks } from './links';

describe('pagingLinks', () => {
  const base = 'http://h:1/ogc/collections/clusters/items';
  const rels = (l: { rel: string; href: string }[]) => Object.fromEntries(l.map((x) => [x.rel, new URL(x.href).searchParams.get('offset')]));
  it('links next only when more features follow, prev only after the first page', () => {
    expect(rels(pagingLinks(base, {}, 0, 3, 7))).toEqual({ self: '0', next: '3' });
    expect(rels(pagingLinks(base, {}, 3, 3, 7))).toEqual({ self: '3', next: '6', prev: '0' });
    expect(rels(pagingLinks(base, {}, 6, 3, 7))).toEqual({ self: '6', prev: '3' });
    expect(rels(pagingLinks(base, {}, 1, 3, 2))).toEqual({ self: '1', prev: '0' });
  });
  it('keeps the other parameters', () => {
    const next = pagingLinks(base, { bbox: '1,2,3,4', layer_id: 'land_use' }, 0, 5, 50).find((l) => l.rel === 'next')!;
    const u = new URL(next.href);
    expect([u.searchParams.get('bbox'), u.searchParams.get('layer_id'), u.searchParams.get('limit')]).toEqual(['1,2,3,4', 'land_use', '5']);
  });
});
