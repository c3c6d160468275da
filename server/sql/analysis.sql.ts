/**
 * Named, parameterised queries of the conflict check. Values only as $n.
 * The subject boundary is always $1 (GeoJSON, EPSG:4326) and the TM-3 SRID $2.
 * Index first (`&&` on EPSG:4326), exact intersection in the TM-3 plane only for
 * candidates, and only where one geometry does not simply cover the other.
 */

/**
 * Unions of pieces in the TM-3 plane run with a fixed precision of 1 mm (OverlayNG snap-rounding): the
 * floating-point overlay can throw a TopologyException on nearly coincident edges (a forest edge along a
 * land-use edge), which PGlite does not even turn into an SQL error. Areas change by less than 10^-6 ha.
 * Intersections (zone × subject, piece × the other layers' union) use derived.overlay_intersection
 * (migration 067): floating point first where that is safe (on a server, the fixed precision only when
 * GEOS throws; about twice as fast), always the fixed precision inside PGlite.
 */
const GRID_M = '0.001';

/** PostGIS's verdict on the subject: empty, valid, why not and where (columns over `chk`). */
const verdict = `
  chk.empty, chk.valid, chk.reason,
  CASE WHEN chk.location IS NOT NULL THEN ST_AsGeoJSON(chk.location, 7)::json END AS location`;

const subjectInput = `i AS MATERIALIZED (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g4)`;
/** The subject in EPSG:4326 (`g4`) and in its TM-3 plane (`gp`), from `i` and the `from` clause given. */
const transformed = (from: string) => `s AS MATERIALIZED (SELECT i.g4, ST_Transform(i.g4, $2::int) AS gp FROM ${from})`;
/** The subject as given ($1, $2), unchecked: for boundaries read from the database. */
const subject = `${subjectInput}, ${transformed('i')}`;
const subjectVerdict = `
  chk AS MATERIALIZED (
    SELECT ST_IsEmpty(i.g4) AS empty, d.valid, d.reason, d.location FROM i, LATERAL ST_IsValidDetail(i.g4) AS d
  )`;

/**
 * The subject checked in the statement that uses it (no round trip of its own): `chk` is PostGIS's
 * verdict (ST_IsValidDetail, the final word before any heavy call), and `s` has a row only for a
 * valid, non-empty subject — for any other, nothing is transformed, intersected or measured.
 */
const checkedSubject = `
  ${subjectInput}, ${subjectVerdict},
  ${transformed('i, chk WHERE chk.valid AND NOT chk.empty')}`;

/** ST_IsValid is the final word before any heavy call: where it is invalid and why. */
export const checkSubject = `
  WITH ${subjectInput}, ${subjectVerdict}
  SELECT ${verdict} FROM chk`;

/** Plane (TM-3) and ellipsoidal area of the subject, ha; its label point (columns over `s`). */
const measures = `
  ST_Area(s.gp) / 10000 AS plane_ha, ST_Area(s.g4::geography) / 10000 AS ellipsoidal_ha,
  ST_AsGeoJSON(ST_PointOnSurface(s.g4), 7)::json AS label_point`;

/**
 * Versions of the data a result was computed from (for reports): the plan layers with their zone
 * counts and last change (kept by triggers, migration 060: no count over 10^6 zones) in display
 * order, the schema version and the clusters' count and last change (columns).
 */
const dataVersions = `
  (SELECT coalesce(json_agg(json_build_object(
            'id', l.id, 'name_vi', l.name_vi, 'name_en', l.name_en, 'source', l.source, 'is_synthetic', l.is_synthetic,
            'valid_from', l.valid_from, 'zones', coalesce(st.zones, 0)::int, 'updated_at', st.changed_at)
          ORDER BY l.sort_order, l.id), '[]'::json)
     FROM plan_layers l LEFT JOIN derived.plan_layer_stats st ON st.layer_id = l.id) AS versions_layers,
  (SELECT max(name) FROM schema_migrations) AS versions_schema,
  (SELECT count(*)::int FROM clusters) AS versions_clusters,
  (SELECT max(updated_at) FROM clusters) AS versions_clusters_updated_at`;

/** Plane (TM-3) and ellipsoidal area of the subject, ha; its label point. */
export const subjectArea = `
  WITH ${subject}
  SELECT ${measures}
  FROM s`;

