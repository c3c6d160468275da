/**
 * A parcel CSV with coordinates: one row per vertex, the parcel's attributes
 * repeated on each of its rows (consecutive rows with the same attributes form
 * one parcel), and either lon/lat columns or VN-2000 X (northing) / Y (easting)
 * in metres. The shared CSV reader (server/import/csv.ts) keeps only geometry,
 * so the attributes are read here; the coordinates go through the shared
 * reprojection.
 */
import Papa from 'papaparse';
import { foldVietnamese } from '../../src/core/format/text';
import { reprojectFeatures } from '../import/reproject';
import { ImportError, type RawFeature } from '../import/types';

const col = (headers: string[], names: string[]) => headers.find((h) => names.includes(foldVietnamese(h).replace(/[\s_()]/g, '')));

export interface ParcelCsv {
  features: (RawFeature & { line: number })[];
  /** 4326, or the EPSG the projected coordinates were read in. */
  epsg: number;
  warnings: string[];
}

const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const t = s.trim().replace(/\s/g, '');
  if (!t) return undefined;
  const n = Number(/,\d+$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
};

/** `projectedEpsg`: the VN-2000 CRS of X/Y columns (the cluster's TM-3 zone unless the user says otherwise). */
export function readParcelCsv(text: string, projectedEpsg: number): ParcelCsv {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [';', '\t', ',', '|'] });
  const headers = parsed.meta.fields ?? [];
  const lon = col(headers, ['lon', 'lng', 'longitude', 'kinhdo']);
  const lat = col(headers, ['lat', 'latitude', 'vido']);
  const x = col(headers, ['x', 'xm', 'toadox', 'northing']);
  const y = col(headers, ['y', 'ym', 'toadoy', 'easting']);
  const geographic = !!(lon && lat);
  if (!geographic && !(x && y))
    throw new ImportError(400, 'CSV_NO_COLUMNS', 'No coordinate columns: the header must name lon and lat, or X and Y (VN-2000)', 'Không thấy cột tọa độ: cần cột kinh độ, vĩ độ hoặc X, Y (VN-2000)');
  const coordCols = new Set(geographic ? [lon, lat] : [x, y]);
  const attrCols = headers.filter((h) => !coordCols.has(h) && !/^(stt|diem|moc|point|vertex|dinh)$/.test(foldVietnamese(h).replace(/\s/g, '')));
  const warnings: string[] = [];
  let swapped = false;
  const features: (RawFeature & { line: number })[] = [];
  let current: { key: string; ring: number[][]; props: Record<string, unknown>; line: number } | undefined;
  const flush = () => {
    if (!current) return;
    const ring = current.ring;
    const [a, b] = [ring[0]!, ring[ring.length - 1]!];
    if (a[0] !== b[0] || a[1] !== b[1]) ring.push([...a]);
    features.push({ geometry: { type: 'Polygon', coordinates: [ring] }, properties: current.props, line: current.line });
  };
  parsed.data.forEach((r, i) => {
    const line = i + 2;
    const key = attrCols.map((h) => r[h] ?? '').join('\u0001');
    let p: [number | undefined, number | undefined] = geographic ? [num(r[lon!]), num(r[lat!])] : [num(r[y!]), num(r[x!])];
    if (p[0] === undefined || p[1] === undefined)
      throw new ImportError(422, 'ROW_REFUSED', `line ${line}: no coordinates`, `dòng ${line}: thiếu tọa độ`, { line });
    // X is the northing in Vietnamese tables; a file with them the other way round is put right.
    if (!geographic && p[0]! > 1_000_000 && p[1]! < 1_000_000) {
      p = [p[1], p[0]];
      swapped = true;
    }
    if (!current || current.key !== key) {
      flush();
      current = { key, ring: [], props: Object.fromEntries(attrCols.map((h) => [h, r[h] ?? ''])), line };
    }
    current.ring.push([p[0]!, p[1]!]);
  });
  flush();
  if (swapped) warnings.push('X and Y were swapped in the file (X is the northing): read the other way round');
  if (!features.length) throw new ImportError(422, 'NO_FEATURES', 'The CSV has no coordinate rows', 'Tệp CSV không có dòng tọa độ nào');
  const epsg = geographic ? 4326 : projectedEpsg;
  const reprojected = reprojectFeatures(features, epsg);
  return { features: reprojected.map((f, i) => ({ ...f, line: features[i]!.line })), epsg, warnings };
}
