-- Boundary proposals: named drafts drawn, typed (marker table) or imported, before
-- they become a cluster's boundary version. Geometry in EPSG:4326; areas are
-- computed in the TM-3 zone (tm3_srid) and on the ellipsoid when read.
CREATE TABLE proposals (
  id           serial PRIMARY KEY,
  name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  note         text CHECK (note IS NULL OR length(note) <= 4000),
  origin       text NOT NULL CHECK (origin IN ('draw', 'table', 'import', 'trim')),
  cluster_id   integer REFERENCES clusters(id) ON DELETE SET NULL,
  tm3_srid     integer NOT NULL DEFAULT 9215,
  source_file  text,
  version      integer NOT NULL DEFAULT 1,
  created_by   text NOT NULL DEFAULT 'anonymous',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  geom         geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX proposals_geom_idx ON proposals USING gist (geom);
CREATE INDEX proposals_cluster_idx ON proposals (cluster_id);
