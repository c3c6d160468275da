import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

/** One legend row: a swatch and a label key for the i18n dictionary. */
export interface LegendItem {
  color: string;
  labelKey: string;
  kind: 'fill' | 'line';
}

/**
 * A map layer of the product: its source, its MapLibre style layers (plain
 * style-spec JSON) and its legend. Data is pushed in by the map controller.
 */
export interface MapLayerDef {
  id: string;
  titleKey: string;
  source: SourceSpecification;
  layers: LayerSpecification[];
  legend: LegendItem[];
  /** Feature layers whose clicks select a feature of this source. */
  interactiveLayerIds?: string[];
  /** Where the layer panel lists it: the provincial plan, the base map, or the product's own data. */
  group?: 'base' | 'plan' | 'data';
  /** The `plan_layers.id` whose zones fill this source (plan layers only). */
  planLayerId?: string;
  /** Shown when the map opens (default true). */
  defaultVisible?: boolean;
}

export const emptyGeoJson = (): SourceSpecification => ({
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
});
