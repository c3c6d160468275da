/** Administrative units of one level as GeoJSON-ready rows. */
export const listAdminUnits = `
  SELECT code, level, name, full_name, parent_code, valid_from, valid_to,
         ST_AsGeoJSON(ST_PointOnSurface(geom), 6)::json AS label_point,
         ST_AsGeoJSON(geom, 6)::json AS geometry
  FROM admin_units WHERE level = $1 ORDER BY code`;
