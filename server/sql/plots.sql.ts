/** Named, parameterised queries over plots and their holders. Values only as $n. */

/** Columns of a plot feature: plane area in the cluster's TM-3 CRS and the project holding it now. */
const plotColumns = `
  p.id, p.cluster_id, p.code, p.land_use, p.plan_area_ha, p.note, p.is_synthetic, p.version,
  round(h.area_ha::numeric, 4) AS area_ha,
  pr.id AS project_id, pr.name AS project_name, pr.investor_name, pr.capital_origin,
  pr.status AS project_status, h.leased_on,
  ST_AsGeoJSON(ST_PointOnSurface(p.geom), 7)::json AS label_point,
  ST_AsGeoJSON(p.geom, 9)::json AS geometry`;

const plotFrom = `
  FROM plots p
  JOIN plot_holdings h ON h.plot_id = p.id
  LEFT JOIN projects pr ON pr.id = h.project_id`;

export const plotsOfCluster = `SELECT ${plotColumns} ${plotFrom} WHERE p.cluster_id = $1 ORDER BY p.land_use <> 'industrial', p.code`;

export const plotById = `SELECT ${plotColumns} ${plotFrom} WHERE p.id = $1`;

/** Locks the plot row for a write; answers its cluster, code, land use, version and active holder. */
export const lockPlot = `
  SELECT p.id, p.cluster_id, p.code, p.land_use, p.version,
         (SELECT l.project_id FROM project_plots l WHERE l.plot_id = p.id AND l.released_on IS NULL) AS holder_id
  FROM plots p WHERE p.id = $1 FOR UPDATE`;

export const plotCodeTaken = `SELECT 1 FROM plots WHERE cluster_id = $1 AND code = $2 AND id <> coalesce($3::int, 0)`;

export const insertPlot = `
  INSERT INTO plots (cluster_id, code, land_use, plan_area_ha, note, properties, geom)
  VALUES ($1, $2, $3, $4, $5, coalesce($6::jsonb, '{}'::jsonb), ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($7), 4326))))
  RETURNING id`;

/** Partial update: a null parameter keeps the column (plan_area_ha/note use a flag to allow null). */
export const updatePlot = `
  UPDATE plots SET
    code = coalesce($2, code),
    land_use = coalesce($3, land_use),
    plan_area_ha = CASE WHEN $4::boolean THEN $5::numeric ELSE plan_area_ha END,
    note = CASE WHEN $6::boolean THEN $7::text ELSE note END,
    geom = coalesce(ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON($8), 4326))), geom),
    version = version + 1, updated_at = now()
  WHERE id = $1`;

export const deletePlot = `DELETE FROM plots WHERE id = $1`;

export const bumpPlot = `UPDATE plots SET version = version + 1, updated_at = now() WHERE id = $1`;

export const insertHolding = `INSERT INTO project_plots (project_id, plot_id, leased_on) VALUES ($1, $2, $3)`;

export const releaseHolding = `
  UPDATE project_plots SET released_on = greatest($2::date, leased_on)
  WHERE plot_id = $1 AND released_on IS NULL RETURNING project_id, leased_on, released_on`;

/** Vacant industrial plots of a cluster: what the infrastructure investor must publish (Decree 32/2024 Art. 19). */
export const vacantPlots = `
  SELECT h.plot_id AS id, h.code, round(h.area_ha::numeric, 4) AS area_ha,
         ST_AsGeoJSON(ST_PointOnSurface(p.geom), 7)::json AS label_point
  FROM plot_holdings h JOIN plots p ON p.id = h.plot_id
  WHERE h.cluster_id = $1 AND h.land_use = 'industrial' AND NOT h.occupied
  ORDER BY h.code`;

const occupancyColumns = `
  c.id AS cluster_id, c.name AS cluster_name, c.industrial_land_ha, c.leased_land_ha, c.investment_approved_land_ha,
  o.plot_count, o.industrial_plot_count, o.occupied_plot_count, o.plan_area_ha, o.industrial_area_ha,
  o.occupied_area_ha, o.vacant_area_ha, o.occupancy_pct`;

export const occupancyOfCluster = `
  SELECT ${occupancyColumns} FROM clusters c LEFT JOIN cluster_occupancy_computed o ON o.cluster_id = c.id WHERE c.id = $1`;

export const occupancyOfAll = `
  SELECT ${occupancyColumns} FROM clusters c LEFT JOIN cluster_occupancy_computed o ON o.cluster_id = c.id ORDER BY c.name`;

export const clusterExists = `SELECT id, tm3_srid FROM clusters WHERE id = $1`;
