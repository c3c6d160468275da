-- Inspections of a cluster or of one of its projects, and the violations they found.
CREATE TABLE inspections (
  id           serial PRIMARY KEY,
  cluster_id   integer NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  project_id   integer REFERENCES projects(id) ON DELETE CASCADE,
  date         date NOT NULL,
  agency       text NOT NULL CHECK (length(agency) BETWEEN 1 AND 300),
  scope        text[] NOT NULL CHECK (cardinality(scope) > 0
                 AND scope <@ ARRAY['environment', 'fire_safety', 'land_use', 'construction']::text[]),
  findings     text,
  is_synthetic boolean NOT NULL DEFAULT false,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspections_cluster_idx ON inspections (cluster_id, date);
CREATE INDEX inspections_project_idx ON inspections (project_id);

CREATE TABLE violations (
  id               serial PRIMARY KEY,
  inspection_id    integer NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
  description      text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  deadline         date NOT NULL,
  follow_up_status text NOT NULL DEFAULT 'open' CHECK (follow_up_status IN ('open', 'in_progress', 'resolved')),
  resolved_on      date,
  follow_up_note   text,
  version          integer NOT NULL DEFAULT 1,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((follow_up_status = 'resolved') = (resolved_on IS NOT NULL))
);
CREATE INDEX violations_inspection_idx ON violations (inspection_id);
CREATE INDEX violations_open_idx ON violations (deadline) WHERE follow_up_status <> 'resolved';
