/**
 * Heavy libraries that only some requests need, loaded on first use instead of at start
 * (exceljs and pdfkit together cost ~0,5 s of every cold start). Types come from `import type`.
 */
import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

export const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;
export const loadPdfKit = async (): Promise<typeof PDFDocument> => (await import('pdfkit')).default;
