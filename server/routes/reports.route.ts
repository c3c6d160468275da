import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Grouping } from '../../src/core/reports/aggregate';
import { GROUPINGS } from '../../src/core/reports/aggregate';
import { buildForm } from '../../src/core/reports/forms';
import type { TableModel } from '../../src/core/reports/model';
import {
  FORM_IDS, dueDate, latestClosedPeriod, parsePeriodId, periodLabel, recentPeriods, todayInVietnam, type FormId, type ReportPeriod,
} from '../../src/core/reports/periods';
import type { ProvinceReport } from '../../src/core/reports/report';
import { DASHBOARD_TABLES, dashboardTables, type DashboardTable } from '../../src/core/reports/tables';
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { tableToCsv } from '../reports/periodic/csv';
import { tableToHtml } from '../reports/periodic/html';
import { listProvinces, loadReport } from '../reports/periodic/load';
import { tableToPdf } from '../reports/periodic/pdf';
import { tableToXlsx } from '../reports/periodic/xlsx';
import { errorSchema } from '../schemas/geojson.schema';

const provinceSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,40}$', description: 'GSO code of a registry province (e.g. 20) or a summary data set key (bac-giang, tuyen-quang)' } as const;
const periodSchema = { type: 'string', pattern: '^(now|[0-9]{4}(-H1)?)$', description: "'YYYY-H1' (15/12 → 14/06), 'YYYY' (15/12 → 14/12) or 'now'" } as const;
const groupSchema = { type: 'string', enum: [...GROUPINGS], description: 'district = unit at decision time (legacy district); commune / province = current units' } as const;
const errors = { 400: errorSchema, 404: errorSchema, 422: errorSchema };
const looseObject = { type: 'object', additionalProperties: true } as const;

interface ScopeQuery {
  province: string;
  period?: string;
  group?: Grouping;
}
const scopeProperties = { province: provinceSchema, period: periodSchema, group: groupSchema } as const;

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
} as const;

function periodOf(id: string | undefined, today: string): ReportPeriod | null {
  if (id === undefined) return latestClosedPeriod(today);
  if (id === 'now') return null;
  const p = parsePeriodId(id);
  if (!p) throw new HttpError(400, 'BAD_PERIOD', `Kỳ báo cáo không hợp lệ: ${id} (use YYYY-H1, YYYY or now)`);
  if (p.start > today) throw new HttpError(422, 'FUTURE_PERIOD', `Kỳ báo cáo ${id} chưa bắt đầu (period has not started; it starts ${p.start})`);
  return p;
}

/** Default grouping: communes report from 01/07/2025 (districts abolished), districts before. */
const defaultGrouping = (p: ReportPeriod | null, today: string): Grouping => ((p?.end ?? today) >= '2025-07-01' ? 'commune' : 'district');

async function scope(db: Database, q: ScopeQuery, defaultPeriod: 'latest' | 'now'): Promise<ProvinceReport> {
  const today = todayInVietnam();
  const period = periodOf(q.period ?? (defaultPeriod === 'now' ? 'now' : undefined), today);
  return loadReport(db.pool, { province: q.province, period, grouping: q.group ?? defaultGrouping(period, today) });
}

async function send(reply: FastifyReply, t: TableModel, asOf: string, format: 'xlsx' | 'csv' | 'html' | 'pdf' | 'json') {
  if (format === 'json') return t;
  const body = format === 'xlsx' ? await tableToXlsx(t, asOf) : format === 'pdf' ? await tableToPdf(t, asOf) : format === 'csv' ? tableToCsv(t) : tableToHtml(t);
  const disposition = format === 'html' ? 'inline' : 'attachment';
  return reply
    .type(MIME[format])
    .header('Content-Disposition', `${disposition}; filename="${t.fileName}.${format}"`)
    .header('Cache-Control', 'no-store')
    .send(body);
}

