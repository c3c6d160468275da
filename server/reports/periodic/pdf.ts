/**
 * A table model as a PDF (A4 landscape) with Noto Sans, so Vietnamese prints correctly —
 * the font and text options of the conflict report (server/reports/conflict-pdf-kit.ts) are reused.
 */
import { loadPdfKit } from '../../lazy-libs';
import { formatCell, headerWithUnit, type TableColumn, type TableModel } from '../../../src/core/reports/model';
import { FONT_BOLD, FONT_REGULAR, TEXT, toBuffer } from '../conflict-pdf-kit';

const W = 841.89;
const H = 595.28;
const M = 28;
const CW = W - 2 * M;
const PAD = 2.5;

const KIND_WEIGHT = { text: 2.2, int: 0.9, ha: 1.1, pct: 0.95, money: 1.35, decimal: 1, flag: 0.9 } as const;
const weight = (c: TableColumn) => (c.key === 'stt' ? 0.55 : c.key === 'name' || c.key === 'unit' ? 3 : KIND_WEIGHT[c.kind]);

export async function tableToPdf(t: TableModel, asOf: string): Promise<Buffer> {
  const doc = new (await loadPdfKit())({
    size: 'A4',
    layout: 'landscape',
    margins: { top: M, bottom: M, left: M, right: M },
    bufferPages: true,
    info: { Title: t.code ? `${t.code} — ${t.title}` : t.title, Creator: 'ccn-map', Producer: 'ccn-map (pdfkit)', CreationDate: new Date(`${asOf}T00:00:00Z`) },
    lang: 'vi-VN',
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);

  const n = t.columns.length;
  const size = n > 18 ? 6.3 : n > 10 ? 7.2 : 8.5;
  const total = t.columns.reduce((a, c) => a + weight(c), 0);
  const widths = t.columns.map((c) => (CW * weight(c)) / total);
  const xs = widths.map((_, i) => M + widths.slice(0, i).reduce((a, b) => a + b, 0));

  if (t.code) doc.font('bold').fontSize(9).text(t.code, M, M, { ...TEXT, width: CW, align: 'right' });
  doc.font('bold').fontSize(11.5).text(t.title, M, doc.y + 2, { ...TEXT, width: CW, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(8.5);
  for (const line of t.headerLines) doc.text(line, M, doc.y, { ...TEXT, width: CW });
  doc.moveDown(0.5);

  const grouped = t.columns.some((c) => c.group);
  const cellH = (text: string, w: number, bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    return doc.heightOfString(text || ' ', { ...TEXT, width: w - 2 * PAD }) + 2 * PAD;
  };
  const box = (x: number, y: number, w: number, h: number, text: string, o: { bold?: boolean; fill?: string; align?: 'left' | 'right' | 'center' } = {}) => {
    if (o.fill) doc.rect(x, y, w, h).fill(o.fill);
    doc.rect(x, y, w, h).lineWidth(0.4).strokeColor('#777777').stroke();
    doc.fillColor('#111111').font(o.bold ? 'bold' : 'regular').fontSize(size);
    doc.text(text, x + PAD, y + PAD, { ...TEXT, width: w - 2 * PAD, align: o.align ?? 'left' });
  };

  const drawHeader = () => {
    const y0 = doc.y;
    const subs = t.columns.map((c) => (c.group ? headerWithUnit(c) : ''));
    const h2 = grouped ? Math.max(...t.columns.map((c, i) => (c.group ? cellH(subs[i]!, widths[i]!, true) : 0))) : 0;
    const groupsH: number[] = [];
    const spans: { i: number; j: number; text: string }[] = [];
    for (let i = 0; i < n; i++) {
      const c = t.columns[i]!;
      if (!c.group || (i > 0 && t.columns[i - 1]!.group === c.group)) continue;
      let j = i;
      while (j + 1 < n && t.columns[j + 1]!.group === c.group) j++;
      spans.push({ i, j, text: c.group });
      groupsH.push(cellH(c.group, xs[j]! + widths[j]! - xs[i]!, true));
    }
    const ungroupedH = Math.max(...t.columns.map((c, i) => (c.group ? 0 : cellH(headerWithUnit(c), widths[i]!, true))));
    const h1 = Math.max(grouped ? Math.max(0, ...groupsH) : 0, ungroupedH - h2);
    for (const s of spans) box(xs[s.i]!, y0, xs[s.j]! + widths[s.j]! - xs[s.i]!, h1, s.text, { bold: true, fill: '#eaeef2', align: 'center' });
    t.columns.forEach((c, i) => {
      if (c.group) box(xs[i]!, y0 + h1, widths[i]!, h2, subs[i]!, { bold: true, fill: '#eaeef2', align: 'center' });
      else box(xs[i]!, y0, widths[i]!, h1 + h2, headerWithUnit(c), { bold: true, fill: '#eaeef2', align: 'center' });
    });
    doc.y = y0 + h1 + h2;
  };

  const drawRow = (cells: (string | number | null)[], bold: boolean) => {
    const texts = t.columns.map((c, i) => formatCell(cells[i] ?? null, c.kind, 'vi'));
    const h = Math.max(...texts.map((s, i) => cellH(s, widths[i]!, bold)));
    if (doc.y + h > H - M - 12) {
      doc.addPage();
      doc.y = M;
      drawHeader();
    }
    const y = doc.y;
    t.columns.forEach((c, i) => box(xs[i]!, y, widths[i]!, h, texts[i]!, { bold, align: c.kind === 'text' ? 'left' : 'right' }));
    doc.y = y + h;
  };

  drawHeader();
  for (const r of t.rows) drawRow(r.cells, false);
  if (t.total) drawRow(t.total, true);

  doc.moveDown(0.6).font('regular').fontSize(7.5).fillColor('#222222');
  for (const note of t.notes) {
    if (doc.y > H - M - 30) doc.addPage();
    doc.text(`• ${note}`, M, doc.y, { ...TEXT, width: CW });
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin: no page break for it
    doc.font('regular').fontSize(7).fillColor('#666666');
    doc.text(`${t.code ?? ''} · ccn-map · Trang ${i + 1}/${range.count}`, M, H - M + 6, { ...TEXT, width: CW, align: 'right', lineBreak: false });
  }
  return toBuffer(doc);
}
