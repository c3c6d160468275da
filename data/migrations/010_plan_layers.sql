-- Provincial plan layers and their zones (land-use plan by land code, forests,
-- corridors, industrial parks, relics...). Geometry in EPSG:4326.
CREATE TABLE plan_layers (
  id            text PRIMARY KEY,               -- 'land_use', 'forest', 'corridors', 'industrial', 'relics', ...
  name_vi       text NOT NULL,
  name_en       text NOT NULL,
  kind          text NOT NULL,
  source        text,                            -- provenance; demo layers say 'synthetic'
  is_synthetic  boolean NOT NULL DEFAULT false,
  valid_from    date,
  sort_order    integer NOT NULL DEFAULT 0
);

CREATE TABLE plan_zones (
  id             serial PRIMARY KEY,
  layer_id       text NOT NULL REFERENCES plan_layers(id) ON DELETE CASCADE,
  land_code      text NOT NULL,                  -- current code (Circular 08/2024)
  original_code  text,                           -- as printed on the source map (legacy codes kept)
  name           text,
  properties     jsonb NOT NULL DEFAULT '{}'::jsonb,
  version        integer NOT NULL DEFAULT 1,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  geom           geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX plan_zones_geom_idx ON plan_zones USING gist (geom);
CREATE INDEX plan_zones_layer_idx ON plan_zones (layer_id, land_code);
