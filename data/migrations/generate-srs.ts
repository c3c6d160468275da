/**
 * Writes 002_vn2000_srs.sql from the CRS table in src/core/crs/vn2000.ts, so the
 * browser's proj4 and PostGIS's spatial_ref_sys use the same strings.
 * A unit test (src/core/crs/srs-sql.test.ts) fails if the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { srsMigrationSql } from '../../src/core/crs/srs-sql';

writeFileSync(new URL('002_vn2000_srs.sql', import.meta.url), srsMigrationSql());
