/** Named, parameterised queries over the provincial plan layers. Values only as $n. */

export const listPlanLayers = `
  SELECT l.id, l.name_vi, l.name_en, l.kind, l.source, l.is_synthetic, l.valid_from, l.sort_order,
         coalesce(st.zones, 0)::int AS zone_count
  FROM plan_layers l LEFT JOIN derived.plan_layer_stats st ON st.layer_id = l.id  -- kept by triggers (migration 060): no count over 10^6 zones
  ORDER BY l.sort_order, l.id`;

export const planLayerExists = `SELECT 1 FROM plan_layers WHERE id = $1`;

/** Zones of one layer, optionally inside a bbox (the envelope is built once, the column indexed). */
export const planZonesOfLayer = `
  SELECT z.id, z.layer_id, z.land_code, z.original_code, z.name, z.properties,
         round((ST_Area(z.geom::geography) / 10000)::numeric, 4) AS area_ha,
         ST_AsGeoJSON(z.geom, 7)::json AS geometry
  FROM plan_zones z
  WHERE z.layer_id = $1
    AND ($2::float8 IS NULL OR z.geom && ST_MakeEnvelope($2, $3, $4, $5, 4326))
  ORDER BY z.id`;
