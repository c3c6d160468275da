/** Named, parameterised queries over inspections and violations. Values only as $n. */

const violationJson = `json_build_object('id', v.id, 'inspection_id', v.inspection_id, 'description', v.description,
  'deadline', v.deadline, 'follow_up_status', v.follow_up_status, 'resolved_on', v.resolved_on,
  'follow_up_note', v.follow_up_note, 'version', v.version,
  'overdue', v.follow_up_status <> 'resolved' AND v.deadline < $2::date)`;

const inspectionColumns = `
  i.id, i.cluster_id, i.project_id, pr.name AS project_name, i.date, i.agency, i.scope, i.findings, i.is_synthetic, i.version,
  coalesce((SELECT json_agg(${violationJson} ORDER BY v.deadline, v.id) FROM violations v WHERE v.inspection_id = i.id), '[]'::json) AS violations`;

/** $1 cluster, $2 the date "overdue" is judged at. */
export const inspectionsOfCluster = `
  SELECT ${inspectionColumns} FROM inspections i LEFT JOIN projects pr ON pr.id = i.project_id
  WHERE i.cluster_id = $1 ORDER BY i.date DESC, i.id DESC`;

/** $1 inspection id, $2 the date "overdue" is judged at. */
export const inspectionById = `
  SELECT ${inspectionColumns} FROM inspections i LEFT JOIN projects pr ON pr.id = i.project_id WHERE i.id = $1`;

export const lockInspection = `SELECT id, cluster_id, project_id, date, version FROM inspections WHERE id = $1 FOR UPDATE`;

export const projectCluster = `SELECT cluster_id FROM projects WHERE id = $1`;

export const insertInspection = `
  INSERT INTO inspections (cluster_id, project_id, date, agency, scope, findings) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`;

export const inspectionRowForMerge = `SELECT project_id, date, agency, scope, findings FROM inspections WHERE id = $1`;

export const updateInspection = `
  UPDATE inspections SET project_id = $2, date = $3, agency = $4, scope = $5, findings = $6, version = version + 1, updated_at = now()
  WHERE id = $1`;

export const deleteInspection = `DELETE FROM inspections WHERE id = $1`;

export const insertViolation = `
  INSERT INTO violations (inspection_id, description, deadline, follow_up_status, resolved_on, follow_up_note)
  VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`;

export const lockViolation = `
  SELECT v.id, v.inspection_id, i.cluster_id, v.description, v.deadline, v.follow_up_status, v.resolved_on, v.follow_up_note, v.version
  FROM violations v JOIN inspections i ON i.id = v.inspection_id WHERE v.id = $1 FOR UPDATE OF v`;

export const violationById = `
  SELECT v.id, v.inspection_id, v.description, v.deadline, v.follow_up_status, v.resolved_on, v.follow_up_note, v.version,
         v.follow_up_status <> 'resolved' AND v.deadline < $2::date AS overdue
  FROM violations v WHERE v.id = $1`;

export const updateViolation = `
  UPDATE violations SET description = $2, deadline = $3, follow_up_status = $4, resolved_on = $5, follow_up_note = $6,
         version = version + 1, updated_at = now()
  WHERE id = $1`;

export const deleteViolation = `DELETE FROM violations WHERE id = $1`;

/** Violations not resolved by their deadline, as of $2 (optionally in cluster $1). */
export const overdueViolations = `
  SELECT v.id, v.inspection_id, i.cluster_id, c.name AS cluster_name, i.project_id, pr.name AS project_name,
         i.date AS inspection_date, i.agency, v.description, v.deadline, v.follow_up_status,
         ($2::date - v.deadline)::int AS days_overdue, v.version
  FROM violations v
  JOIN inspections i ON i.id = v.inspection_id
  JOIN clusters c ON c.id = i.cluster_id
  LEFT JOIN projects pr ON pr.id = i.project_id
  WHERE v.follow_up_status <> 'resolved' AND v.deadline < $2::date AND ($1::int IS NULL OR i.cluster_id = $1)
  ORDER BY v.deadline, v.id`;
