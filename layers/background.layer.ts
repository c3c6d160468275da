import type { LayerSpecification } from 'maplibre-gl';

/** Offline basemap colours: neutral land outside Vietnam. */
export const BACKGROUND_COLOR = '#e4e2dc';

export const backgroundLayer: LayerSpecification = {
  id: 'background',
  type: 'background',
  paint: { 'background-color': BACKGROUND_COLOR },
};
