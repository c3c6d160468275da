import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../config';
import type { Database } from '../db/database';

export type BasemapConfig = { kind: 'raster'; tiles: string } | { kind: 'style'; url: string };

/**
 * The optional online basemap from `BASEMAP_URL`: an XYZ raster template (with {z}/{x}/{y})
 * or a MapLibre style URL; null (off, the default) otherwise.
 * @example basemapConfig('https://tile.example.org/{z}/{x}/{y}.png') // → { kind: 'raster', tiles: … }
 */
export function basemapConfig(url: string | undefined): BasemapConfig | null {
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) return null;
  return /\{z\}/.test(url) && /\{x\}/.test(url) && /\{y\}/.test(url) ? { kind: 'raster', tiles: url } : { kind: 'style', url };
}

/** What the front end needs to know of the server's configuration. */
export function configRoutes(app: FastifyInstance, _db: Database): void {
  const basemap = basemapConfig(loadConfig().basemapUrl);
  app.get(
    '/api/config',
    {
      schema: {
        summary: 'Front-end configuration: the optional online basemap (BASEMAP_URL; off by default)',
        tags: ['reference'],
        response: {
          200: {
            type: 'object',
            properties: {
              basemap: {
                type: ['object', 'null'],
                properties: { kind: { type: 'string', enum: ['raster', 'style'] }, tiles: { type: 'string' }, url: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    async () => ({ basemap }),
  );
}
