/**
 * The origin a configured online basemap loads from, for the Content-Security-
 * Policy; a `{s}` subdomain template becomes a wildcard.
 * @example basemapOrigin('https://{s}.tile.example.org/{z}/{x}/{y}.png') // 'https://*.tile.example.org'
 */
export function basemapOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(https?):\/\/([^/]+)/.exec(url);
  if (!m) return undefined;
  return `${m[1]}://${m[2]!.replace(/\{[a-z]+\}/g, '*')}`;
}
