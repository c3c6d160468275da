import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
const coords = (ring: Position[]) => ring.map((p) => `${p[0]!.toFixed(9)},${p[1]!.toFixed(9)}`).join(' ');

function polygonKml(rings: Position[][]): string {
  const [outer, ...holes] = rings;
  return `<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(outer!)}</coordinates></LinearRing></outerBoundaryIs>${holes
    .map((h) => `<innerBoundaryIs><LinearRing><coordinates>${coords(h)}</coordinates></LinearRing></innerBoundaryIs>`)
    .join('')}</Polygon>`;
}

/** KML 2.2 (WGS 84 lon/lat, 9 decimals ≈ 0.1 mm): one Placemark per feature, properties as ExtendedData. */
export function toKml(features: Feature<Polygon | MultiPolygon>[], documentName: string): string {
  const placemarks = features.map((f) => {
    const g = f.geometry;
    const geom = g.type === 'Polygon' ? polygonKml(g.coordinates) : `<MultiGeometry>${g.coordinates.map(polygonKml).join('')}</MultiGeometry>`;
    const props = Object.entries(f.properties ?? {}).filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object');
    const data = props.map(([k, v]) => `<Data name="${esc(k)}"><value>${esc(String(v))}</value></Data>`).join('');
    const name = String((f.properties as Record<string, unknown> | null)?.name ?? '');
    return `<Placemark><name>${esc(name)}</name>${data ? `<ExtendedData>${data}</ExtendedData>` : ''}${geom}</Placemark>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${esc(documentName)}</name>${placemarks.join('\n')}</Document></kml>\n`;
}
