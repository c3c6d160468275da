/** Links of OGC API – Features documents. */

export interface OgcLink {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

/** An items URL with the request's parameters and a new offset. */
export function pageHref(base: string, params: Record<string, string | number | undefined>, offset: number): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries({ ...params, offset })) if (v !== undefined && String(v) !== '') u.searchParams.set(k, String(v));
  return u.toString();
}

/**
 * self / next / prev links of an items page: next when more features follow, prev when not
 * on the first page.
 * @example pagingLinks('http://h/ogc/collections/clusters/items', { limit: 2 }, 2, 2, 7) // self, next (offset 4), prev (offset 0)
 */
export function pagingLinks(
  base: string,
  params: Record<string, string | number | undefined>,
  offset: number,
  limit: number,
  matched: number,
): OgcLink[] {
  const links: OgcLink[] = [{ href: pageHref(base, { ...params, limit }, offset), rel: 'self', type: GEOJSON, title: 'this page' }];
  if (offset + limit < matched) links.push({ href: pageHref(base, { ...params, limit }, offset + limit), rel: 'next', type: GEOJSON, title: 'next page' });
  if (offset > 0) links.push({ href: pageHref(base, { ...params, limit }, Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON, title: 'previous page' });
  return links;
}
