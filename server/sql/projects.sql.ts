/** Named, parameterised queries over tenant projects and their period figures. Values only as $n. */

export const projectColumns = `
  pr.id, pr.cluster_id, pr.name, pr.investor_name, pr.capital_origin, pr.investor_country, pr.industry,
  pr.investment_cert_no, pr.investment_cert_date, pr.registered_capital_bn_vnd, pr.disbursed_capital_bn_vnd,
  pr.lease_contract_no, pr.lease_contract_date, pr.lease_end_date, pr.construction_start, pr.operation_start,
  pr.status, pr.notes, pr.is_synthetic, pr.version,
  coalesce((SELECT json_agg(json_build_object('id', h.plot_id, 'code', h.code, 'area_ha', round(h.area_ha::numeric, 4),
                                              'leased_on', h.leased_on) ORDER BY h.code)
            FROM plot_holdings h WHERE h.project_id = pr.id), '[]'::json) AS plots,
  coalesce((SELECT round(sum(h.area_ha)::numeric, 4) FROM plot_holdings h WHERE h.project_id = pr.id), 0) AS leased_area_ha,
  coalesce((SELECT json_agg(json_build_object('id', r.id, 'project_id', r.project_id, 'period', r.period,
                                              'revenue_bn_vnd', r.revenue_bn_vnd, 'budget_paid_bn_vnd', r.budget_paid_bn_vnd,
                                              'workers', r.workers, 'avg_income_mn_vnd', r.avg_income_mn_vnd,
                                              'version', r.version) ORDER BY r.period)
            FROM project_reports r WHERE r.project_id = pr.id), '[]'::json) AS reports`;

export const projectsOfCluster = `SELECT ${projectColumns} FROM projects pr WHERE pr.cluster_id = $1 ORDER BY pr.name`;

export const projectById = `SELECT ${projectColumns} FROM projects pr WHERE pr.id = $1`;

export const lockProject = `SELECT id, cluster_id, name, status, lease_contract_date, version FROM projects WHERE id = $1 FOR UPDATE`;

/** Writable columns, in the order of the $n parameters after cluster_id (insert) or id (update). */
export const PROJECT_COLUMNS = [
  'name', 'investor_name', 'capital_origin', 'investor_country', 'industry', 'investment_cert_no', 'investment_cert_date',
  'registered_capital_bn_vnd', 'disbursed_capital_bn_vnd', 'lease_contract_no', 'lease_contract_date', 'lease_end_date',
  'construction_start', 'operation_start', 'status', 'notes',
] as const;
export type ProjectColumn = (typeof PROJECT_COLUMNS)[number];

export const insertProject = `
  INSERT INTO projects (cluster_id, ${PROJECT_COLUMNS.join(', ')})
  VALUES ($1, ${PROJECT_COLUMNS.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`;

/** Full update of the writable columns (the route merges the patch over the current row). */
export const updateProject = `
  UPDATE projects SET ${PROJECT_COLUMNS.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now()
  WHERE id = $1`;

export const projectRowForMerge = `SELECT ${PROJECT_COLUMNS.join(', ')} FROM projects WHERE id = $1`;

export const releaseProjectPlots = `
  UPDATE project_plots SET released_on = greatest($2::date, leased_on)
  WHERE project_id = $1 AND released_on IS NULL RETURNING plot_id`;

export const activePlotCount = `SELECT count(*)::int AS n FROM project_plots WHERE project_id = $1 AND released_on IS NULL`;

export const deleteProject = `DELETE FROM projects WHERE id = $1`;

export const reportOf = `SELECT id, version FROM project_reports WHERE project_id = $1 AND period = $2 FOR UPDATE`;

export const upsertReport = `
  INSERT INTO project_reports (project_id, period, revenue_bn_vnd, budget_paid_bn_vnd, workers, avg_income_mn_vnd)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (project_id, period) DO UPDATE SET
    revenue_bn_vnd = EXCLUDED.revenue_bn_vnd, budget_paid_bn_vnd = EXCLUDED.budget_paid_bn_vnd,
    workers = EXCLUDED.workers, avg_income_mn_vnd = EXCLUDED.avg_income_mn_vnd,
    version = project_reports.version + 1, updated_at = now()
  RETURNING id, project_id, period, revenue_bn_vnd, budget_paid_bn_vnd, workers, avg_income_mn_vnd, version`;

export const deleteReport = `DELETE FROM project_reports WHERE id = $1`;

/**
 * Slow projects: leased (contract date, else the first plot held) at least $2 months before $3,
 * and still no construction by $3. Approved or suspended ones only: under construction,
 * operating and terminated projects are not slow.
 */
export const slowProjects = `
  WITH p AS (
    SELECT pr.*, coalesce(pr.lease_contract_date,
             (SELECT min(l.leased_on) FROM project_plots l WHERE l.project_id = pr.id)) AS lease_date
    FROM projects pr WHERE ($1::int IS NULL OR pr.cluster_id = $1))
  SELECT p.id, p.cluster_id, c.name AS cluster_name, p.name, p.investor_name, p.status, p.lease_date,
         (extract(year FROM age($3::date, p.lease_date)) * 12 + extract(month FROM age($3::date, p.lease_date)))::int AS months_since_lease,
         coalesce((SELECT array_agg(h.code ORDER BY h.code) FROM plot_holdings h WHERE h.project_id = p.id), '{}') AS plot_codes
  FROM p JOIN clusters c ON c.id = p.cluster_id
  WHERE p.lease_date IS NOT NULL
    AND p.status IN ('approved', 'suspended')
    AND (p.construction_start IS NULL OR p.construction_start > $3::date)
    AND p.lease_date + make_interval(months => $2::int) <= $3::date
  ORDER BY p.lease_date, p.name`;
