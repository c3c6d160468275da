-- Cluster record, complete (DOMAIN.md §2–3): the land covered by investment approvals (for occupancy in
-- the legal definition), the province at decision time, record dates, and consistency checks that mirror
-- src/core/clusters/validate.ts (the API refuses the same edits with a message naming the field).
ALTER TABLE clusters
  ADD COLUMN investment_approved_land_ha numeric(10, 2) CHECK (investment_approved_land_ha >= 0),
  ADD COLUMN province_code_at_decision   text,
  ADD COLUMN established_on              date,
  ADD COLUMN detailed_plan_approved_on   date,
  ADD COLUMN figures_as_of               date;

COMMENT ON COLUMN clusters.investment_approved_land_ha IS
  'Industrial land covered by an investment approval but not (yet) leased, ha; occupancy = (leased + this) / industrial land';
COMMENT ON COLUMN clusters.province_code_at_decision IS 'Province code when the cluster was decided (provinces merged in 2025); NULL = same as province_code';
COMMENT ON COLUMN clusters.figures_as_of IS 'Date the figures (land, projects, workers) were reported';

ALTER TABLE clusters
  ADD CONSTRAINT clusters_name_not_blank CHECK (length(btrim(name)) > 0),
  ADD CONSTRAINT clusters_industrial_le_declared CHECK (industrial_land_ha IS NULL OR declared_area_ha IS NULL OR industrial_land_ha <= declared_area_ha),
  ADD CONSTRAINT clusters_leased_le_industrial CHECK (leased_land_ha IS NULL OR industrial_land_ha IS NULL OR leased_land_ha <= industrial_land_ha),
  ADD CONSTRAINT clusters_ready_le_industrial CHECK (ready_land_ha IS NULL OR industrial_land_ha IS NULL OR ready_land_ha <= industrial_land_ha),
  ADD CONSTRAINT clusters_occupied_le_industrial CHECK (
    industrial_land_ha IS NULL OR coalesce(leased_land_ha, 0) + coalesce(investment_approved_land_ha, 0) <= industrial_land_ha),
  ADD CONSTRAINT clusters_fdi_le_projects CHECK (fdi_projects_count IS NULL OR projects_count IS NULL OR fdi_projects_count <= projects_count),
  ADD CONSTRAINT clusters_operating_le_projects CHECK (
    operating_projects_count IS NULL OR projects_count IS NULL OR operating_projects_count <= projects_count),
  ADD CONSTRAINT clusters_wwtp_compliant_needs_built CHECK (NOT wwtp_compliant OR wwtp_built);

CREATE INDEX clusters_status_idx ON clusters (status);

-- Decisions are edited through the API: optimistic locking and timestamps.
ALTER TABLE decisions
  ADD COLUMN version    integer NOT NULL DEFAULT 1,
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
  ADD CONSTRAINT decisions_number_not_blank CHECK (length(btrim(number)) > 0),
  ADD CONSTRAINT decisions_issuer_not_blank CHECK (length(btrim(issuer)) > 0);

CREATE INDEX cluster_boundaries_cluster_idx ON cluster_boundaries (cluster_id, valid_from);
