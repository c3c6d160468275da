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

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Every error leaves as `{ error: { code, message, details } }`; only our own faults are 5xx. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    const fe = err as FastifyError;
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
