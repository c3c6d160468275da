/** Entry point: `npm start` (after `vite build`) or `npm run serve`. */
import { buildApp } from './app';
import { ensureFirstAdmin } from './auth/users';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { basemapOrigin } from './http/basemap-origin';
import { checkPlanLayerOverlaps } from './analysis/layer-overlaps';

const config = loadConfig();
const log = (msg: string) => console.log(`[ccn-map] ${msg}`);
const t0 = Date.now();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
await ensureFirstAdmin(db.pool, log, config.adminPassword);
const app = await buildApp({
  db,
  staticDir: config.staticDir,
  basemapOrigin: basemapOrigin(config.basemapUrl),
  auth: { publicParcels: config.publicParcels },
});
await app.listen({ port: config.port, host: config.host });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : config.port;
log(`database: ${db.backend} (PostGIS ${db.capabilities.postgisVersion})`);
log(`ready in ${Date.now() - t0} ms at http://${config.host}:${port}/`);
// Plan layers left unverified by a bulk write (migration 064) are verified in the background, in steps.
checkPlanLayerOverlaps(db.pool, log).catch((err: Error) => log(`plan layer overlap check: ${err.message}`));

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log(`${signal}: shutting down`);
  await app.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