/**
 * Overlap of the subject with every plan zone and with other clusters' current boundaries,
 * in one pass. $3: with geometry; $4: name of the subject's own cluster (its planned SKN
 * site is its target); $5: cluster id left out (the subject's own); $6: the severity of each
 * "layer|code|own" key, "*" for any other layer (severityLookup, src/core/analysis/severity.ts),
 * for the union by severity.
 * Answers the pieces per feature, the covered area per layer (union; the sum of the pieces for
 * a layer known to be overlap-free) and per severity (union over all layers: land shown by two
 * layers counts once); in the same statement (one snapshot, one round trip) the subject's
 * measures and the versions of the data.
 */
export const overlapAll = `
  WITH ${checkedSubject},
  cand AS (
    SELECT z.id, z.layer_id, z.land_code, z.original_code, z.name,
           (z.land_code = 'SKN' AND z.name IS NOT DISTINCT FROM $4::text) AS own,
           z.geom AS z4, z.geom_p AS zp
    -- index first, large zones found by their ST_Subdivide pieces; zones in the plane from their stored copy (migration 068)
    FROM s, derived.plan_zones_near(s.g4, $2::int) AS z
    UNION ALL
    SELECT c.id, 'clusters', 'SKN', NULL, c.name, false, b.geom, ST_Transform(b.geom, $2::int)
    FROM cluster_boundaries b JOIN clusters c ON c.id = b.cluster_id, s
    WHERE b.is_current AND b.cluster_id IS DISTINCT FROM $5::int AND c.status <> 'removed_from_plan'
      AND b.geom && s.g4 AND ST_Intersects(b.geom, s.g4)
  ),
  sev AS MATERIALIZED (SELECT $6::jsonb AS map),
  free AS (SELECT layer_id FROM derived.plan_layer_overlaps WHERE state = 'free'),  -- migration 064
  -- ST_Covers(s.gp, zone), not ST_CoveredBy(zone, s.gp): the same relation, but PostGIS prepares the
  -- repeated first argument (GEOS prepared geometry) for Covers only; CoveredBy computes a full relate
  -- matrix per zone (~4× the time over ~110 candidates).
  overlay AS MATERIALIZED (
    SELECT c.*, coalesce(sev.map ->> (c.layer_id || '|' || c.land_code || '|' || c.own::text),
                         sev.map ->> ('*|' || c.land_code || '|' || c.own::text), 'none') AS severity,
           c.layer_id IN (SELECT layer_id FROM free) AS free,
           -- a large zone (z4 NULL: migration 068) is always cut: GEOS clips it to the subject's envelope first
           CASE WHEN c.z4 IS NULL THEN NULL WHEN ST_CoveredBy(s.gp, c.zp) THEN 's' WHEN ST_Covers(s.gp, c.zp) THEN 'z' END AS covered
    FROM cand c CROSS JOIN s CROSS JOIN sev
  ),
  -- A piece is the subject (inside one zone), the zone (inside the subject) or their intersection
  -- (derived.overlay_intersection, migration 067). Its EPSG:4326 outline for the map is then the
  -- subject's or the zone's own, so only the cut pieces are transformed back.
  pieces AS MATERIALIZED (
    SELECT o.id, o.layer_id, o.land_code, o.original_code, o.name, o.severity, o.free, x.piece, ST_Area(x.piece) AS m2,
           CASE o.covered WHEN 's' THEN s.g4 WHEN 'z' THEN o.z4 END AS piece4
    FROM overlay o CROSS JOIN s,
         LATERAL (SELECT CASE o.covered WHEN 's' THEN s.gp WHEN 'z' THEN o.zp
                              ELSE ST_CollectionExtract(derived.overlay_intersection(o.zp, s.gp), 3) END AS piece) AS x
  ),
  -- Per severity: the pieces of one overlap-free layer (the one with most pieces) are disjoint, so
  -- |A ∪ R| = Σ|a| + |R| − Σ|a ∩ R|, R the union of the other layers' pieces (few); else the union.
  base AS (
    SELECT DISTINCT ON (severity) severity, layer_id
    FROM pieces WHERE free GROUP BY severity, layer_id ORDER BY severity, count(*) DESC, layer_id
  ),
  rest AS (
    SELECT g.severity, l.u, ST_Area(l.u) AS u_m2
    FROM (SELECT p.severity, array_agg(p.piece) AS parts
          FROM pieces p LEFT JOIN base b ON b.severity = p.severity AND b.layer_id = p.layer_id
          WHERE b.layer_id IS NULL GROUP BY p.severity) AS g,
         -- one piece (a forest near the subject) is its own union: no overlay of its hundreds of vertices
         LATERAL (SELECT CASE WHEN cardinality(g.parts) = 1 THEN g.parts[1]
                              ELSE (SELECT ST_Union(x, ${GRID_M}) FROM unnest(g.parts) AS x) END AS u) AS l
  ),
  -- Σ|a ∩ R| needs an intersection only for the pieces that cross R's outline. Where the base layer's
  -- pieces cover the whole subject (they add up to its area), R \ A lies in that layer's pieces of the
  -- other severities, so |A ∪ R| = Σ|a| + Σ|a' ∩ R| over those: whichever side crosses R less is used
  -- (under a forest, all the land-use pieces often have the forest's severity: no intersection at all).
  crossing AS MATERIALIZED (
    SELECT r.severity, p.severity = r.severity AS same, p.piece, p.m2, r.u, ST_Covers(r.u, p.piece) AS inside
    FROM rest r JOIN base b ON b.severity = r.severity JOIN pieces p ON p.layer_id = b.layer_id AND p.piece && r.u
  ),
  side AS (
    SELECT b.severity,
           coalesce((SELECT sum(p.m2) FROM pieces p WHERE p.layer_id = b.layer_id) >= (SELECT ST_Area(gp) FROM s) - 0.01, false)
             AND (SELECT count(*) FILTER (WHERE NOT c.same AND NOT c.inside) < count(*) FILTER (WHERE c.same AND NOT c.inside)
                  FROM crossing c WHERE c.severity = b.severity) AS complement
    FROM base b WHERE b.severity IN (SELECT severity FROM rest)
  ),
  shared AS (
    SELECT c.severity, sum(CASE WHEN c.inside THEN c.m2 ELSE ST_Area(derived.overlay_intersection(c.piece, c.u)) END) AS m2
    FROM crossing c JOIN side d ON d.severity = c.severity
    WHERE c.same <> d.complement
    GROUP BY c.severity
  ),
  by_severity AS (
    SELECT p.severity,
           sum(p.m2) FILTER (WHERE b.layer_id IS NOT NULL) AS base_m2,
           min(r.u_m2) AS rest_m2
    FROM pieces p LEFT JOIN base b ON b.severity = p.severity AND b.layer_id = p.layer_id
         LEFT JOIN rest r ON r.severity = p.severity
    GROUP BY p.severity
  )
  SELECT
    -- one row each (composite_to_json: ~3 % of the statement less than json_build_object per piece)
    (SELECT coalesce(json_agg(x ORDER BY x.layer_id, x.land_code, x.id), '[]'::json)
       FROM (SELECT id, layer_id, land_code, original_code, name, severity, m2 / 10000 AS overlap_ha FROM pieces) AS x) AS features,
    -- The pieces' outlines in the same order (a zone or cluster is one piece), GeoJSON texts one a
    -- line (ST_AsGeoJSON writes no line breaks): ::json would parse every outline here, and the API
    -- puts the texts into its reply as they are (server/http/raw-json.ts).
    (SELECT string_agg(CASE WHEN $3::boolean AND NOT ST_IsEmpty(piece) THEN ST_AsGeoJSON(coalesce(piece4, ST_Transform(piece, 4326)), 7) ELSE 'null' END,
                       chr(10) ORDER BY layer_id, land_code, id) FROM pieces) AS geometries,
    (SELECT coalesce(json_agg(json_build_object('layer_id', layer_id, 'covered_ha', covered)), '[]'::json)
       FROM (SELECT layer_id, CASE WHEN bool_and(free) THEN sum(m2) ELSE ST_Area(ST_Union(piece, ${GRID_M}) FILTER (WHERE NOT free)) END / 10000 AS covered
             FROM pieces GROUP BY layer_id) AS u) AS layers,
    (SELECT coalesce(json_agg(json_build_object('severity', v.severity, 'ha',
              (coalesce(v.base_m2, 0) + CASE WHEN d.complement THEN coalesce(h.m2, 0)
                                             ELSE coalesce(v.rest_m2, 0) - coalesce(h.m2, 0) END) / 10000)), '[]'::json)
       FROM by_severity v LEFT JOIN side d ON d.severity = v.severity LEFT JOIN shared h ON h.severity = v.severity) AS severities,
    ${measures},
    ${dataVersions},
    ${verdict}
  FROM chk LEFT JOIN s ON true`;

