/**
 * What the URL keeps so a link can be shared: the map view and the selected cluster,
 * in the hash: `#map=13.50/21.55210/107.09810&cluster=3`.
 */
import type { ViewState } from '../map/MapController';

export interface UrlState {
  view?: ViewState;
  clusterId?: number;
}

/**
 * @example parseUrlState('#map=13.5/21.5521/107.0981&cluster=3') // → { view: { zoom: 13.5, lat: 21.5521, lng: 107.0981 }, clusterId: 3 }
 */
export function parseUrlState(hash: string): UrlState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: UrlState = {};
  const m = /^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/.exec(params.get('map') ?? '');
  if (m) {
    const [zoom, lat, lng] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (zoom <= 22 && Math.abs(lat) <= 85 && Math.abs(lng) <= 180) out.view = { zoom, lat, lng };
  }
  const c = params.get('cluster');
  if (c && /^[1-9]\d{0,9}$/.test(c)) out.clusterId = Number(c);
  return out;
}

/** @example formatUrlState({ view: { zoom: 13.5, lat: 21.55212, lng: 107.09811 }, clusterId: 3 }) // → '#map=13.50/21.55212/107.09811&cluster=3' */
export function formatUrlState(s: UrlState): string {
  const parts: string[] = [];
  if (s.view) parts.push(`map=${s.view.zoom.toFixed(2)}/${s.view.lat.toFixed(5)}/${s.view.lng.toFixed(5)}`);
  if (s.clusterId !== undefined) parts.push(`cluster=${s.clusterId}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
