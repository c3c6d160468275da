-- Summary-only data sets of other provinces: the aggregate figures their public reports give
-- (DOMAIN.md §3), so the dashboard and Biểu 04 can be checked against published numbers.
-- No cluster rows: each province is a set of named figures with their provenance.
CREATE TABLE comparison_provinces (
  key            text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9-]{1,40}$'),
  name           text NOT NULL CHECK (length(btrim(name)) > 0),
  gso_code       text,                       -- province code when the figures were published
  merged_into    text,                       -- province it belongs to after the 2025 reform
  as_of          date,                       -- the date the figures refer to (first of the month if only a month is known)
  as_of_label    text NOT NULL,              -- as published, e.g. '04/2024'
  source         text NOT NULL CHECK (length(btrim(source)) > 0),
  note           text,
  sort_order     integer NOT NULL DEFAULT 0
);

CREATE TABLE comparison_figures (
  province_key    text NOT NULL REFERENCES comparison_provinces(key) ON DELETE CASCADE,
  metric          text NOT NULL CHECK (metric IN (
                    'clusters_count', 'clusters_state_invested', 'clusters_enterprise_invested', 'total_area_ha',
                    'operating_clusters', 'industrial_land_ha', 'leased_land_ha', 'occupancy_pct',
                    'projects_count', 'operating_projects_count', 'workers', 'registered_capital_bn_vnd')),
  value           numeric(14, 2) NOT NULL CHECK (value >= 0),
  -- '=' exact, '≈' about, '>' more than (e.g. "> 2.300 tỷ đồng").
  qualifier       text NOT NULL DEFAULT '=' CHECK (qualifier IN ('=', '≈', '>', '<')),
  published_text  text NOT NULL,             -- the figure as printed
  PRIMARY KEY (province_key, metric)
);
