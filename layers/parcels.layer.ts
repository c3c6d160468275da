import type { ExpressionSpecification } from 'maplibre-gl';
import type { ParcelStatus } from '../src/core/clearance/steps';
import { emptyGeoJson, type MapLayerDef } from './types';

/**
 * Fill of a parcel by its clearance status: greys and blues for the early steps,
 * purples for the compensation plan, yellows for money, greens for the
 * recovery decision and the handover; oranges and reds for the compulsory
 * branches (inventory refused, handover refused). Opaque, so the colour a user
 * sees is exactly this one.
 */
export const PARCEL_STATUS_COLORS: Record<ParcelStatus, string> = {
  plan: '#e3e3e3',
  meeting: '#cfe3f3',
  notified: '#a3c8e6',
  inventory_refused: '#fdc98a',
  inventory_persuasion: '#f79a3e',
  compulsory_inventory_decided: '#c65a05',
  inventoried: '#6fa6d6',
  draft_plan: '#c7b4e0',
  posted: '#a88bd0',
  approved: '#8463ba',
  published: '#f5dc77',
  paid: '#e3ad2b',
  recovery_decided: '#b5de7c',
  handover_refused: '#f7a1a1',
  handover_persuasion: '#e0403a',
  compulsory_recovery_decided: '#9b0d0d',
  handed_over: '#4bae5b',
  cadastre_updated: '#1d6e33',
};

/** Parcels not yet in the recovery plan on the date shown (time slider). */
export const PARCEL_NOT_IN_PLAN = '#ffffff';

/** Dashed outline of a parcel with an overdue item (payment, lapsed notice). */
export const PARCEL_OVERDUE_OUTLINE = '#d7191c';

/** Outline of the parcel whose record is open. */
export const PARCEL_OPEN_OUTLINE = '#00b4d8';

/** Flag symbols (circles: no glyph font needed). */
export const PARCEL_FLAG_COLORS = { grave: '#3d3d3d', dispute: '#d7191c', absent: '#2b6cb0' } as const;

const statusColor = [
  'match',
  ['coalesce', ['get', 'status'], 'none'],
  ...Object.entries(PARCEL_STATUS_COLORS).flat(),
  PARCEL_NOT_IN_PLAN,
] as unknown as ExpressionSpecification;

const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isSelected: ExpressionSpecification = ['==', ['get', 'selected'], true];

const flagLayer = (flag: keyof typeof PARCEL_FLAG_COLORS, dx: number): MapLayerDef['layers'][number] => ({
  id: `parcels-flag-${flag}`,
  type: 'circle',
  source: 'parcels',
  minzoom: 14,
  filter: ['all', isPoint, ['==', ['get', flag], true]],
  paint: {
    'circle-color': PARCEL_FLAG_COLORS[flag],
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 14, 2.5, 17, 5],
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 1,
    'circle-translate': [dx, 0],
  },
});

/**
 * Parcels of the clearance (GPMB) tracking: polygons coloured by status, the
 * selected ones outlined, and flag symbols at each parcel's inner point
 * (point features of the same source: grave, dispute, absent owner); the parcel
 * whose record is open outlined in cyan.
 */
export const parcelsLayer: MapLayerDef = {
  id: 'parcels',
  titleKey: 'layer.parcels',
  group: 'data',
  source: { ...emptyGeoJson(), promoteId: 'id' } as MapLayerDef['source'],
  layers: [
    { id: 'parcels-fill', type: 'fill', source: 'parcels', filter: isPolygon, paint: { 'fill-color': statusColor, 'fill-opacity': 1 } },
    {
      id: 'parcels-line',
      type: 'line',
      source: 'parcels',
      filter: isPolygon,
      paint: { 'line-color': '#5f5f5f', 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 0.2, 17, 1] },
    },
    {
      id: 'parcels-overdue-line',
      type: 'line',
      source: 'parcels',
      filter: ['all', isPolygon, ['==', ['get', 'overdue'], true]],
      paint: { 'line-color': PARCEL_OVERDUE_OUTLINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 2.5], 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'parcels-selected-line',
      type: 'line',
      source: 'parcels',
      filter: ['all', isPolygon, isSelected],
      paint: { 'line-color': '#111111', 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 3.5] },
    },
    {
      id: 'parcels-open-line',
      type: 'line',
      source: 'parcels',
      filter: ['all', isPolygon, ['==', ['get', 'open'], true]],
      paint: { 'line-color': PARCEL_OPEN_OUTLINE, 'line-width': 3.5 },
    },
    flagLayer('grave', -7),
    flagLayer('dispute', 0),
    flagLayer('absent', 7),
  ],
  legend: [
    ...Object.entries(PARCEL_STATUS_COLORS).map(([s, color]) => ({ kind: 'fill' as const, color, labelKey: `gpmb.status.${s}` })),
  ],
  interactiveLayerIds: ['parcels-fill'],
};
