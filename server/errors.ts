import type { FastifyError, FastifyInstance } from 'fastify';

/** An error the client caused: answered with its status and a clear message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A PostgreSQL error as node-postgres reports it. */
interface PgError {
  code?: string;
  message: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

const isPgError = (e: unknown): e is PgError =>
  typeof e === 'object' && e !== null && typeof (e as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((e as PgError).code!);

/**
 * The database refusing what a client sent (a bad value, a broken rule, a
 * duplicate) is the client's mistake: 4xx with the database's reason. Anything
 * else stays a 500.
 */
export function clientErrorFromPg(e: unknown): HttpError | undefined {
  if (!isPgError(e)) return undefined;
  const c = e.code!;
  const where = { constraint: e.constraint, column: e.column };
  if (c === '23505') return new HttpError(409, 'DUPLICATE', `Đã tồn tại (already exists): ${e.detail ?? e.message}`, where);
  if (c === '23503') return new HttpError(422, 'REFERENCE', `Tham chiếu tới bản ghi không tồn tại (refers to a missing record): ${e.detail ?? e.message}`, where);
  if (c === '23514') return new HttpError(422, 'CONSTRAINT', `Vi phạm ràng buộc ${e.constraint ?? ''} (refused by rule)`, where);
  if (c === '23502') return new HttpError(400, 'MISSING_VALUE', `Thiếu giá trị bắt buộc ${e.column ?? ''} (missing required value)`, where);
  if (c.startsWith('22')) return new HttpError(400, 'INVALID_DATA', `Dữ liệu không hợp lệ (invalid data): ${e.message}`, where);
  if (c === 'XX000' && /GEOS|lwgeom|geometry|Geometry|ring|polygon|Polygon/.test(e.message)) {
    return new HttpError(422, 'GEOMETRY', `Hình học không hợp lệ (invalid geometry): ${e.message}`);
  }
  return undefined;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Every error leaves as `{ error: { code, message, details } }`; only our own faults are 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    const fromDb = clientErrorFromPg(err);
    if (fromDb) {
      return reply.status(fromDb.statusCode).send({ error: { code: fromDb.code, message: fromDb.message, details: fromDb.details } });
    }
    const fe = err as FastifyError;
    if (!fe.statusCode && /^(Unexpected end of (form|file|multipart data)|Malformed part header|Multipart: |Part terminated early|Malformed urlencoded form)/.test(fe.message)) {
      return reply.status(400).send({ error: { code: 'BAD_MULTIPART', message: `Dữ liệu tải lên bị hỏng (malformed upload): ${fe.message}` } });
    }
    if (fe.validation) {
      // Ajv does not name an unexpected property in its message: add it, so the message names the field.
      const extra = fe.validation.flatMap((v) => (v.keyword === 'additionalProperties' ? [String(v.params.additionalProperty)] : []));
      const message = extra.length ? `${fe.message}: ${extra.join(', ')}` : fe.message;
      return reply.status(400).send({
        error: { code: 'VALIDATION', message, details: fe.validation },
      });
    }
    const status = fe.statusCode ?? 500;
    if (status < 500) {
      return reply.status(status).send({ error: { code: fe.code ?? 'BAD_REQUEST', message: fe.message } });
    }
    req.log.error(err);
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Internal server error' } });
  });
}
