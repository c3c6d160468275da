import { crsByEpsg } from '../../src/core/crs/vn2000';
import { readCsv } from './csv';
import { readGeoJson } from './geojson';
import { readKml, readKmz } from './kml';
import { looksProjected, reprojectFeatures } from './reproject';
import { readShapefileZip } from './shapefile';
import { ImportError, type ReadOptions, type ReadResult, type SourceCrs } from './types';

export { ImportError } from './types';
export type { RawFeature, ReadOptions, ReadResult } from './types';

const WGS84: SourceCrs = { epsg: 4326, name: 'WGS 84', source: 'format' };

function sniff(buffer: Buffer, filename: string): ReadResult['format'] | undefined {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'kmz') return 'kmz';
  if (ext === 'zip') return 'shapefile';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  const head = buffer.subarray(0, 256).toString('utf8').trimStart();
  if (buffer[0] === 0x50 && buffer[1] === 0x4b) return 'shapefile';
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<')) return 'kml';
  return undefined;
}

const givenCrs = (epsg: number): SourceCrs => ({ epsg, name: crsByEpsg(epsg)?.name ?? (epsg === 4326 ? 'WGS 84' : `EPSG:${epsg}`), source: 'given' });

function needsCrs(what: string, whatVi: string): ImportError {
  return new ImportError(
    422,
    'NEEDS_CRS',
    `${what}: say which coordinate system it uses (?crs=<EPSG>, e.g. 9215 for VN-2000 TM-3 107°15′)`,
    `${whatVi}: hãy cho biết hệ tọa độ (?crs=<EPSG>, ví dụ 9215 cho VN-2000 TM-3 107°15′)`,
  );
}

/**
 * Reads a boundary file into WGS 84 lon/lat features — the one reader used by
 * boundary imports, parcel imports and scripts. Formats: GeoJSON, KML, KMZ,
 * zipped Shapefile (reprojected from its .prj; asks when there is none), CSV of
 * coordinates. Geometry is not validated here (see server/import/process.ts).
 */
export async function readFeatures(buffer: Buffer, filename: string, options: ReadOptions = {}): Promise<ReadResult> {
  if (!buffer.length) throw new ImportError(400, 'EMPTY_FILE', 'The file is empty', 'Tệp rỗng');
  const format = sniff(buffer, filename);
  if (!format)
    throw new ImportError(415, 'UNSUPPORTED_FORMAT', `Unsupported file type: ${filename} (GeoJSON, KML, KMZ, zipped Shapefile or CSV)`, `Không hỗ trợ loại tệp: ${filename} (GeoJSON, KML, KMZ, Shapefile nén zip hoặc CSV)`);
  options.onProgress?.('read', 0, 1);
  const warnings: string[] = [];
  let result: ReadResult;
  switch (format) {
    case 'geojson': {
      const g = readGeoJson(buffer.toString('utf8'));
      let crs = options.crs ? givenCrs(options.crs) : (g.crs ?? { ...WGS84, source: 'default' as const });
      if (!options.crs && !g.crs && looksProjected(g.features)) throw needsCrs('The coordinates are in metres, not degrees', 'Tọa độ tính bằng mét, không phải độ');
      if (crs.epsg && crs.epsg !== 4326 && !crsByEpsg(crs.epsg)) throw new ImportError(422, 'UNKNOWN_CRS', `Unsupported CRS ${crs.name}`, `Không hỗ trợ hệ tọa độ ${crs.name}`);
      result = { format, features: crs.epsg && crs.epsg !== 4326 ? reprojectFeatures(g.features, crs.epsg) : g.features, crs, warnings };
      crs = result.crs;
      break;
    }
    case 'kml':
      result = { format, features: readKml(buffer.toString('utf8')), crs: WGS84, warnings };
      break;
    case 'kmz':
      result = { format, features: await readKmz(buffer), crs: WGS84, warnings };
      break;
    case 'shapefile': {
      const s = await readShapefileZip(buffer);
      if (!s.crs && !options.crs) {
        if (looksProjected(s.features)) throw needsCrs('The Shapefile has no .prj and its coordinates are in metres', 'Shapefile không có tệp .prj và tọa độ tính bằng mét');
        warnings.push('No .prj: coordinates read as WGS 84 longitude/latitude');
      }
      const crs: SourceCrs = options.crs ? givenCrs(options.crs) : s.crs ? { epsg: s.crs.epsg, name: s.crs.name, source: 'prj' } : { ...WGS84, source: 'default' };
      const def = options.crs ?? s.crs?.def ?? 4326;
      result = { format, features: reprojectFeatures(s.features, def), crs, warnings };
      break;
    }
    case 'csv': {
      const c = readCsv(buffer.toString('utf8'));
      warnings.push(...c.warnings);
      if (c.kind === 'projected' && !options.crs) throw needsCrs('The CSV has VN-2000 X/Y in metres', 'Tệp CSV có X/Y VN-2000 tính bằng mét');
      const epsg = c.kind === 'projected' ? options.crs! : 4326;
      result = { format, features: reprojectFeatures(c.features, epsg), crs: epsg === 4326 ? WGS84 : givenCrs(epsg), warnings };
      break;
    }
  }
  options.onProgress?.('read', 1, 1);
  if (!result.features.length) throw new ImportError(422, 'NO_FEATURES', 'The file holds no features', 'Tệp không có đối tượng nào');
  return result;
}
