import shpwrite from '@mapbox/shp-write';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { toVn2000 } from '../../src/core/crs/transform';
import { signedArea } from '../../src/core/geometry/rings';
import { prjFor } from '../import/prj';

/** ESRI rings: outer clockwise, holes counter-clockwise. */
const esriRing = (ring: Position[], outer: boolean) => ((signedArea(ring) < 0) === outer ? ring : [...ring].reverse());

/** Short, ASCII .dbf field values (10-character names). */
function dbfProps(p: Record<string, unknown> | null): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(p ?? {})) {
    if (v === null || v === undefined || typeof v === 'object') continue;
    out[k.slice(0, 10)] = typeof v === 'number' ? v : String(v).slice(0, 254);
  }
  return out;
}

/**
 * A zipped Shapefile (one MultiPolygon layer, .shp/.shx/.dbf/.prj) in WGS 84
 * (epsg 4326) or a VN-2000 plane (TM-3 or UTM), with a .prj that says which.
 */
export async function toShapefileZip(features: Feature<Polygon | MultiPolygon>[], epsg: number, layer: string): Promise<Buffer> {
  const project = (p: Position): Position => (epsg === 4326 ? [p[0]!, p[1]!] : toVn2000(epsg, [p[0]!, p[1]!]));
  const fc = {
    type: 'FeatureCollection' as const,
    features: features.map((f) => {
      const parts = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      return {
        type: 'Feature' as const,
        properties: dbfProps(f.properties as Record<string, unknown>),
        geometry: { type: 'MultiPolygon' as const, coordinates: parts.map((rings) => rings.map((r, i) => esriRing(r, i === 0).map(project))) },
      };
    }),
  };
  const out = await shpwrite.zip(fc as never, { outputType: 'nodebuffer', compression: 'DEFLATE', prj: prjFor(epsg), types: { polygon: layer } } as never);
  return out as unknown as Buffer;
}
