-- Occupancy computed from the map (DOMAIN.md §2): industrial plot area leased or held by an investment
-- approval ÷ industrial plot area of the detailed plan — NOT ÷ gross cluster area.
-- Areas in the cluster's VN-2000 TM-3 plane (clusters.tm3_srid), in hectares.

-- One row per plot: its plane area and the project that holds it now (if any, never a terminated one).
CREATE VIEW plot_holdings AS
SELECT p.id AS plot_id, p.cluster_id, p.code, p.land_use,
       ST_Area(ST_Transform(p.geom, c.tm3_srid)) / 10000 AS area_ha,
       pr.id AS project_id, pr.status AS project_status, l.leased_on,
       (pr.id IS NOT NULL) AS occupied
FROM plots p
JOIN clusters c ON c.id = p.cluster_id
LEFT JOIN project_plots l ON l.plot_id = p.id AND l.released_on IS NULL
LEFT JOIN projects pr ON pr.id = l.project_id AND pr.status <> 'terminated';

-- One row per cluster that has plots. Consumers (registry, rules, dashboard, reports) use
-- occupancy_pct from here when the row exists, else the typed clusters.leased_land_ha / industrial_land_ha.
CREATE VIEW cluster_occupancy_computed AS
SELECT cluster_id,
       count(*)::int                                                       AS plot_count,
       (count(*) FILTER (WHERE land_use = 'industrial'))::int              AS industrial_plot_count,
       (count(*) FILTER (WHERE land_use = 'industrial' AND occupied))::int AS occupied_plot_count,
       round(sum(area_ha)::numeric, 4)                                     AS plan_area_ha,
       round(coalesce(sum(area_ha) FILTER (WHERE land_use = 'industrial'), 0)::numeric, 4) AS industrial_area_ha,
       round(coalesce(sum(area_ha) FILTER (WHERE land_use = 'industrial' AND occupied), 0)::numeric, 4) AS occupied_area_ha,
       round(coalesce(sum(area_ha) FILTER (WHERE land_use = 'industrial' AND NOT occupied), 0)::numeric, 4) AS vacant_area_ha,
       CASE WHEN coalesce(sum(area_ha) FILTER (WHERE land_use = 'industrial'), 0) > 0
            THEN round((100 * coalesce(sum(area_ha) FILTER (WHERE land_use = 'industrial' AND occupied), 0)
                        / sum(area_ha) FILTER (WHERE land_use = 'industrial'))::numeric, 4)
       END AS occupancy_pct
FROM plot_holdings
GROUP BY cluster_id;

-- Tenant project counts and capital per cluster (Biểu 02/03 inputs); terminated projects excluded.
CREATE VIEW cluster_projects_computed AS
SELECT cluster_id,
       (count(*) FILTER (WHERE status <> 'terminated'))::int                          AS projects_count,
       (count(*) FILTER (WHERE status <> 'terminated' AND capital_origin = 'fdi'))::int AS fdi_projects_count,
       (count(*) FILTER (WHERE status = 'operating'))::int                            AS operating_projects_count,
       coalesce(sum(registered_capital_bn_vnd) FILTER (WHERE status <> 'terminated'), 0) AS registered_capital_bn_vnd,
       coalesce(sum(disbursed_capital_bn_vnd) FILTER (WHERE status <> 'terminated'), 0)  AS disbursed_capital_bn_vnd
FROM projects
GROUP BY cluster_id;
