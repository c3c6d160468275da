import { landCodeColor, landLegend } from './land-colors';
import { emptyGeoJson, type MapLayerDef } from './types';

/** Codes the demo land-use plan uses, in legend order. */
export const LAND_USE_LEGEND_CODES = ['LUC', 'LUK', 'HNK', 'CLN', 'NTS', 'RSX', 'RPH', 'RDD', 'ONT', 'TMD', 'SKC', 'NTD', 'DCS', 'NCS'];

/** Land-use plan zones by land code (plan_zones of layer `land_use`), coloured by the VN convention. */
export const planLandUseLayer: MapLayerDef = {
  id: 'plan_land_use',
  titleKey: 'layer.plan_land_use',
  group: 'plan',
  planLayerId: 'land_use',
  source: emptyGeoJson(),
  layers: [
    {
      id: 'plan_land_use-fill',
      type: 'fill',
      source: 'plan_land_use',
      paint: { 'fill-color': landCodeColor(), 'fill-opacity': 0.65 },
    },
    {
      id: 'plan_land_use-line',
      type: 'line',
      source: 'plan_land_use',
      minzoom: 11,
      paint: { 'line-color': '#9a9486', 'line-width': 0.5, 'line-opacity': 0.8 },
    },
    {
      id: 'plan_land_use-code',
      type: 'symbol',
      source: 'plan_land_use',
      minzoom: 13.5,
      layout: {
        'text-field': ['get', 'land_code'],
        'text-font': ['NotoSans-Regular'],
        'text-size': 11,
        'symbol-placement': 'point',
      },
      paint: { 'text-color': '#5b5346', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
    },
  ],
  legend: landLegend(LAND_USE_LEGEND_CODES),
  interactiveLayerIds: ['plan_land_use-fill'],
};
