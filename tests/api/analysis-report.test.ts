import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHa, formatNumber } from '../../src/core/format/number';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
const dir = mkdtempSync(join(tmpdir(), 'ccn-report-'));
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => {
  await stopTestApp(ctx);
  rmSync(dir, { recursive: true, force: true });
});

const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await ctx.db.pool.query(sql, params)).rows as T[];
const clusterId = async (name: string) => (await q<{ id: number }>('SELECT id FROM clusters WHERE name = $1', [name]))[0]!.id;

interface Table { layers: { layerId: string; codes: { landCode: string; overlapHa: number; severity: string }[] }[]; severities: { severity: string; overlapHa: number }[] }

describe('the conflict report', () => {
  it('downloads as an A4 PDF whose text has the cluster name, total area and every overlapping land code with its hectares', async () => {
    const id = await clusterId('Cụm công nghiệp Đình Lập');
    const res = await ctx.app.inject({ method: 'GET', url: `/api/analysis/report?clusterId=${id}&date=2025-08-01` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment; filename="kiem-tra-chong-lan-cum-cong-nghiep-dinh-lap-2025-08-01.pdf"');
    const file = join(dir, 'dl.pdf');
    writeFileSync(file, res.rawPayload);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Cụm công nghiệp Đình Lập');
    expect(text).toContain('71,39 ha');
    // Vietnamese diacritics come back exactly (no decomposed or shifted marks).
    for (const w of ['BÁO CÁO KIỂM TRA CHỒNG LẤN', 'Khoản 1 Điều 2', 'Nghị định 32/2024/NĐ-CP', 'Đất rừng phòng hộ', 'Đất ở tại nông thôn', 'Đất chuyên trồng lúa'])
      expect(text).toContain(w);
    const api = (await ctx.app.inject({ method: 'POST', url: '/api/analysis/conflicts', payload: { clusterId: id, options: { date: '2025-08-01', includeGeometry: false } } })).json() as { table: Table };
    const lines = text.split('\n');
    let rows = 0;
    for (const l of api.table.layers)
      for (const c of l.codes) {
        const ha = formatNumber(c.overlapHa, 2, 'vi');
        expect(lines.some((line) => line.includes(` ${c.landCode} `) && line.includes(ha)), `${l.layerId} ${c.landCode} ${ha}`).toBe(true);
        rows++;
      }
    expect(rows).toBeGreaterThanOrEqual(6);
    // Date, regime and data versions.
    expect(text).toContain('01/08/2025');
    expect(text).toContain('hiệu lực từ 01/07/2025');
    expect(text).toMatch(/dữ liệu minh họa/);
    expect(text).toContain('Không đạt'); // residential land inside (Art. 2.1)
  }, 120_000); // fonts, layout and two analyses: slow on a loaded 2-core machine

  it('the tables download as XLSX with hectares as numbers', async () => {
    const id = await clusterId('Cụm công nghiệp Đình Lập');
    const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/report', payload: { clusterId: id, format: 'xlsx', options: { date: '2025-08-01' } } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo mức độ', 'Theo lớp và mã đất', 'Đối tượng giao cắt', 'Điều kiện pháp lý', 'Dữ liệu']);
    const codes = wb.getWorksheet('Theo lớp và mã đất')!;
    const rph = codes.getSheetValues().find((r) => Array.isArray(r) && r[2] === 'RPH') as unknown[];
    expect(typeof rph[5]).toBe('number');
    expect(rph[5] as number).toBeGreaterThan(1);
    const rules = wb.getWorksheet('Điều kiện pháp lý')!;
    expect(rules.getRow(2).getCell(2).value).toContain('Điều 2');
  });

  it('a drawn boundary gets a report too (POST with geometry)', async () => {
    const [g] = await q<{ geometry: Polygon | MultiPolygon }>(
      `SELECT ST_AsGeoJSON(geom, 9)::json AS geometry FROM cluster_boundaries WHERE is_current AND cluster_id = $1`,
      [await clusterId('Cụm công nghiệp Minh Sơn')],
    );
    const res = await ctx.app.inject({ method: 'POST', url: '/api/analysis/report', payload: { geometry: g!.geometry, name: 'Phương án thử', options: { date: '2025-08-01' } } });
    expect(res.statusCode).toBe(200);
    const file = join(dir, 'draft.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('Phương án thử');
    expect(text).toContain(formatHa(55));
  });

  it('refuses a report without a subject', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/analysis/report' });
    expect(res.statusCode).toBe(400);
  });
});
