/** Named, parameterised queries over clusters. Values only as $n. */

const clusterColumns = `
  c.id, c.name, c.status, c.is_craft_village, c.is_mountainous, c.investor_name, c.investor_type,
  c.industries, c.declared_area_ha, c.industrial_land_ha, c.ready_land_ha, c.leased_land_ha,
  c.projects_count, c.fdi_projects_count, c.operating_projects_count, c.registered_capital_bn_vnd,
  c.workers, c.wwtp_built, c.wwtp_compliant, c.province_code, c.district_code_at_decision,
  c.commune_codes_at_decision, c.commune_codes_current, c.tm3_srid, c.notes, c.version,
  (SELECT name FROM admin_units WHERE code = c.district_code_at_decision) AS district_name,
  (SELECT array_agg(full_name ORDER BY full_name) FROM admin_units WHERE code = ANY (c.commune_codes_at_decision)) AS commune_names,
  round((ST_Area(ST_Transform(b.geom, c.tm3_srid)) / 10000)::numeric, 4) AS plane_area_ha,
  round((ST_Area(b.geom::geography) / 10000)::numeric, 4) AS ellipsoidal_area_ha,
  b.is_illustrative AS boundary_illustrative,
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

export const clusterDecisions = `
  SELECT id, number, date, issuer, kind, legal_regime, summary, source
  FROM decisions WHERE cluster_id = $1 ORDER BY date, id`;
