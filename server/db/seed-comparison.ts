/**
 * Seed step: the summary-only comparison provinces (data/seed/comparison/provinces.json,
 * published aggregate figures with their provenance) into comparison_provinces / comparison_figures.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { ProvinceSummary } from '../../src/core/reports/comparison';

export async function seedComparison(c: pg.PoolClient): Promise<void> {
  const file = new URL('../../data/seed/comparison/provinces.json', import.meta.url);
  const { provinces } = JSON.parse(readFileSync(file, 'utf8')) as { provinces: ProvinceSummary[] };
  for (const [i, p] of provinces.entries()) {
    await c.query(
      `INSERT INTO comparison_provinces (key, name, gso_code, merged_into, as_of, as_of_label, source, note, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [p.key, p.name, p.gso_code, p.merged_into, p.as_of, p.as_of_label, p.source, p.note, i],
    );
    await c.query(
      `INSERT INTO comparison_figures (province_key, metric, value, qualifier, published_text)
       SELECT $1, f->>'metric', (f->>'value')::numeric, f->>'qualifier', f->>'published_text'
       FROM json_array_elements($2::json) AS f`,
      [p.key, JSON.stringify(p.figures)],
    );
  }
}
