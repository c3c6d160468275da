/** Named, parameterised queries over decisions. Values only as $n. */

const columns = `id, cluster_id, number, date, issuer, kind, legal_regime, summary, source, version`;

export const clusterExists = `SELECT 1 FROM clusters WHERE id = $1`;

export const decisionsOfCluster = `SELECT ${columns} FROM decisions WHERE cluster_id = $1 ORDER BY date, id`;

export const lockDecision = `SELECT ${columns} FROM decisions WHERE id = $1 FOR UPDATE`;

export const insertDecision = `
  INSERT INTO decisions (cluster_id, number, date, issuer, kind, legal_regime, summary, source)
  VALUES ($1, $2, $3, $4, $5, $6, $7, 'user')
  RETURNING ${columns}`;

export const updateDecision = `
  UPDATE decisions SET number = $2, date = $3, issuer = $4, kind = $5, legal_regime = $6, summary = $7,
         version = version + 1, updated_at = now()
  WHERE id = $1
  RETURNING ${columns}`;

/** Boundary versions tied to a decision (a decision they depend on cannot be deleted). */
export const boundariesOfDecision = `SELECT id FROM cluster_boundaries WHERE decision_id = $1 ORDER BY id`;

export const deleteDecision = `DELETE FROM decisions WHERE id = $1`;