/**
 * What lies around the subject, in one statement: the administrative units it lies in (its
 * district first by largest share, then communes; the share — an intersection with a detailed
 * boundary — only where a level has several units), and the nearest zone of each safety category
 * within a radius ($3 codes, $4 category of each code in the same order, $5 radius in metres, $6
 * a box in degrees that holds it). Same distances as measuring every candidate; only zones that
 * can be the nearest are measured in the plane, from the zones' stored copy (migrations 063, 067, 069).
 */
export const surroundings = `
  WITH ${checkedSubject},
  hit AS (
    SELECT a.code, a.level, a.name, a.full_name, a.parent_code, a.geom, count(*) OVER (PARTITION BY a.level) AS n
    FROM admin_units a, s
    WHERE a.level IN ('district', 'commune') AND a.geom && s.g4 AND ST_Intersects(a.geom, s.g4)
  )
  SELECT
    (SELECT coalesce(json_agg(json_build_object('code', h.code, 'level', h.level, 'name', h.name, 'full_name', h.full_name, 'parent_code', h.parent_code)
              ORDER BY h.level, CASE WHEN h.n > 1 THEN ST_Area(ST_Intersection(h.geom, s.g4)) ELSE 0 END DESC, h.code), '[]'::json)
       FROM hit h) AS units,
    (SELECT coalesce(json_agg(json_build_object('category', n.category, 'name', n.name, 'land_code', n.land_code, 'distance_m', n.distance_m)
              ORDER BY n.category), '[]'::json)
       FROM derived.nearest_by_category(s.g4, s.gp, $3::text[], $4::text[], $5::float8, $6::float8) AS n) AS nearest
  FROM s`;

