import { readFileSync } from 'node:fs';
import type pg from 'pg';

interface HistoryFeature {
  properties: { key: string; valid_to: string; note: string };
  geometry: unknown;
}

/**
 * Seed step: earlier (superseded) boundary versions of seeded clusters, from
 * data/seed/boundary-history.geojson (illustrative), so the boundary history has something to show.
 * Runs after the clusters step; the cluster is found by its name in data/seed/clusters.json.
 */
export async function seedBoundaryHistory(c: pg.PoolClient): Promise<void> {
  const read = <T>(p: string): T => JSON.parse(readFileSync(new URL(`../../data/seed/${p}`, import.meta.url), 'utf8')) as T;
  const { clusters } = read<{ clusters: { key: string; name: string }[] }>('clusters.json');
  const history = read<{ features: HistoryFeature[] }>('boundary-history.geojson');
  for (const f of history.features) {
    const name = clusters.find((x) => x.key === f.properties.key)?.name;
    const { rows } = await c.query<{ id: number }>('SELECT id FROM clusters WHERE name = $1', [name]);
    if (!rows[0]) throw new Error(`seed: cluster ${f.properties.key} not found`);
    await c.query(
      `INSERT INTO cluster_boundaries (cluster_id, decision_id, valid_from, valid_to, is_current, is_illustrative, note, geom)
       VALUES ($1, NULL, NULL, $2, false, true, $3, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)))`,
      [rows[0].id, f.properties.valid_to, f.properties.note, JSON.stringify(f.geometry)],
    );
  }
}
