import { existsSync } from 'node:fs';
import { lazyCompilersFactory } from './http/lazy-schemas';
import { join } from 'node:path';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { registerAuth, type AuthOptions } from './auth/plugin';
import type { Database } from './db/database';
import { registerErrorHandler } from './errors';
import { registerRoutes } from './routes';
import { auditRoutes } from './routes/audit.route';
import { authRoutes } from './routes/auth.route';
import { userRoutes } from './routes/users.route';

export interface AppOptions {
  db: Database;
  /** Built front end (vite build output); served at / when present. */
  staticDir?: string | undefined;
  logger?: boolean;
  /** Origin of the optional online basemap, allowed by the Content-Security-Policy. */
  basemapOrigin?: string | undefined;
  /** Read access to parcels (default: signed-in users only). */
  auth?: AuthOptions;
}

/** Builds the HTTP application (no listen), so tests can `inject` requests. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    schemaController: { compilersFactory: lazyCompilersFactory },
    // Malformed URLs and content types answer in our error shape too.
    frameworkErrors: (err, _req, reply) => {
      void (reply as FastifyReply).status(err.statusCode ?? 400).send({ error: { code: err.code ?? 'BAD_REQUEST', message: err.message } });
    },
  });
  registerErrorHandler(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React style attributes; MapLibre sets inline styles on its canvas and controls.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(opts.basemapOrigin ? [opts.basemapOrigin] : [])],
        connectSrc: ["'self'", ...(opts.basemapOrigin ? [opts.basemapOrigin] : [])],
        workerSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ccn-map API',
        description: 'Industrial clusters (CCN) of a Vietnamese province: registry, boundaries, analysis.',
        version: '0.1.0',
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await registerAuth(app, opts.db, opts.auth ?? { publicParcels: false });
  authRoutes(app, opts.db);
  userRoutes(app, opts.db);
  auditRoutes(app, opts.db);
  await registerRoutes(app, opts.db);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const staticDir = opts.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: staticDir, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      // API clients (and GDAL/QGIS on /ogc) get a JSON 404, never the app's index.html.
      if (/^\/(api|ogc|fonts)(\/|$|\?)/.test(req.url) || req.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url}` } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${req.method} ${req.url}` } }),
    );
  }
  return app;
}
