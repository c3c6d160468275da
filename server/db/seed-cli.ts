/** `npm run seed [-- --reset]`: loads the demo data into the configured database. */
import { loadConfig } from '../config';
import { openDatabase } from './database';
import { clearData, seed, seedIfEmpty } from './seed';

const config = loadConfig();
const reset = process.argv.includes('--reset');
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, seed: false, log: console.log });
try {
  if (reset) {
    await clearData(db.pool);
    await seed(db.pool);
    console.log('demo data reloaded (previous rows removed)');
  } else if (await seedIfEmpty(db.pool)) {
    console.log('demo data loaded');
  } else {
    console.log('database already has data; use `npm run seed -- --reset` to replace it with the demo data');
  }
} finally {
  await db.close();
}
