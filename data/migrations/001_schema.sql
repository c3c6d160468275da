-- Core schema: administrative units, clusters, decisions, boundary versions, audit log.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE admin_units (
  code          text PRIMARY KEY,            -- GSO code (2 digits province, 3 district, 5 commune)
  level         text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  name          text NOT NULL,
  full_name     text NOT NULL,
  parent_code   text REFERENCES admin_units(code),
  valid_from    date,
  valid_to      date,                        -- districts end on 2025-07-01 (administrative reform)
  properties    jsonb NOT NULL DEFAULT '{}'::jsonb,
  geom          geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX admin_units_geom_idx ON admin_units USING gist (geom);
CREATE INDEX admin_units_level_idx ON admin_units (level);

CREATE TABLE clusters (
  id                         serial PRIMARY KEY,
  name                       text NOT NULL,
  status                     text NOT NULL,
  is_craft_village           boolean NOT NULL DEFAULT false,
  is_mountainous             boolean NOT NULL DEFAULT false,
  investor_name              text,
  investor_type              text CHECK (investor_type IN ('enterprise', 'state')),
  industries                 text[] NOT NULL DEFAULT '{}',
  declared_area_ha           numeric(10, 2) CHECK (declared_area_ha > 0),
  industrial_land_ha         numeric(10, 2) CHECK (industrial_land_ha >= 0),
  ready_land_ha              numeric(10, 2) CHECK (ready_land_ha >= 0),
  leased_land_ha             numeric(10, 2) CHECK (leased_land_ha >= 0),
  projects_count             integer CHECK (projects_count >= 0),
  fdi_projects_count         integer CHECK (fdi_projects_count >= 0),
  operating_projects_count   integer CHECK (operating_projects_count >= 0),
  registered_capital_bn_vnd  numeric(14, 2) CHECK (registered_capital_bn_vnd >= 0),
  workers                    integer CHECK (workers >= 0),
  wwtp_built                 boolean NOT NULL DEFAULT false,
  wwtp_compliant             boolean NOT NULL DEFAULT false,
  province_code              text NOT NULL REFERENCES admin_units(code),
  district_code_at_decision  text REFERENCES admin_units(code),
  commune_codes_at_decision  text[] NOT NULL DEFAULT '{}',
  commune_codes_current      text[] NOT NULL DEFAULT '{}',
  tm3_srid                   integer NOT NULL DEFAULT 9215,
  notes                      text,
  version                    integer NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE decisions (
  id            serial PRIMARY KEY,
  cluster_id    integer NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  number        text NOT NULL,
  date          date NOT NULL,
  issuer        text NOT NULL,
  kind          text NOT NULL,
  legal_regime  text,
  summary       text,
  source        text NOT NULL DEFAULT 'illustrative' CHECK (source IN ('public', 'illustrative', 'user'))
);
CREATE INDEX decisions_cluster_idx ON decisions (cluster_id, date);

CREATE TABLE cluster_boundaries (
  id             serial PRIMARY KEY,
  cluster_id     integer NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  decision_id    integer REFERENCES decisions(id),
  valid_from     date,
  valid_to       date,
  is_current     boolean NOT NULL DEFAULT true,
  is_illustrative boolean NOT NULL DEFAULT false,
  note           text,
  geom           geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom))
);
CREATE INDEX cluster_boundaries_geom_idx ON cluster_boundaries USING gist (geom);
CREATE UNIQUE INDEX cluster_boundaries_current_idx ON cluster_boundaries (cluster_id) WHERE is_current;

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor       text NOT NULL,
  action      text NOT NULL,
  entity      text NOT NULL,
  entity_id   text,
  before      jsonb,
  after       jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, at);
