import type pg from 'pg';

/** Zone ids verified per step: small enough that a step never holds the embedded database long. */
const STEP = 10_000;

/**
 * Verifies the plan layers marked `unknown` after a bulk write (migration 064): a layer whose
 * zones never overlap one another is marked `free`, and the conflict check then sums its pieces
 * instead of unioning them. Goes in steps of zone ids (other queries run between the steps); a
 * bulk write that comes in between leaves the layer unknown for the next call. Answers the layers
 * verified and their states.
 */
export async function checkPlanLayerOverlaps(pool: pg.Pool, log: (m: string) => void = () => undefined): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const { rows } = await pool.query<{ layer_id: string; bulk_seq: string }>(
    "SELECT layer_id, bulk_seq FROM derived.plan_layer_overlaps WHERE state = 'unknown' ORDER BY layer_id",
  );
  for (const { layer_id: layer, bulk_seq: seq } of rows) {
    const t0 = Date.now();
    const range = (await pool.query<{ lo: number | null; hi: number | null }>('SELECT min(id) AS lo, max(id) AS hi FROM plan_zones WHERE layer_id = $1', [layer])).rows[0]!;
    let overlapping = false;
    if (range.lo !== null && range.hi !== null) {
      for (let lo = range.lo; lo <= range.hi && !overlapping; lo += STEP) {
        overlapping = (await pool.query<{ x: boolean }>('SELECT derived.layer_overlaps_in($1, $2, $3) AS x', [layer, lo, lo + STEP])).rows[0]!.x;
      }
    }
    const state = overlapping ? 'overlapping' : 'free';
    const done = await pool.query(
      `UPDATE derived.plan_layer_overlaps SET state = $2, checked_at = clock_timestamp()
       WHERE layer_id = $1 AND state = 'unknown' AND bulk_seq = $3`,
      [layer, state, seq],
    );
    if (done.rowCount) out[layer] = state;
    log(`plan layer ${layer}: ${done.rowCount ? state : 'written meanwhile, left for the next check'} (${Date.now() - t0} ms)`);
  }
  return out;
}
