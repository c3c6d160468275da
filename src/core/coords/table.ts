import type { Polygon, Position } from 'geojson';
import { looksLikeDms, parseDms } from '../crs/dms';
import { fromVn2000 } from '../crs/transform';
import type { InputSystem } from '../crs/systems';
import { ringPlaneArea } from '../geometry/area';
import { parseLocaleNumber } from './numbers';

/** One boundary marker as typed: X and Y in the order decisions print them. */
export interface Marker {
  name: string;
  /** Projected: X = northing (m). Geographic: the first column (latitude or longitude, see lonLat). */
  x: number;
  /** Projected: Y = easting (m). Geographic: the second column. */
  y: number;
}

export interface TableLineError {
  line: number;
  text: string;
  reason: 'one-number' | 'not-a-number';
}

export interface ParsedTable {
  markers: Marker[];
  errors: TableLineError[];
  /** Lines without coordinates (headers, titles), skipped. */
  skipped: number;
  /** The last row repeated the first (a closed list), and was dropped. */
  closingRowDropped: boolean;
}

const DMS_TOKEN =
  /[+-]?\d{1,3}(?:[.,]\d+)?\s*[°º]\s*(?:\d{1,2}(?:[.,]\d+)?\s*['′’]\s*)?(?:\d{1,2}(?:[.,]\d+)?\s*(?:"|″|”|''|′′))?\s*[NSEWĐTnsewđt]?/gu;

function tokens(line: string, system: InputSystem): string[] {
  if (system.kind === 'geographic' && looksLikeDms(line)) {
    const dms = line.match(DMS_TOKEN) ?? [];
    const first = line.search(DMS_TOKEN);
    const name = first > 0 ? line.slice(0, first).replace(/[\t;,]/g, ' ').trim() : '';
    return name ? [name, ...dms] : dms;
  }
  let parts: string[];
  if (line.includes('\t')) parts = line.split('\t');
  else if (line.includes(';')) parts = line.split(';');
  else {
    parts = line.trim().split(/\s+/).map((t) => t.replace(/,$/, ''));
    // "M1,2384012.35,484061.57": comma-separated with decimal points.
    if (parts.length === 1 && parts[0]!.includes(',') && parts[0]!.includes('.')) parts = parts[0]!.split(',');
  }
  return parts.map((t) => t.trim()).filter(Boolean);
}

function value(token: string, system: InputSystem): number | undefined {
  if (system.kind === 'geographic') return looksLikeDms(token) ? parseDms(token) : parseLocaleNumber(token);
  return parseLocaleNumber(token, { dotThousands: true });
}

/**
 * Parses a marker table pasted from Excel or Word (tabs, semicolons or spaces;
 * decimal commas; headers and titles skipped): M1…Mn with X and Y.
 */
export function parseMarkerTable(text: string, system: InputSystem): ParsedTable {
  const markers: Marker[] = [];
  const errors: TableLineError[] = [];
  let skipped = 0;
  text.normalize('NFC').split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const toks = tokens(line, system);
    const nums = toks.map((t) => value(t, system));
    const numeric = nums.filter((v) => v !== undefined).length;
    if (numeric === 0) {
      skipped++;
      return;
    }
    let name: string | undefined;
    let rest = nums;
    if (nums[0] === undefined) {
      name = toks[0]!;
      rest = nums.slice(1);
    } else if (numeric >= 3 && Number.isInteger(nums[0]) && Math.abs(nums[0]!) < 10_000 && !/[.,]/.test(toks[0]!)) {
      name = toks[0]!; // a marker number: "1  2384012,35  484061,57"
      rest = nums.slice(1);
    }
    const [x, y] = rest;
    if (x === undefined || y === undefined) {
      if (numeric === 1 && !name) skipped++;
      else errors.push({ line: i + 1, text: raw, reason: numeric === 1 ? 'one-number' : 'not-a-number' });
      return;
    }
    markers.push({ name: name ?? `M${markers.length + 1}`, x, y });
  });
  let closingRowDropped = false;
  const first = markers[0];
  const last = markers.at(-1);
  if (first && last && markers.length > 3 && ((first.x === last.x && first.y === last.y) || (last.name === first.name && last !== first))) {
    markers.pop();
    closingRowDropped = true;
  }
  return { markers, errors, skipped, closingRowDropped };
}

const inVietnam = ([lon, lat]: Position): boolean => lon! > 101.5 && lon! < 118 && lat! > 7 && lat! < 24;

/** Lon/lat of each marker in a system (projected X = northing, Y = easting). */
export function markersToLonLat(markers: readonly Marker[], system: InputSystem): Position[] {
  if (system.kind === 'projected') return markers.map((m) => fromVn2000(system.epsg, [m.y, m.x]));
  // Geographic: latitude first (as decisions print B, L) unless the first column is clearly a longitude.
  return markers.map((m) => (Math.abs(m.x) > 90 || (m.x > 100 && m.y < 30) ? [m.x, m.y] : [m.y, m.x]));
}

/**
 * Whether X and Y look swapped: the table as typed falls outside Vietnam but
 * with X and Y exchanged it falls inside (easting ≈ 0.3–0.7 M, northing ≈ 1–2.6 M).
 */
export function detectSwappedXY(markers: readonly Marker[], system: InputSystem): boolean {
  if (system.kind !== 'projected' || !markers.length) return false;
  const asTyped = markersToLonLat(markers, system).filter(inVietnam).length;
  const swapped = markersToLonLat(swapXY(markers), system).filter(inVietnam).length;
  return swapped > asTyped && swapped >= markers.length / 2;
}

export function swapXY(markers: readonly Marker[]): Marker[] {
  return markers.map((m) => ({ name: m.name, x: m.y, y: m.x }));
}

/** The polygon of a marker table in lon/lat (RFC 7946 winding is left to the repair step). */
export function markersToPolygon(markers: readonly Marker[], system: InputSystem): Polygon | undefined {
  if (markers.length < 3) return undefined;
  const ring = markersToLonLat(markers, system);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** Plane area of a projected marker table straight from its coordinates (ha) — the figure decisions state. */
export function tablePlaneAreaHa(markers: readonly Marker[]): number {
  return Math.abs(ringPlaneArea(markers.map((m) => [m.y, m.x]))) / 10_000;
}
