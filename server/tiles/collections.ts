/**
 * The tile collections: a server-side allow-list. Every identifier that reaches tile SQL (table,
 * columns, MVT layer name) comes from here; requests only choose a collection by id and give
 * filter VALUES, which travel as $n parameters.
 */

export interface TileFilter {
  /** Column compared with the value (identifier from this list only). */
  column: string;
  type: 'text' | 'int';
  /** JSON Schema of the query-string value. */
  schema: { type: 'string'; pattern: string } | { type: 'integer'; minimum: number };
  description: string;
}

export interface TileCollection {
  id: string;
  table: string;
  /** MVT layer name = the `source-layer` of style layers that draw it. */
  layerName: string;
  /** Columns exported as feature properties (the feature id is the `id` column). */
  properties: readonly string[];
  /** Below this zoom the tile is empty (features would be sub-pixel). */
  minZoom: number;
  /** Query-string filters (name → column). */
  filters: Readonly<Record<string, TileFilter>>;
  /** Zooms up to this one are drawn from the generalised overview (derived.plan_overview). */
  overviewMaxZoom?: number;
}

export const TILE_COLLECTIONS: Readonly<Record<string, TileCollection>> = {
  plan_zones: {
    id: 'plan_zones',
    table: 'plan_zones',
    layerName: 'plan_zones',
    properties: ['layer_id', 'land_code', 'original_code', 'name'],
    minZoom: 0,
    filters: {
      layer: {
        column: 'layer_id',
        type: 'text',
        schema: { type: 'string', pattern: '^[a-z0-9_]{1,40}$' },
        description: 'Only the zones of this plan layer (plan_layers.id)',
      },
    },
    overviewMaxZoom: 12,
  },
  parcels: {
    id: 'parcels',
    table: 'parcels',
    layerName: 'parcels',
    properties: ['cluster_id', 'status', 'legal_land_code', 'map_sheet_no', 'parcel_no'],
    minZoom: 10,
    filters: {
      cluster: {
        column: 'cluster_id',
        type: 'int',
        schema: { type: 'integer', minimum: 1 },
        description: 'Only the parcels of this cluster',
      },
    },
  },
};

export const collectionIds = () => Object.keys(TILE_COLLECTIONS);
