import { emptyGeoJson, type MapLayerDef } from './types';

/** Colour of the crossing point shown when a self-intersecting change is refused. */
export const CROSSING_COLOR = '#e03131';

/**
 * Marks of the drawing tool: the crossing point of a refused self-intersection
 * (red ring). The drawn boundary itself is rendered by terra-draw (src/map/draw).
 */
export const drawingMarksLayer: MapLayerDef = {
  id: 'drawing-marks',
  titleKey: 'draw.layer',
  group: 'data',
  source: emptyGeoJson(),
  layers: [
    {
      id: 'drawing-marks-crossing',
      type: 'circle',
      source: 'drawing-marks',
      filter: ['==', ['get', 'kind'], 'crossing'],
      paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': CROSSING_COLOR, 'circle-stroke-width': 3 },
    },
  ],
  legend: [{ kind: 'line', color: CROSSING_COLOR, labelKey: 'draw.legend.crossing' }],
};
