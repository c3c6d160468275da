import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { slimPostgis } from './postgis-bundle';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { oneReadyForQueryPerSync } from './pglite-protocol';

export interface EmbeddedDatabase {
  /** A postgres:// URL the ordinary `pg` client connects to. */
  url: string;
  close(): Promise<void>;
}

/** Connections the socket multiplexer accepts; must exceed every pool's size. */
const MAX_CONNECTIONS = 32;

/**
 * Starts PGlite with PostGIS in a persisted directory and serves it on a local
 * TCP port through pglite-socket, so the server talks to it with `pg` like any
 * PostgreSQL. Queries are serialised by the multiplexer: never wait on a second
 * connection while a transaction is open on the first.
 */
export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create({ dataDir: dir, extensions: { postgis: slimPostgis } });
  oneReadyForQueryPerSync(db); // else a failed statement leaves the connection one answer behind
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const port = (server as unknown as { port: number }).port;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
