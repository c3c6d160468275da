import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/core/clearance/dates';
import { startTestApp, stopTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(() => stopTestApp(ctx));

async function workbook(url: string): Promise<ExcelJS.Workbook> {
  const res = await ctx.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

const rowOf = (ws: ExcelJS.Worksheet, label: string, col = 2) => {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(col).value === label) found = r;
  });
  return found!;
};

describe('monthly review XLSX', () => {
  it('opens, is in Vietnamese, and its totals equal the progress figures', async () => {
    const wb = await workbook('/api/clearance/review.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo bước', 'Vướng mắc', 'Quá hạn', 'Trong tháng']);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const month = todayInVietnam().slice(0, 7).split('-');
    expect(String(ws.getCell('A1').value)).toBe(`BÁO CÁO TIẾN ĐỘ BỒI THƯỜNG, HỖ TRỢ, TÁI ĐỊNH CƯ VÀ GIẢI PHÓNG MẶT BẰNG THÁNG ${month[1]}/${month[0]}`);
    expect(String(ws.getCell('A2').value)).toContain('dữ liệu minh họa');
    const p = (await ctx.app.inject({ method: 'GET', url: '/api/clearance/progress' })).json().progress;
    const total = rowOf(ws, 'Tổng cộng');
    expect(total.getCell(3).value).toBe(p.parcels);
    expect(Number(total.getCell(4).value)).toBeCloseTo(p.areaHa, 6);
    expect(total.getCell(6).value).toBe(p.handedOver.parcels);
    expect(Number(total.getCell(7).value)).toBeCloseTo(p.handedOver.areaHa, 6);
    expect(total.getCell(9).value).toBe(p.money.approved);
    expect(total.getCell(10).value).toBe(p.money.paid);
    expect(total.getCell(12).value).toBe(`${p.graves.relocated}/${p.graves.total}`);
    expect(total.getCell(13).value).toBe(p.overdue.payment_overdue + p.overdue.notice_expired);
    const dl = rowOf(ws, 'Cụm công nghiệp Đình Lập');
    expect(dl.getCell(3).value).toBeGreaterThan(280);

    const steps = wb.getWorksheet('Theo bước')!;
    let sum = 0;
    steps.eachRow((r, i) => {
      if (i > 4 && typeof r.getCell(3).value === 'number') sum += r.getCell(3).value as number;
    });
    expect(sum).toBe(p.parcels);
    expect(rowOf(steps, 'Đã bàn giao mặt bằng').getCell(3).value).toBe(p.byStatus.handed_over.parcels);

    const overdue = wb.getWorksheet('Quá hạn')!;
    expect(overdue.rowCount - 4).toBe(p.overdue.payment_overdue + p.overdue.notice_expired);
    expect(wb.getWorksheet('Vướng mắc')!.rowCount).toBeGreaterThan(10);
  });

  it('a past month is figured as of its last day, with that month\'s transitions', async () => {
    const { rows } = await ctx.db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM parcel_events WHERE date BETWEEN '2026-01-01' AND '2026-01-31'",
    );
    const wb = await workbook('/api/clearance/review.xlsx?month=2026-01');
    expect(String(wb.getWorksheet('Tổng hợp')!.getCell('A2').value)).toContain('Số liệu đến ngày 31/01/2026');
    expect(wb.getWorksheet('Trong tháng')!.rowCount - 4).toBe(rows[0]!.n);
    const p = (await ctx.app.inject({ method: 'GET', url: '/api/clearance/progress?as_of=2026-01-31' })).json().progress;
    expect(rowOf(wb.getWorksheet('Tổng hợp')!, 'Tổng cộng').getCell(6).value).toBe(p.handedOver.parcels);
  });

  it('refuses a month that has not started and a malformed one', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/clearance/review.xlsx?month=2099-01' })).statusCode).toBe(422);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/clearance/review.xlsx?month=2026-13' })).statusCode).toBe(400);
  });
});
