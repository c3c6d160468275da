import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  staticDir: string;
  /** Optional online basemap (XYZ raster template or style URL); off by default. */
  basemapUrl: string | undefined;
  /** Parcels and owners readable without signing in (default false). */
  publicParcels: boolean;
  /** Password of the first admin account; without it a one-time password is printed. */
  adminPassword: string | undefined;
}

/** Reads the server configuration from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? './.data'),
    staticDir: resolve(env.STATIC_DIR ?? './dist'),
    basemapUrl: env.BASEMAP_URL || undefined,
    publicParcels: env.PUBLIC_PARCELS === 'true' || env.PUBLIC_PARCELS === '1',
    adminPassword: env.ADMIN_PASSWORD || undefined,
  };
}
