-- Land clearance (GPMB): parcels, households and owners (personal data, own tables),
-- the event history of every transition, and import runs.
CREATE TABLE parcels (
  id                      serial PRIMARY KEY,
  cluster_id              integer NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  commune_code            text NOT NULL REFERENCES admin_units(code),
  map_sheet_no            text NOT NULL CHECK (map_sheet_no ~ '^\S{1,20}$'),   -- tờ bản đồ
  parcel_no               text NOT NULL CHECK (parcel_no ~ '^\S{1,20}$'),      -- thửa
  legal_land_code         text NOT NULL,          -- type on the certificate: compensation follows it
  current_land_code       text,                   -- current use
  planned_land_code       text,                   -- planned use
  original_land_code      text,                   -- as printed on an older map (legacy code kept)
  cadastral_area_m2       numeric(12, 1) CHECK (cadastral_area_m2 >= 0),
  inventory               jsonb NOT NULL DEFAULT '{}'::jsonb,
  compensation_proposed   numeric(15, 0) CHECK (compensation_proposed >= 0),   -- VND
  compensation_approved   numeric(15, 0) CHECK (compensation_approved >= 0),
  compensation_paid       numeric(15, 0) CHECK (compensation_paid >= 0),
  status                  text NOT NULL DEFAULT 'plan' CHECK (status IN (
                            'plan', 'meeting', 'notified', 'inventory_refused', 'inventory_persuasion',
                            'compulsory_inventory_decided', 'inventoried', 'draft_plan', 'posted', 'approved',
                            'published', 'paid', 'recovery_decided', 'handover_refused', 'handover_persuasion',
                            'compulsory_recovery_decided', 'handed_over', 'cadastre_updated')),
  -- The workflow's dates (src/core/clearance/machine.ts WorkflowState), kept with the row
  -- so deadlines and overdue items are a plain query; parcel_events is the history.
  planned_on              date NOT NULL,
  last_event_date         date,
  notice_date             date,
  inventory_date          date,
  posting_start           date,
  approval_date           date,
  publication_date        date,
  payment_date            date,
  recovery_decision_date  date,
  handover_date           date,
  deposited               boolean NOT NULL DEFAULT false,
  compulsory_inventory    boolean NOT NULL DEFAULT false,
  compulsory_recovery     boolean NOT NULL DEFAULT false,
  flags                   text[] NOT NULL DEFAULT '{}',
  notes                   text,
  is_synthetic            boolean NOT NULL DEFAULT false,
  version                 integer NOT NULL DEFAULT 1,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  geom                    geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
  CONSTRAINT parcels_commune_sheet_parcel_key UNIQUE (commune_code, map_sheet_no, parcel_no),
  CHECK (compensation_paid IS NULL OR compensation_paid <= coalesce(compensation_approved, 0))
);
CREATE INDEX parcels_geom_idx ON parcels USING gist (geom);
CREATE INDEX parcels_cluster_idx ON parcels (cluster_id, status);

-- Households and owners are personal data: their own tables and endpoint, so that
-- they can be made sign-in only without touching the parcel record.
CREATE TABLE households (
  id                  serial PRIMARY KEY,
  commune_code        text NOT NULL REFERENCES admin_units(code),
  code                text NOT NULL,                 -- household code in the commune
  head_name           text NOT NULL,
  address             text,
  members             integer CHECK (members >= 0),
  is_synthetic        boolean NOT NULL DEFAULT false,
  UNIQUE (commune_code, code)
);

CREATE TABLE parcel_owners (
  id            serial PRIMARY KEY,
  parcel_id     integer NOT NULL REFERENCES parcels(id) ON DELETE CASCADE,
  household_id  integer NOT NULL REFERENCES households(id),
  owner_name    text NOT NULL,
  role          text NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'co_owner', 'user', 'heir', 'manager')),
  share_pct     numeric(5, 2) CHECK (share_pct > 0 AND share_pct <= 100),
  UNIQUE (parcel_id, household_id, owner_name)
);
CREATE INDEX parcel_owners_household_idx ON parcel_owners (household_id);

-- Every transition, in the order it was recorded (seq per parcel).
CREATE TABLE parcel_events (
  id              bigserial PRIMARY KEY,
  parcel_id       integer NOT NULL REFERENCES parcels(id) ON DELETE CASCADE,
  seq             integer NOT NULL,
  action          text NOT NULL,
  from_status     text NOT NULL,
  to_status       text NOT NULL,
  date            date NOT NULL,
  decision_no     text,
  signatory       text,
  amount          numeric(15, 0),
  deposited       boolean,
  note            text,
  actor           text NOT NULL,
  batch_id        text,                 -- one decision applied to many parcels
  parcel_version  integer NOT NULL,     -- the parcel's version after this event
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (parcel_id, seq)
);
CREATE INDEX parcel_events_date_idx ON parcel_events (parcel_id, date, seq);

-- Import runs (cadastral files): what came in and what it created or updated.
CREATE TABLE parcel_imports (
  id            serial PRIMARY KEY,
  cluster_id    integer NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  file_name     text NOT NULL,
  format        text NOT NULL,
  source_crs    text,
  mapping       jsonb NOT NULL,
  created       integer NOT NULL,
  updated       integer NOT NULL,
  actor         text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
