/** Named, parameterised queries of the periodic reports and the dashboard. Values only as $n. */

/** Provinces that have clusters in the registry. */
export const registryProvinces = `
  SELECT a.code AS key, a.name, count(c.id)::int AS clusters
  FROM admin_units a JOIN clusters c ON c.province_code = a.code
  WHERE a.level = 'province'
  GROUP BY a.code, a.name
  ORDER BY a.name`;

export const provinceName = `SELECT name FROM admin_units WHERE code = $1 AND level = 'province'`;

/**
 * Cluster records of province $2 as they were just before instant $1 (history of migration 050):
 * the version with valid_from < $1 <= valid_to (or still open).
 */
export const recordsAsOf = `
  SELECT DISTINCT ON (h.cluster_id) h.cluster_id AS id, h.record
  FROM cluster_history h
  WHERE h.valid_from < $1::timestamptz AND (h.valid_to IS NULL OR h.valid_to >= $1::timestamptz)
    AND h.record->>'province_code' = $2
  ORDER BY h.cluster_id, h.valid_from DESC`;

/**
 * Plots of clusters $1 with their plane area (the cluster's TM-3) and the holding active at the
 * end of day $2 (leased_on <= day < released_on), if any.
 */
export const plotsAsOf = `
  SELECT DISTINCT ON (p.id) p.id, p.cluster_id, p.land_use,
         ST_Area(ST_Transform(p.geom, c.tm3_srid)) / 10000 AS area_ha,
         l.project_id
  FROM plots p
  JOIN clusters c ON c.id = p.cluster_id
  LEFT JOIN project_plots l ON l.plot_id = p.id AND l.leased_on <= $2::date AND (l.released_on IS NULL OR l.released_on > $2::date)
  WHERE p.cluster_id = ANY ($1::int[])
  ORDER BY p.id, l.leased_on DESC NULLS LAST`;

/** Tenant projects of clusters $1 with the dates their state at a day is read from. */
export const projectsOf = `
  SELECT pr.id, pr.cluster_id, pr.status, pr.capital_origin, pr.registered_capital_bn_vnd,
         pr.investment_cert_date, pr.lease_contract_date, pr.construction_start, pr.operation_start,
         ((pr.created_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS created_on,
         (SELECT max(l.released_on) FROM project_plots l WHERE l.project_id = pr.id) AS last_released_on
  FROM projects pr
  WHERE pr.cluster_id = ANY ($1::int[])`;

/** The projects' own reports for period $1 ('YYYY-H1' / 'YYYY'), summed per cluster of $2. */
export const periodReports = `
  SELECT pr.cluster_id,
         sum(r.workers)::int AS workers,
         sum(r.revenue_bn_vnd) AS revenue_bn_vnd,
         sum(r.budget_paid_bn_vnd) AS budget_paid_bn_vnd,
         CASE WHEN sum(r.workers) FILTER (WHERE r.avg_income_mn_vnd IS NOT NULL) > 0
              THEN round(sum(r.avg_income_mn_vnd * r.workers) FILTER (WHERE r.avg_income_mn_vnd IS NOT NULL)
                         / sum(r.workers) FILTER (WHERE r.avg_income_mn_vnd IS NOT NULL), 2) END AS avg_income_mn_vnd
  FROM project_reports r
  JOIN projects pr ON pr.id = r.project_id
  WHERE r.period = $1 AND pr.cluster_id = ANY ($2::int[])
  GROUP BY pr.cluster_id`;

/** Date of the first establishment decision of clusters $1 on or before day $2. */
export const establishmentDates = `
  SELECT cluster_id, min(date) AS date
  FROM decisions
  WHERE kind = 'establishment' AND cluster_id = ANY ($1::int[]) AND date <= $2::date
  GROUP BY cluster_id`;

export const unitNames = `SELECT code, full_name FROM admin_units WHERE code = ANY ($1::text[])`;

/** Whether the clearance module's parcels table exists. */
export const parcelsTableExists = `SELECT to_regclass('parcels') IS NOT NULL AS present`;

export const comparisonProvinces = `
  SELECT p.key, p.name, p.gso_code, p.merged_into, p.as_of, p.as_of_label, p.source, p.note,
         coalesce(json_agg(json_build_object('metric', f.metric, 'value', f.value, 'qualifier', f.qualifier,
                                             'published_text', f.published_text) ORDER BY f.metric)
                  FILTER (WHERE f.metric IS NOT NULL), '[]') AS figures
  FROM comparison_provinces p
  LEFT JOIN comparison_figures f ON f.province_key = p.key
  GROUP BY p.key
  ORDER BY p.sort_order, p.name`;