/** A saved cluster: its current boundary and the record fields the rules read. */
export const clusterSubject = `
  SELECT c.id, c.name, c.status, c.is_mountainous, c.is_craft_village, c.declared_area_ha, c.tm3_srid,
         c.province_code, c.district_code_at_decision, c.commune_codes_current, c.wwtp_built,
         (SELECT name FROM admin_units WHERE code = c.district_code_at_decision) AS district_name,
         ST_AsGeoJSON(b.geom, 9)::json AS geometry
  FROM clusters c LEFT JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current
  WHERE c.id = $1`;

/** Clusters of the occupancy comparison, by scope; established or later, not the subject. */
export const peerClusters = `
  SELECT c.id FROM clusters c
  WHERE c.id <> ALL ($1::int[])
    AND c.status IN ('established', 'detailed_plan_approved', 'infrastructure_construction', 'operating', 'expanded', 'adjusted')
    AND CASE $2::text
          WHEN 'province' THEN c.province_code = $3
          WHEN 'commune' THEN c.commune_codes_current && $4::text[]
          ELSE c.district_code_at_decision = $3
        END
  ORDER BY c.name`;

/** Plan zones and other clusters inside a box, for the browser's live analysis. */
export const featuresInBox = `
  WITH b AS (SELECT ST_MakeEnvelope($1, $2, $3, $4, 4326) AS env)
  SELECT * FROM (
    SELECT z.id, z.layer_id, z.land_code, z.original_code, z.name, ST_AsGeoJSON(z.geom, 8)::json AS geometry
    FROM plan_zones z, b WHERE z.geom && b.env
    UNION ALL
    SELECT c.id, 'clusters', 'SKN', NULL, c.name, ST_AsGeoJSON(cb.geom, 8)::json
    FROM cluster_boundaries cb JOIN clusters c ON c.id = cb.cluster_id, b
    WHERE cb.is_current AND c.status <> 'removed_from_plan' AND cb.geom && b.env
  ) AS f
  LIMIT $5`;
