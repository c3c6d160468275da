/**
 * Keeps derived.plan_overview (migration 061) in step with plan_zones: dirty cells are rebuilt
 * level by level (13 from plan_zones, 11 from 13, 9 from 11), each batch in its own transaction
 * that also marks the parent cells dirty, so an interrupted refresh simply resumes.
 */
import type pg from 'pg';
import { withTransaction } from '../db/database';
import { pixelDegrees } from './tile-math';

export const OVERVIEW_LEVELS = [13, 11, 9] as const;
type Level = (typeof OVERVIEW_LEVELS)[number];

/** Simplification of a level's pieces: half a pixel at the finest zoom the level serves. */
const levelTolerance = (level: Level) => pixelDegrees(level === 13 ? 12 : level) / 2;

/** One advisory lock serialises refreshers (two tile requests never rebuild the same cell twice). */
const LOCK_KEY = 6_100_613;

const clean = (g: string, tol: string) =>
  `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SimplifyPreserveTopology(${g}, ${tol})), 3))`;

const BUILD: Record<Level, string> = {
  13: `
    INSERT INTO derived.plan_overview (level, cx, cy, layer_id, land_code, zones, geom)
    SELECT * FROM (
      SELECT 13, c.cx, c.cy, z.layer_id, z.land_code, count(*)::int,
             ${clean('ST_Intersection(ST_Union(z.geom), ST_Transform(ST_TileEnvelope(13, c.cx, c.cy), 4326))', '$3')} AS geom
      FROM unnest($1::int[], $2::int[]) AS c(cx, cy)
      JOIN plan_zones z ON z.geom && ST_Transform(ST_TileEnvelope(13, c.cx, c.cy), 4326)
      GROUP BY c.cx, c.cy, z.layer_id, z.land_code
    ) AS b WHERE NOT ST_IsEmpty(b.geom)`,
  11: childrenBuild(11, 13),
  9: childrenBuild(9, 11),
};

function childrenBuild(level: number, child: number): string {
  const k = 2 ** (child - level);
  return `
    INSERT INTO derived.plan_overview (level, cx, cy, layer_id, land_code, zones, geom)
    SELECT * FROM (
      SELECT ${level}, p.cx, p.cy, o.layer_id, o.land_code, sum(o.zones)::int, ${clean('ST_Union(o.geom)', '$3')} AS geom
      FROM unnest($1::int[], $2::int[]) AS p(cx, cy)
      JOIN derived.plan_overview o ON o.level = ${child}
        AND o.cx BETWEEN p.cx * ${k} AND p.cx * ${k} + ${k - 1} AND o.cy BETWEEN p.cy * ${k} AND p.cy * ${k} + ${k - 1}
      GROUP BY p.cx, p.cy, o.layer_id, o.land_code
    ) AS b WHERE NOT ST_IsEmpty(b.geom)`;
}

interface Cell {
  cx: number;
  cy: number;
}

/** Rebuilds the given cells of one level (those still dirty) in one transaction; returns how many. */
async function rebuild(pool: pg.Pool, level: Level, cells: Cell[]): Promise<number> {
  if (!cells.length) return 0;
  return withTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    const { rows } = await c.query<Cell>(
      `DELETE FROM derived.overview_dirty d USING unnest($2::int[], $3::int[]) AS u(cx, cy)
       WHERE d.level = $1 AND d.cx = u.cx AND d.cy = u.cy RETURNING d.cx, d.cy`,
      [level, cells.map((x) => x.cx), cells.map((x) => x.cy)],
    );
    if (!rows.length) return 0;
    const xs = rows.map((r) => r.cx);
    const ys = rows.map((r) => r.cy);
    await c.query(
      `DELETE FROM derived.plan_overview o USING unnest($2::int[], $3::int[]) AS u(cx, cy)
       WHERE o.level = $1 AND o.cx = u.cx AND o.cy = u.cy`,
      [level, xs, ys],
    );
    await c.query(BUILD[level], [xs, ys, levelTolerance(level)]);
    if (level > 9) {
      await c.query(
        `INSERT INTO derived.overview_dirty (level, cx, cy)
         SELECT DISTINCT $1::smallint, u.cx >> 2, u.cy >> 2 FROM unnest($2::int[], $3::int[]) AS u(cx, cy)
         ON CONFLICT DO NOTHING`,
        [level - 2, xs, ys],
      );
    }
    return rows.length;
  });
}

/** Dirty cells of a level inside a range of LEVEL-13 cells (all of them when no range). */
async function dirtyCells(pool: pg.Pool, level: Level, r?: { x0: number; x1: number; y0: number; y1: number }): Promise<Cell[]> {
  if (!r) return (await pool.query<Cell>('SELECT cx, cy FROM derived.overview_dirty WHERE level = $1 ORDER BY cy, cx', [level])).rows;
  const s = 13 - level;
  return (
    await pool.query<Cell>(
      `SELECT cx, cy FROM derived.overview_dirty WHERE level = $1
       AND cx BETWEEN $2 AND $3 AND cy BETWEEN $4 AND $5 ORDER BY cy, cx`,
      [level, r.x0 >> s, r.x1 >> s, r.y0 >> s, r.y1 >> s],
    )
  ).rows;
}

/**
 * Makes the overview cells that a range of level-13 cells depends on current (cheap when nothing
 * is dirty: one indexed query per level). Levels are rebuilt down to `downTo` only.
 */
export async function ensureOverview(
  pool: pg.Pool,
  range: { x0: number; x1: number; y0: number; y1: number },
  downTo: Level,
): Promise<number> {
  let n = 0;
  for (const level of OVERVIEW_LEVELS) {
    if (level < downTo) break;
    n += await rebuild(pool, level, await dirtyCells(pool, level, range));
  }
  return n;
}

/** Rebuilds every dirty cell (after a bulk import), in batches; reports progress. */
export async function refreshOverview(pool: pg.Pool, onProgress?: (level: number, done: number, total: number) => void): Promise<{ cells: number }> {
  let cells = 0;
  for (const level of OVERVIEW_LEVELS) {
    const all = await dirtyCells(pool, level);
    for (let i = 0; i < all.length; i += 16) {
      cells += await rebuild(pool, level, all.slice(i, i + 16));
      onProgress?.(level, Math.min(i + 16, all.length), all.length);
    }
  }
  return { cells };
}
