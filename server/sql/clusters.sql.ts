/** Named, parameterised queries over clusters. Values only as $n. */

const clusterColumns = `
  c.id, c.name, c.status, c.is_craft_village, c.is_mountainous, c.investor_name, c.investor_type,
  c.industries, c.declared_area_ha, c.industrial_land_ha, c.ready_land_ha, c.leased_land_ha,
  c.investment_approved_land_ha,
  c.projects_count, c.fdi_projects_count, c.operating_projects_count, c.registered_capital_bn_vnd,
  c.workers, c.wwtp_built, c.wwtp_compliant, c.province_code, c.province_code_at_decision,
  c.district_code_at_decision, c.commune_codes_at_decision, c.commune_codes_current, c.tm3_srid, c.notes,
  c.established_on, c.detailed_plan_approved_on, c.figures_as_of, c.version, c.updated_at,
  (SELECT name FROM admin_units WHERE code = c.district_code_at_decision) AS district_name,
  (SELECT array_agg(full_name ORDER BY full_name) FROM admin_units WHERE code = ANY (c.commune_codes_at_decision)) AS commune_names,
  (SELECT array_agg(full_name ORDER BY full_name) FROM admin_units WHERE code = ANY (c.commune_codes_current)) AS commune_names_current,
  round((ST_Area(ST_Transform(b.geom, c.tm3_srid)) / 10000)::numeric, 4) AS plane_area_ha,
  round((ST_Area(b.geom::geography) / 10000)::numeric, 4) AS ellipsoidal_area_ha,
  b.id AS boundary_id,
  b.is_illustrative AS boundary_illustrative,
  (SELECT o.occupancy_pct FROM cluster_occupancy_computed o WHERE o.cluster_id = c.id) AS occupancy_computed_pct, -- plots (issue 10)
  (SELECT count(*)::int FROM cluster_boundaries v WHERE v.cluster_id = c.id) AS boundary_versions,
  ST_AsGeoJSON(ST_PointOnSurface(b.geom), 7)::json AS label_point,
  ST_AsGeoJSON(b.geom, 9)::json AS geometry`;

export const listClusters = `
  SELECT ${clusterColumns}
  FROM clusters c
  LEFT JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
  ORDER BY c.name`;

export const getCluster = `
  SELECT ${clusterColumns}
  FROM clusters c
  LEFT JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
  WHERE c.id = $1`;

/** The stored record, locked for an edit in the same transaction. */
export const lockCluster = `SELECT * FROM clusters WHERE id = $1 FOR UPDATE`;

/** Writes every editable field ($2…$28) and bumps the version. */
export const updateCluster = `
  UPDATE clusters SET
    name = $2, status = $3, is_craft_village = $4, is_mountainous = $5, investor_name = $6, investor_type = $7,
    industries = $8, declared_area_ha = $9, industrial_land_ha = $10, ready_land_ha = $11, leased_land_ha = $12,
    investment_approved_land_ha = $13, projects_count = $14, fdi_projects_count = $15, operating_projects_count = $16,
    registered_capital_bn_vnd = $17, workers = $18, wwtp_built = $19, wwtp_compliant = $20,
    province_code_at_decision = $21, district_code_at_decision = $22, commune_codes_at_decision = $23,
    commune_codes_current = $24, established_on = $25, detailed_plan_approved_on = $26, figures_as_of = $27,
    notes = $28, version = version + 1, updated_at = now()
  WHERE id = $1
  RETURNING version`;

/** Codes of $2 that are not administrative units of level $1. */
export const unknownUnitCodes = `
  SELECT x AS code FROM unnest($2::text[]) AS x
  WHERE NOT EXISTS (SELECT 1 FROM admin_units a WHERE a.code = x AND a.level = $1)`;

export const clusterDecisions = `
  SELECT id, number, date, issuer, kind, legal_regime, summary, source, version
  FROM decisions WHERE cluster_id = $1 ORDER BY date, id`;
