/**
 * The feature collections served by the OGC API – Features endpoint (/ogc), as a server-side
 * allow-list: every identifier in the SQL below comes from here, never from a request.
 * Values (bbox, limit, offset, ids, property filters) are always $n parameters.
 * A feature adds a collection by adding one entry to OGC_COLLECTIONS.
 */

export interface OgcCollection {
  id: string;
  title: string;
  description: string;
  /** FROM clause (with joins); the geometry expression and id expression refer to it. */
  from: string;
  /** Fixed filter (no user input), or ''. */
  where: string;
  /** A MultiPolygon/Polygon geometry column in EPSG:4326 (GiST-indexed). */
  geom: string;
  /** Expression of the feature id. */
  idExpr: string;
  idType: 'integer' | 'string';
  /** SELECT list of the feature properties (`expr AS name`, …). */
  properties: string;
  /** Properties a request may filter on with `?name=value` (equality), name → SQL expression. */
  queryables: Record<string, string>;
}

const clusterArea = (expr: string) => `round((${expr})::numeric, 4)`;

export const OGC_COLLECTIONS: readonly OgcCollection[] = [
  {
    id: 'clusters',
    title: 'Cụm công nghiệp (industrial clusters)',
    description:
      'Industrial clusters of the province with their current boundary; areas in ha: VN-2000 TM-3 plane (as decisions state them) and ellipsoidal. Demo boundaries are illustrative.',
    from: 'clusters c JOIN cluster_boundaries b ON b.cluster_id = c.id AND b.is_current',
    where: '',
    geom: 'b.geom',
    idExpr: 'c.id',
    idType: 'integer',
    properties: `c.name, c.status, c.investor_name, c.investor_type, array_to_string(c.industries, '; ') AS industries,
      c.declared_area_ha,
      ${clusterArea('ST_Area(ST_Transform(b.geom, c.tm3_srid)) / 10000')} AS plane_area_ha,
      ${clusterArea('ST_Area(b.geom::geography) / 10000')} AS ellipsoidal_area_ha,
      c.industrial_land_ha, c.leased_land_ha, c.is_craft_village, c.is_mountainous,
      c.district_code_at_decision, array_to_string(c.commune_codes_current, ',') AS commune_codes,
      c.tm3_srid, b.is_illustrative AS boundary_illustrative, c.version`,
    queryables: { status: 'c.status', investor_type: 'c.investor_type' },
  },
  {
    id: 'plan_zones',
    title: 'Vùng quy hoạch (provincial plan zones)',
    description:
      'Zones of the provincial plan layers (land use by land code, forest, corridors, industrial, relics). The demo zones are SYNTHETIC, not an official plan.',
    from: 'plan_zones z JOIN plan_layers l ON l.id = z.layer_id',
    where: '',
    geom: 'z.geom',
    idExpr: 'z.id',
    idType: 'integer',
    properties: `z.layer_id, l.name_vi AS layer_name, z.land_code, z.original_code, z.name,
      round((ST_Area(z.geom::geography) / 10000)::numeric, 4) AS area_ha, l.is_synthetic`,
    queryables: { layer_id: 'z.layer_id', land_code: 'z.land_code' },
  },
  ...(['province', 'district', 'commune'] as const).map(
    (level): OgcCollection => ({
      id: `admin_units_${level}`,
      title: { province: 'Tỉnh (province)', district: 'Huyện (legacy districts, to 01/07/2025)', commune: 'Xã (communes)' }[level],
      description: `Administrative units of level ${level} (GSO codes; boundaries of 2009, censusVN2009, MIT).`,
      from: 'admin_units a',
      where: `a.level = '${level}'`,
      geom: 'a.geom',
      idExpr: 'a.code',
      idType: 'string',
      properties: `a.code, a.name, a.full_name, a.parent_code, a.valid_from, a.valid_to`,
      queryables: { parent_code: 'a.parent_code' },
    }),
  ),
];

export function findCollection(id: string): OgcCollection | undefined {
  return OGC_COLLECTIONS.find((c) => c.id === id);
}

const whereClause = (c: OgcCollection, extra: string[]) => {
  const parts = [c.where, ...extra].filter(Boolean);
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
};

export interface ItemsQuery {
  bbox?: [number, number, number, number] | undefined;
  filters: [string, string][];
  limit: number;
  offset: number;
}

/**
 * SQL and values of an items page and of its total count. The bbox envelope is built once
 * (ST_MakeEnvelope in EPSG:4326, the column's CRS), so the GiST index on the column is used.
 */
export function itemsSql(c: OgcCollection, q: ItemsQuery): { items: string; count: string; values: unknown[]; countValues: unknown[] } {
  const values: unknown[] = [];
  const conds: string[] = [];
  if (q.bbox) {
    values.push(...q.bbox);
    conds.push(`${c.geom} && ST_MakeEnvelope($1, $2, $3, $4, 4326) AND ST_Intersects(${c.geom}, ST_MakeEnvelope($1, $2, $3, $4, 4326))`);
  }
  for (const [name, value] of q.filters) {
    const expr = c.queryables[name];
    if (!expr) continue;
    values.push(value);
    conds.push(`${expr}::text = $${values.length}`);
  }
  const where = whereClause(c, conds);
  const countValues = [...values];
  values.push(q.limit, q.offset);
  return {
    items: `SELECT ${c.idExpr} AS fid, ${c.properties}, ST_AsGeoJSON(${c.geom}, 7)::json AS geometry
            FROM ${c.from} ${where} ORDER BY ${c.idExpr} LIMIT $${values.length - 1} OFFSET $${values.length}`,
    count: `SELECT count(*)::int AS n FROM ${c.from} ${where}`,
    values,
    countValues,
  };
}

export function itemSql(c: OgcCollection): string {
  return `SELECT ${c.idExpr} AS fid, ${c.properties}, ST_AsGeoJSON(${c.geom}, 7)::json AS geometry
          FROM ${c.from} ${whereClause(c, [`${c.idExpr}${c.idType === 'integer' ? '' : '::text'} = $1`])}`;
}

/** Spatial extent of a collection: [minLon, minLat, maxLon, maxLat], or null when empty. */
export function extentSql(c: OgcCollection): string {
  return `SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1
          FROM (SELECT ST_Extent(${c.geom}) AS e FROM ${c.from} ${whereClause(c, [])}) t`;
}
