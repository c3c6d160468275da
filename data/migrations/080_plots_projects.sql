-- Plots of a cluster's approved detailed plan, tenant projects (Biểu 01 of Circular 14/2024/TT-BCT),
-- the plots each project leases or holds by investment approval, and per-period project figures.
CREATE TABLE plots (
  id            serial PRIMARY KEY,
  cluster_id    integer NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  code          text NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  -- Land use in the detailed plan (src/core/occupancy/land-use.ts).
  land_use      text NOT NULL CHECK (land_use IN
                  ('industrial', 'services', 'infrastructure', 'wastewater', 'green', 'roads', 'water', 'other')),
  -- Area printed in the plan's land-use table, when known; the computed area is always from geom.
  plan_area_ha  numeric(10, 4) CHECK (plan_area_ha >= 0),
  note          text,
  properties    jsonb NOT NULL DEFAULT '{}'::jsonb,
  is_synthetic  boolean NOT NULL DEFAULT false,
  version       integer NOT NULL DEFAULT 1,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  geom          geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  UNIQUE (cluster_id, code)
);
CREATE INDEX plots_geom_idx ON plots USING gist (geom);
CREATE INDEX plots_cluster_idx ON plots (cluster_id, land_use);

CREATE TABLE projects (
  id                         serial PRIMARY KEY,
  cluster_id                 integer NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  name                       text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  investor_name              text NOT NULL CHECK (length(investor_name) BETWEEN 1 AND 300),
  capital_origin             text NOT NULL CHECK (capital_origin IN ('fdi', 'domestic')),
  investor_country           text,
  industry                   text,
  -- Investment approval (chấp thuận chủ trương) or investment registration certificate.
  investment_cert_no         text,
  investment_cert_date       date,
  registered_capital_bn_vnd  numeric(14, 2) CHECK (registered_capital_bn_vnd >= 0),
  disbursed_capital_bn_vnd   numeric(14, 2) CHECK (disbursed_capital_bn_vnd >= 0),
  lease_contract_no          text,
  lease_contract_date        date,
  lease_end_date             date,
  construction_start         date,
  operation_start            date,
  status                     text NOT NULL CHECK (status IN
                               ('approved', 'under_construction', 'operating', 'suspended', 'terminated')),
  notes                      text,
  is_synthetic               boolean NOT NULL DEFAULT false,
  version                    integer NOT NULL DEFAULT 1,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK (lease_end_date IS NULL OR lease_contract_date IS NULL OR lease_end_date > lease_contract_date),
  CHECK (disbursed_capital_bn_vnd IS NULL OR registered_capital_bn_vnd IS NULL
         OR disbursed_capital_bn_vnd <= registered_capital_bn_vnd)
);
CREATE INDEX projects_cluster_idx ON projects (cluster_id, status);

-- A plot held by a project (lease contract or investment approval). At most one active holder per plot;
-- released rows stay as history.
CREATE TABLE project_plots (
  id           serial PRIMARY KEY,
  project_id   integer NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  plot_id      integer NOT NULL REFERENCES plots(id) ON DELETE CASCADE,
  leased_on    date NOT NULL,
  released_on  date,
  CHECK (released_on IS NULL OR released_on >= leased_on)
);
CREATE UNIQUE INDEX project_plots_active_idx ON project_plots (plot_id) WHERE released_on IS NULL;
CREATE INDEX project_plots_project_idx ON project_plots (project_id);

-- Figures a project reports per period: 'YYYY-H1' (15/12 → 14/06) or 'YYYY' (15/12 → 14/12).
CREATE TABLE project_reports (
  id                  serial PRIMARY KEY,
  project_id          integer NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  period              text NOT NULL CHECK (period ~ '^[0-9]{4}(-H1)?$'),
  revenue_bn_vnd      numeric(14, 2) CHECK (revenue_bn_vnd >= 0),
  budget_paid_bn_vnd  numeric(14, 2) CHECK (budget_paid_bn_vnd >= 0),
  workers             integer CHECK (workers >= 0),
  avg_income_mn_vnd   numeric(10, 2) CHECK (avg_income_mn_vnd >= 0),
  version             integer NOT NULL DEFAULT 1,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, period)
);
