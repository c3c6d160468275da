import { createRequire } from 'node:module';
import { loadPdfKit } from '../lazy-libs';

const require = createRequire(import.meta.url);

/** Noto Sans (OFL) has every Vietnamese glyph precomposed; pdfkit's standard fonts have none. */
export const FONT_REGULAR = require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
export const FONT_BOLD = require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf');

/**
 * Text options for every call: the font's `ccmp` feature decomposes precomposed letters
 * (ệ → e + marks), which makes the PDF's text layer read back wrong ("Điềụ" for "Điều").
 * Turned off, each letter is one glyph and pdftotext / copy-paste get the right text.
 */
export const TEXT = { features: { ccmp: false } } as unknown as PDFKit.Mixins.TextOptions;

export type Doc = PDFKit.PDFDocument;

/** Noto Sans has no ≥ ≤ →: say them in words (the report is in Vietnamese). */
export const pdfText = (s: string): string => s.replace(/≥\s?/g, 'tối thiểu ').replace(/≤\s?/g, 'tối đa ').replace(/→/g, '-');

export const PAGE = { width: 595.28, height: 841.89, margin: 40 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

const parsed: Partial<Record<'regular' | 'bold', unknown>> = {};

export async function newDocument(title: string): Promise<Doc> {
  const doc = new (await loadPdfKit())({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: PAGE.margin + 14, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    info: { Title: title, Creator: 'ccn-map', Producer: 'ccn-map (pdfkit)' },
    lang: 'vi-VN',
  } as PDFKit.PDFDocumentOptions);
  // Parsing Noto Sans's tables is most of the cost of a report: parse each face once and hand
  // the parsed font (pdfkit accepts any object with `layout`) to every later document.
  for (const [name, path] of [['bold', FONT_BOLD], ['regular', FONT_REGULAR]] as const) {
    doc.registerFont(name, (parsed[name] ?? path) as string);
    doc.font(name);
    parsed[name] ??= (doc as unknown as { _font: { font: unknown } })._font.font;
  }
  return doc;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** Starts a new page when fewer than `h` points are left. */
export function ensureSpace(doc: Doc, h: number): void {
  if (doc.y + h > PAGE.height - PAGE.margin - 14) doc.addPage();
}

export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6).font('bold').fontSize(11.5).fillColor('#1a1a1a').text(text, PAGE.margin, doc.y, { ...TEXT, width: CONTENT_WIDTH });
  doc.moveDown(0.25).font('regular').fontSize(9);
}

/**
 * A simple ruled table: header row in bold on grey, rows wrapped to their columns,
 * repeated header after a page break. `fills` colours a row's first cell (a swatch).
 */
export function table(doc: Doc, columns: Column[], rows: string[][], opts: { swatches?: (string | undefined)[]; fontSize?: number } = {}): void {
  const size = opts.fontSize ?? 8.5;
  const pad = 3;
  const x0 = PAGE.margin;
  const drawRow = (cells: string[], bold: boolean, fill?: string, swatch?: string) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { ...TEXT, width: columns[i]!.width - 2 * pad }))) + 2 * pad;
    if (doc.y + h > PAGE.height - PAGE.margin - 14) {
      doc.addPage();
      if (!bold) drawRow(columns.map((c) => c.header), true, '#e8e8e8');
      doc.font(bold ? 'bold' : 'regular').fontSize(size);
    }
    const y = doc.y;
    let x = x0;
    if (fill) doc.rect(x0, y, CONTENT_WIDTH, h).fill(fill);
    if (swatch) doc.rect(x0, y, 4, h).fill(swatch);
    doc.fillColor('#111111');
    cells.forEach((c, i) => {
      const col = columns[i]!;
      doc.text(c, x + pad + (i === 0 && swatch ? 3 : 0), y + pad, { ...TEXT, width: col.width - 2 * pad, align: col.align ?? 'left' });
      x += col.width;
    });
    doc.moveTo(x0, y + h).lineTo(x0 + CONTENT_WIDTH, y + h).lineWidth(0.4).strokeColor('#b0b0b0').stroke();
    doc.x = x0;
    doc.y = y + h;
  };
  drawRow(columns.map((c) => c.header), true, '#e8e8e8');
  rows.forEach((r, i) => drawRow(r, false, undefined, opts.swatches?.[i]));
  doc.moveDown(0.3);
}

/** Page numbers and a footer line on every page. */
export function footers(doc: Doc, text: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit open a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - PAGE.margin + 2;
    doc.font('regular').fontSize(7.5).fillColor('#666666');
    doc.text(text, PAGE.margin, y, { ...TEXT, width: CONTENT_WIDTH - 60, lineBreak: false });
    doc.text(`Trang ${i + 1}/${range.count}`, PAGE.width - PAGE.margin - 60, y, { ...TEXT, width: 60, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The finished document as bytes. */
export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
