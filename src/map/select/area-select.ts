/**
 * Box and lasso selection on the map: the user drags a rectangle (box) or draws
 * a free shape (lasso); the shape comes back as a closed lon/lat ring. While a
 * selection is being drawn the map does not pan. Feature code decides what lies
 * inside (src/core/clearance/select.ts), so no map library leaks out of here.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { getMapController } from '../instance';

export type SelectKind = 'box' | 'lasso';
export type LngLat = [number, number];

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Session {
  cancel: () => void;
}
let active: Session | undefined;

/**
 * Starts one selection gesture; `onDone` gets the ring (lon/lat, closed) when
 * the mouse is released, or is not called when cancelled (Escape, cancel()).
 * Returns a function that cancels it.
 */
export function startAreaSelect(kind: SelectKind, onDone: (ring: LngLat[]) => void, onEnd?: () => void): () => void {
  active?.cancel();
  const map: MlMap | undefined = getMapController()?.map;
  if (!map) return () => undefined;
  const container = map.getCanvasContainer();
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'area-select');
  svg.setAttribute('data-testid', `area-select-${kind}`);
  Object.assign(svg.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none', zIndex: '2' });
  const shape = document.createElementNS(SVG_NS, 'polygon');
  shape.setAttribute('fill', 'rgba(17, 17, 17, 0.08)');
  shape.setAttribute('stroke', '#111');
  shape.setAttribute('stroke-width', '1.5');
  shape.setAttribute('stroke-dasharray', '5 3');
  svg.appendChild(shape);
  container.appendChild(svg);
  const panWasOn = map.dragPan.isEnabled();
  const boxZoomWasOn = map.boxZoom.isEnabled();
  map.dragPan.disable();
  map.boxZoom.disable();
  container.style.cursor = 'crosshair';

  let points: [number, number][] = [];
  let start: [number, number] | undefined;
  const pos = (e: MouseEvent): [number, number] => {
    const r = container.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const draw = () => shape.setAttribute('points', points.map((p) => p.join(',')).join(' '));
  const down = (e: MouseEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    start = pos(e);
    points = [start];
  };
  const move = (e: MouseEvent) => {
    if (!start) return;
    const p = pos(e);
    if (kind === 'box') points = [start, [p[0], start[1]], p, [start[0], p[1]]];
    else {
      const last = points[points.length - 1]!;
      if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= 3) points.push(p);
    }
    draw();
  };
  const up = () => {
    if (!start) return;
    const screen = points;
    // The browser follows mouseup with a click on the map: it must not open a feature.
    const swallow = (e: MouseEvent) => {
      e.stopPropagation();
      e.preventDefault();
    };
    container.addEventListener('click', swallow, true);
    setTimeout(() => container.removeEventListener('click', swallow, true), 300);
    finish();
    if (screen.length < 3) return;
    const ring = screen.map((p) => {
      const ll = map.unproject(p);
      return [ll.lng, ll.lat] as LngLat;
    });
    ring.push(ring[0]!);
    onDone(ring);
  };
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Escape') finish();
  };
  function finish() {
    container.removeEventListener('mousedown', down, true);
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    window.removeEventListener('keydown', key);
    svg.remove();
    container.style.cursor = '';
    if (panWasOn) map!.dragPan.enable();
    if (boxZoomWasOn) map!.boxZoom.enable();
    start = undefined;
    if (active === session) active = undefined;
    onEnd?.();
  }
  container.addEventListener('mousedown', down, true);
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
  window.addEventListener('keydown', key);
  const session: Session = { cancel: finish };
  active = session;
  return finish;
}
