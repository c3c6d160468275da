import { LANG_SON_TM3, TM3_ZONES, crsByEpsg } from './vn2000';

/** A coordinate system a marker table can be typed in. */
export interface InputSystem {
  id: string;
  kind: 'projected' | 'geographic';
  /** EPSG code of a VN-2000 projected CRS; 4326 for WGS 84 lon/lat. */
  epsg: number;
  label: string;
  dms?: boolean;
}

/** Every system offered: the 17 provincial TM-3 meridians, UTM 48N/49N, WGS 84 decimal and DMS. */
export const INPUT_SYSTEMS: readonly InputSystem[] = [
  ...TM3_ZONES.map((z) => ({ id: `tm3:${z.epsg}`, kind: 'projected' as const, epsg: z.epsg, label: `${crsByEpsg(z.epsg)!.name} (EPSG:${z.epsg})` })),
  { id: 'utm:3405', kind: 'projected', epsg: 3405, label: 'VN-2000 / UTM 48N (EPSG:3405)' },
  { id: 'utm:3406', kind: 'projected', epsg: 3406, label: 'VN-2000 / UTM 49N (EPSG:3406)' },
  { id: 'wgs84', kind: 'geographic', epsg: 4326, label: 'WGS 84 (°)' },
  { id: 'wgs84-dms', kind: 'geographic', epsg: 4326, label: 'WGS 84 (° ′ ″)', dms: true },
];

export const DEFAULT_INPUT_SYSTEM = `tm3:${LANG_SON_TM3}`;

export function inputSystem(id: string): InputSystem | undefined {
  return INPUT_SYSTEMS.find((s) => s.id === id);
}
