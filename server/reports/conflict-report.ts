import { foldVietnamese } from '../../src/core/format/text';
import type { ConflictResult } from '../analysis/conflicts';
import { subjectTitle } from './conflict-labels';
import { conflictPdf } from './conflict-pdf';
import { conflictXlsx } from './conflict-xlsx';

export interface ReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** The conflict report as a file to download: PDF (A4, Vietnamese) or XLSX (the tables). */
export async function conflictReportFile(r: ConflictResult, format: 'pdf' | 'xlsx'): Promise<ReportFile> {
  const base = `kiem-tra-chong-lan-${foldVietnamese(subjectTitle(r)).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${r.date}`;
  return format === 'xlsx'
    ? { body: await conflictXlsx(r), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` }
    : { body: await conflictPdf(r), contentType: 'application/pdf', fileName: `${base}.pdf` };
}
