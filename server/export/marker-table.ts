import type ExcelJS from 'exceljs';
import { loadExcel } from '../lazy-libs';
import type { MultiPolygon, Polygon } from 'geojson';
import { markerCsv, markerRows, MARKER_HEADERS } from '../../src/core/coords/export';
import { crsByEpsg } from '../../src/core/crs/vn2000';
import { formatHa } from '../../src/core/format/number';
import { planeAreaHa } from '../../src/core/geometry/area';

export interface MarkerBoundary {
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** CSV marker table(s) (vi: semicolons, decimal commas); several boundaries one after another, each under its name. */
export function markerTableCsv(items: MarkerBoundary[], epsg: number, locale: 'vi' | 'en' = 'vi'): string {
  const bom = '\uFEFF';
  if (items.length === 1) return bom + markerCsv(markerRows(items[0]!.geometry, epsg), locale);
  return bom + items.map((b) => `${b.name}\r\n${markerCsv(markerRows(b.geometry, epsg), locale)}`).join('\r\n');
}

/** XLSX marker table: one sheet per boundary, title, CRS and plane area above the table, numbers as numbers (0.00). */
export async function markerTableXlsx(items: MarkerBoundary[], epsg: number, locale: 'vi' | 'en' = 'vi'): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'ccn-map';
  const used = new Set<string>();
  for (const b of items) {
    let sheetName = b.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || 'Boundary';
    while (used.has(sheetName)) sheetName = `${sheetName.slice(0, 26)}_${used.size}`;
    used.add(sheetName);
    const ws = wb.addWorksheet(sheetName);
    const rows = markerRows(b.geometry, epsg);
    ws.addRow([b.name]).font = { bold: true, size: 13 };
    ws.addRow([`${locale === 'vi' ? 'Hệ tọa độ' : 'Coordinate system'}: ${crsByEpsg(epsg)?.name ?? `EPSG:${epsg}`} (EPSG:${epsg})`]);
    ws.addRow([`${locale === 'vi' ? 'Diện tích' : 'Area'}: ${formatHa(planeAreaHa(b.geometry, epsg), locale)}`]);
    ws.addRow([]);
    const multi = rows.some((r) => r.part > 1 || r.ring > 0);
    const header = ws.addRow(MARKER_HEADERS[locale].slice(0, multi ? 6 : 4));
    header.font = { bold: true };
    for (const r of rows) ws.addRow([r.marker, Number(r.x.toFixed(2)), Number(r.y.toFixed(2)), Number(r.edge.toFixed(2)), ...(multi ? [r.part, r.ring] : [])]);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 12 : 16;
      if (i >= 1 && i <= 3) c.numFmt = '0.00';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
