/**
 * `npm run backup -- [file]` and `npm run restore -- <file>` on the configured
 * database (DATABASE_URL, else the embedded one in DATA_DIR).
 */
import { loadConfig } from '../config';
import { backup, restore } from './backup';
import { openDatabase } from './database';

const [mode, fileArg] = process.argv.slice(2);
if (mode !== 'backup' && mode !== 'restore') {
  console.error('usage: backup-cli.ts backup [file] | restore <file>');
  process.exit(2);
}
const file = fileArg ?? `ccn-map-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson.gz`;
if (mode === 'restore' && !fileArg) {
  console.error('restore needs the backup file');
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seed: false, log: console.log });
try {
  const counts = mode === 'backup' ? await backup(db.pool, file) : await restore(db.pool, file);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`${mode === 'backup' ? 'backed up' : 'restored'} ${total} rows (${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}) ${mode === 'backup' ? 'to' : 'from'} ${file}`);
} catch (err) {
  console.error(`${mode} failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
