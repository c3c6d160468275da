import { ImportError, type RawFeature, type SourceCrs } from './types';

/** Reads GeoJSON: a FeatureCollection, a Feature, a bare geometry; honours an old-style "crs" member. */
export function readGeoJson(text: string): { features: RawFeature[]; crs?: SourceCrs } {
  let j: unknown;
  try {
    j = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportError(400, 'CORRUPT_FILE', `Not valid JSON: ${(e as Error).message}`, `Không phải JSON hợp lệ: ${(e as Error).message}`);
  }
  const o = j as { type?: string; features?: unknown; geometry?: unknown; properties?: unknown; crs?: { properties?: { name?: string } } };
  if (!o || typeof o !== 'object' || typeof o.type !== 'string')
    throw new ImportError(400, 'NOT_GEOJSON', 'The file is JSON but not GeoJSON (no "type")', 'Tệp là JSON nhưng không phải GeoJSON (thiếu "type")');
  let features: RawFeature[];
  if (o.type === 'FeatureCollection') {
    if (!Array.isArray(o.features))
      throw new ImportError(400, 'NOT_GEOJSON', 'FeatureCollection without a "features" array', 'FeatureCollection thiếu mảng "features"');
    features = (o.features as { geometry?: unknown; properties?: unknown }[]).map((f) => ({
      geometry: f?.geometry ?? null,
      properties: (f?.properties && typeof f.properties === 'object' ? f.properties : {}) as Record<string, unknown>,
    }));
  } else if (o.type === 'Feature') {
    features = [{ geometry: o.geometry ?? null, properties: (o.properties ?? {}) as Record<string, unknown> }];
  } else {
    features = [{ geometry: o, properties: {} }];
  }
  const crsName = o.crs?.properties?.name;
  if (crsName) {
    const m = /EPSG:{1,2}(\d+)$/i.exec(crsName);
    const epsg = m ? Number(m[1]) : /CRS84$/i.test(crsName) ? 4326 : undefined;
    if (epsg) return { features, crs: { epsg, name: crsName, source: 'geojson-crs' } };
  }
  return { features };
}