export function reportRoutes(app: FastifyInstance, db: Database): void {
  app.get(
    '/api/reports/periods',
    {
      schema: {
        summary: 'Reporting periods of Circular 14/2024/TT-BCT started by today, newest first, with due dates of Biểu 02/03/04',
        tags: ['reports'],
        response: {
          200: {
            type: 'object',
            properties: {
              today: { type: 'string' },
              latest_closed: { type: 'string' },
              periods: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' }, kind: { type: 'string' }, year: { type: 'integer' }, start: { type: 'string' }, end: { type: 'string' },
                    closed: { type: 'boolean' }, label_vi: { type: 'string' }, label_en: { type: 'string' },
                    due: { type: 'object', properties: { b02: { type: 'string' }, b03: { type: 'string' }, b04: { type: 'string' } } },
                  },
                },
              },
            },
          },
        },
      },
    },
    async () => {
      const today = todayInVietnam();
      return {
        today,
        latest_closed: latestClosedPeriod(today).id,
        periods: recentPeriods(today, 8).map((p) => ({
          ...p,
          closed: p.end < today,
          label_vi: periodLabel(p, 'vi'),
          label_en: periodLabel(p, 'en'),
          due: Object.fromEntries(FORM_IDS.map((f) => [f, dueDate(p, f)])),
        })),
      };
    },
  );

  app.get(
    '/api/reports/provinces',
    {
      schema: {
        summary: 'Provinces the dashboard can show: registry provinces (full data) and summary-only comparison data sets',
        tags: ['reports'],
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                key: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', enum: ['registry', 'summary'] },
                clusters: { type: ['number', 'null'] }, as_of_label: { type: ['string', 'null'] },
              },
            },
          },
        },
      },
    },
    async () => listProvinces(db.pool),
  );

  app.get<{ Querystring: ScopeQuery }>(
    '/api/reports/dashboard',
    {
      schema: {
        summary: 'Dashboard data of a province at the end of a period (or now): every cluster’s figures, totals by unit and for the province',
        tags: ['reports'],
        querystring: { type: 'object', required: ['province'], additionalProperties: false, properties: scopeProperties },
        response: { 200: looseObject, ...errors },
      },
    },
    async (req) => scope(db, req.query, 'now'),
  );

  app.get<{ Params: { form: FormId }; Querystring: ScopeQuery & { format?: 'xlsx' | 'csv' | 'html' | 'pdf' | 'json'; cluster?: number; unit?: string } }>(
    '/api/reports/forms/:form',
    {
      schema: {
        summary: 'Biểu 02 (per cluster), 03 (per commune / legacy district) or 04 (province) for a period, as XLSX, CSV, printable HTML, PDF or JSON',
        tags: ['reports'],
        params: { type: 'object', required: ['form'], additionalProperties: false, properties: { form: { type: 'string', enum: [...FORM_IDS] } } },
        querystring: {
          type: 'object',
          required: ['province'],
          additionalProperties: false,
          properties: {
            ...scopeProperties,
            format: { type: 'string', enum: ['xlsx', 'csv', 'html', 'pdf', 'json'], default: 'xlsx' },
            cluster: { type: 'integer', minimum: 1, description: 'Biểu 02 of one cluster' },
            unit: { type: 'string', pattern: '^[a-z0-9]{1,10}$', description: 'Biểu 03 of one administrative unit (code)' },
          },
        },
        response: { ...errors },
      },
    },
    async (req, reply) => {
      const r = await scope(db, req.query, 'latest');
      let t: TableModel;
      try {
        t = buildForm(req.params.form, r, { clusterId: req.query.cluster, unit: req.query.unit });
      } catch (e) {
        if (e instanceof RangeError) throw new HttpError(422, 'SUMMARY_ONLY', `${e.message} (chỉ có số liệu tổng hợp: dùng Biểu 04)`);
        throw e;
      }
      if (req.query.cluster !== undefined && t.rows.length === 0) throw new HttpError(404, 'NOT_FOUND', `Cụm ${req.query.cluster} không có trong kỳ báo cáo (no such cluster at the period's end)`);
      if (req.query.unit !== undefined && t.rows.length === 0) throw new HttpError(404, 'NOT_FOUND', `Đơn vị ${req.query.unit} không có cụm nào (no cluster in that unit)`);
      return send(reply, t, r.asOf, req.query.format ?? 'xlsx');
    },
  );

  app.get<{ Params: { table: DashboardTable }; Querystring: ScopeQuery & { format?: 'xlsx' | 'csv' | 'json'; locale?: 'vi' | 'en' } }>(
    '/api/reports/tables/:table',
    {
      schema: {
        summary: 'A dashboard table (status, clusters, units, clearance, published) as CSV, XLSX or JSON',
        tags: ['reports'],
        params: { type: 'object', required: ['table'], additionalProperties: false, properties: { table: { type: 'string', enum: [...DASHBOARD_TABLES] } } },
        querystring: {
          type: 'object',
          required: ['province'],
          additionalProperties: false,
          properties: {
            ...scopeProperties,
            format: { type: 'string', enum: ['xlsx', 'csv', 'json'], default: 'csv' },
            locale: { type: 'string', enum: ['vi', 'en'], default: 'vi' },
          },
        },
        response: { ...errors },
      },
    },
    async (req, reply) => {
      const r = await scope(db, req.query, 'now');
      const t = dashboardTables(r, req.query.locale ?? 'vi')[req.params.table];
      if (!t) throw new HttpError(404, 'NO_TABLE', `Bảng ${req.params.table} không có cho ${r.province.name} (table not available for this province)`);
      return send(reply, t, r.asOf, req.query.format ?? 'csv');
    },
  );
}
