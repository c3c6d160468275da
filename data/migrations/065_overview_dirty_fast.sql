-- Marking overview cells dirty (migration 061) cost ~37 µs a written zone — most of a bulk import's
-- time — because each row's bounds were computed several times inside per-row generate_series.
-- Same cells, computed once per row and de-duplicated as tile ranges before they are expanded.
CREATE OR REPLACE FUNCTION derived.overview_cells_of(bounds_x0 float8[], bounds_x1 float8[], bounds_y0 float8[], bounds_y1 float8[])
RETURNS TABLE (cx integer, cy integer) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH r AS (
    SELECT DISTINCT derived.lon2tile(x0, 13) AS tx0, derived.lon2tile(x1, 13) AS tx1,
                    derived.lat2tile(y1, 13) AS ty0, derived.lat2tile(y0, 13) AS ty1
    FROM unnest(bounds_x0, bounds_x1, bounds_y0, bounds_y1) AS b(x0, x1, y0, y1)
  )
  SELECT DISTINCT x, y FROM r, LATERAL generate_series(r.tx0, r.tx1) AS x, LATERAL generate_series(r.ty0, r.ty1) AS y
$$;

CREATE OR REPLACE FUNCTION derived.mark_overview_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO derived.overview_dirty (level, cx, cy)
    SELECT 13, c.cx, c.cy
    FROM (SELECT array_agg(ST_XMin(geom)) AS x0, array_agg(ST_XMax(geom)) AS x1, array_agg(ST_YMin(geom)) AS y0, array_agg(ST_YMax(geom)) AS y1
          FROM new_rows) AS b,
         LATERAL derived.overview_cells_of(b.x0, b.x1, b.y0, b.y1) AS c
    ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO derived.overview_dirty (level, cx, cy)
    SELECT 13, c.cx, c.cy
    FROM (SELECT array_agg(ST_XMin(geom)) AS x0, array_agg(ST_XMax(geom)) AS x1, array_agg(ST_YMin(geom)) AS y0, array_agg(ST_YMax(geom)) AS y1
          FROM old_rows) AS b,
         LATERAL derived.overview_cells_of(b.x0, b.x1, b.y0, b.y1) AS c
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
