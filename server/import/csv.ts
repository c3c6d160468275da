import Papa from 'papaparse';
import { parseDms } from '../../src/core/crs/dms';
import { parseLocaleNumber } from '../../src/core/coords/numbers';
import { foldVietnamese } from '../../src/core/format/text';
import { ImportError, type RawFeature } from './types';

const NAME_COLS = ['name', 'ten moc', 'moc', 'diem', 'marker', 'point', 'stt', 'ten diem', 'so hieu moc'];
const GROUP_COLS = ['polygon', 'feature', 'feature_id', 'ranh', 'thua', 'parcel', 'part', 'group', 'vung', 'ten vung'];
const X_COLS = ['x', 'x (m)', 'x(m)', 'toa do x', 'northing', 'bac'];
const Y_COLS = ['y', 'y (m)', 'y(m)', 'toa do y', 'easting', 'dong'];
const LON_COLS = ['lon', 'lng', 'long', 'longitude', 'kinh do', 'l'];
const LAT_COLS = ['lat', 'latitude', 'vi do', 'b'];

const find = (headers: string[], names: string[]) => headers.findIndex((h) => names.includes(foldVietnamese(h)));

export interface CsvRead {
  features: RawFeature[];
  /** 'projected' = VN-2000 X (northing) / Y (easting) in metres; 'geographic' = lon/lat. */
  kind: 'projected' | 'geographic';
  warnings: string[];
}

/**
 * A CSV of coordinates: one row per vertex, a header with X/Y (VN-2000, X = northing)
 * or lon/lat columns, an optional marker name and an optional polygon column that
 * groups rows into several features. Commas, semicolons or tabs; decimal commas.
 */
export function readCsv(text: string): CsvRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [';', '\t', ',', '|'] });
  const rows = parsed.data.filter((r) => r.some((c) => c.trim()));
  const headerAt = rows.findIndex((r) => find(r, X_COLS) >= 0 || find(r, LON_COLS) >= 0);
  if (headerAt < 0)
    throw new ImportError(400, 'CSV_NO_COLUMNS', 'No coordinate columns: the header must name X and Y (VN-2000) or lon and lat', 'Không thấy cột tọa độ: dòng tiêu đề phải có X và Y (VN-2000) hoặc kinh độ và vĩ độ');
  const header = rows[headerAt]!;
  const xi = find(header, X_COLS);
  const yi = find(header, Y_COLS);
  const loni = find(header, LON_COLS);
  const lati = find(header, LAT_COLS);
  const geographic = loni >= 0 && lati >= 0;
  if (!geographic && (xi < 0 || yi < 0))
    throw new ImportError(400, 'CSV_NO_COLUMNS', 'Both X and Y columns are needed', 'Cần cả cột X và cột Y');
  const ni = find(header, NAME_COLS);
  const gi = find(header, GROUP_COLS);
  const groups = new Map<string, number[][]>();
  const warnings: string[] = [];
  rows.slice(headerAt + 1).forEach((r, k) => {
    const num = (i: number) => {
      const s = (r[i] ?? '').trim();
      return geographic ? (parseLocaleNumber(s) ?? parseDms(s)) : parseLocaleNumber(s, { dotThousands: true });
    };
    const a = geographic ? num(loni) : num(yi); // easting / lon first
    const b = geographic ? num(lati) : num(xi);
    const line = headerAt + k + 2;
    if (a === undefined || b === undefined) {
      warnings.push(`line ${line}: no coordinates, skipped`);
      return;
    }
    const key = gi >= 0 ? (r[gi] ?? '').trim() || '1' : '1';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push([a, b]);
  });
  if (!groups.size) throw new ImportError(400, 'CSV_EMPTY', 'The CSV has no coordinate rows', 'Tệp CSV không có dòng tọa độ nào');
  void ni;
  const features: RawFeature[] = [...groups.entries()].map(([name, pts]) => ({
    geometry: { type: 'Polygon', coordinates: [pts] },
    properties: gi >= 0 ? { name } : {},
  }));
  return { features, kind: geographic ? 'geographic' : 'projected', warnings };
}
