import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { ImportError, type RawFeature } from './types';
import { unzipFiles } from './zip';

/** Reads KML (always WGS 84 lon/lat): placemarks with polygons, multi-geometries, folders. */
export function readKml(text: string): RawFeature[] {
  let doc: Document;
  try {
    doc = new DOMParser({ onError: (level: string, msg: string) => { if (level === 'fatalError') throw new Error(msg); } }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml') as unknown as Document;
  } catch (e) {
    throw new ImportError(400, 'CORRUPT_FILE', `Not valid XML: ${(e as Error).message.split('\n')[0]}`, 'Tệp KML không phải XML hợp lệ');
  }
  if (!doc.documentElement || !/kml/i.test(doc.documentElement.nodeName))
    throw new ImportError(400, 'CORRUPT_FILE', 'The XML file is not KML (no <kml> root)', 'Tệp XML không phải KML (thiếu thẻ <kml>)');
  const fc = kml(doc);
  return fc.features.map((f) => ({ geometry: f.geometry, properties: (f.properties ?? {}) as Record<string, unknown> }));
}

/** KMZ: a zip holding doc.kml (or the first .kml). */
export async function readKmz(buffer: Buffer): Promise<RawFeature[]> {
  const files = await unzipFiles(buffer, (n) => n.endsWith('.kml'));
  const doc = files.get('doc.kml') ?? [...files.values()][0];
  if (!doc) throw new ImportError(400, 'CORRUPT_FILE', 'The KMZ holds no .kml file', 'Tệp KMZ không chứa tệp .kml');
  return readKml(doc.toString('utf8'));
}
