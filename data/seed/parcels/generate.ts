/**
 * Generates the SYNTHETIC demo parcels of the Đình Lập cluster
 * (data/seed/parcels/parcels.geojson): about 300 parcels tiling the cluster's
 * illustrative boundary, with land codes, households and owners (invented),
 * inventories, compensation and a lawful clearance history per parcel.
 * Deterministic: `npx tsx data/seed/parcels/generate.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { LANG_SON_TM3 } from '../../../src/core/crs/vn2000';
import { fromVn2000, toVn2000 } from '../../../src/core/crs/transform';
import { ringPlaneArea } from '../../../src/core/geometry/area';
import type { ParcelInventory } from '../../../src/core/clearance/inventory';
import { landGroupOf, statusRank, type BlockingFlag } from '../../../src/core/clearance/steps';
import { compensationFor, inventoryFor, landCodesAt, newHousehold, ownersFor, type SeedHousehold, type SeedOwner } from './attributes';
import { buildHistory, PHASES, pickTarget, type SeedEvent } from './history';
import { prng, tile } from './tiling';

export const COMMUNE_CODE = '06613'; // xã (formerly thị trấn) Đình Lập
const SHEET_SIZE_M = 300;

export interface SeedParcelProps {
  key: string;
  commune_code: string;
  map_sheet_no: string;
  parcel_no: string;
  legal_land_code: string;
  current_land_code: string;
  planned_land_code: string;
  original_land_code: string | null;
  cadastral_area_m2: number;
  inventory: ParcelInventory;
  flags: BlockingFlag[];
  notes: string | null;
  planned_on: string;
  owners: SeedOwner[];
  events: SeedEvent[];
}

export interface SeedParcels extends FeatureCollection<Polygon | MultiPolygon, SeedParcelProps> {
  synthetic: true;
  cluster_key: string;
  households: Omit<SeedHousehold, 'family'>[];
}

const NOTES: Partial<Record<BlockingFlag, string>> = {
  dispute: 'Tranh chấp ranh giới với thửa liền kề, đang hòa giải tại xã',
  absent_owner: 'Chủ sử dụng đi làm ăn xa, chưa liên lạc được',
  mortgage: 'Giấy chứng nhận đang thế chấp tại ngân hàng',
  price_disagreement: 'Hộ chưa đồng ý đơn giá bồi thường',
  complaint: 'Có đơn khiếu nại về diện tích đất bị thu hồi',
  undivided_inheritance: 'Di sản thừa kế chưa phân chia, cần thỏa thuận của các đồng thừa kế',
};

const round8 = (p: Position): Position => [Math.round(p[0]! * 1e8) / 1e8, Math.round(p[1]! * 1e8) / 1e8];

export function generateParcels(): SeedParcels {
  const here = new URL('.', import.meta.url);
  const boundaries = JSON.parse(readFileSync(new URL('../cluster-boundaries.geojson', here), 'utf8')) as FeatureCollection<Polygon, { key: string }>;
  const boundary = boundaries.features.find((f) => f.properties.key === 'dinh-lap')!;
  const ring = boundary.geometry.coordinates[0]!.map((p) => toVn2000(LANG_SON_TM3, [p[0]!, p[1]!]));
  const xs = ring.map((p) => p[0]!), ys = ring.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pos = (p: Position) => ({ u: (p[0]! - minX) / (maxX - minX), v: (p[1]! - minY) / (maxY - minY) });

  const rnd = prng('dinh-lap-parcels-v1');
  // Denser (smaller) parcels in the hamlet and the rice valley, larger in the forest.
  const cells = tile(ring, 44.5, rnd, (p) => {
    const { u, v } = pos(p);
    return u < 0.32 && v < 0.3 ? 1.8 : u + v > 1.25 ? 0.6 : 1;
  });
  cells.sort((a, b) => b.site[1]! - a.site[1]! || a.site[0]! - b.site[0]!);

  const perSheet = new Map<string, number>();
  const households: SeedHousehold[] = [];
  const recent: { h: SeedHousehold; site: Position }[] = [];
  let decisionNo = 200;
  let noticeNo = 60;
  const nextNumber = (kind: 'QĐ' | 'TB') => (kind === 'QĐ' ? `${decisionNo++}/QĐ-UBND` : `${noticeNo++}/TB-UBND`);

  const features = cells.map((cell) => {
    const p = pos(cell.site);
    const col = Math.floor((cell.site[0]! - minX) / SHEET_SIZE_M), row = Math.floor((maxY - cell.site[1]!) / SHEET_SIZE_M);
    const sheet = String(21 + row * 4 + col);
    const n = (perSheet.get(sheet) ?? 40) + 1 + Math.floor(rnd() * 3);
    perSheet.set(sheet, n);
    const polys = cell.geometry.type === 'Polygon' ? [cell.geometry.coordinates] : cell.geometry.coordinates;
    const areaM2 = polys.reduce((s, rings) => s + rings.reduce((t, r, i) => t + (i === 0 ? 1 : -1) * Math.abs(ringPlaneArea(r)), 0), 0);

    const codes = landCodesAt(p, rnd);
    const group = landGroupOf(codes.legal);
    const phaseIx = (x: number) => (x < 0.34 ? 0 : x < 0.62 ? 1 : x < 0.85 ? 2 : 3);
    const phase = PHASES[phaseIx(p.u + (rnd() - 0.5) * 0.06)]!;
    const target = pickTarget(phase, rnd);

    // Owners: private parcels belong to households (often one owning neighbouring parcels).
    let owners: SeedOwner[] = [];
    let heirs = false;
    if (!codes.isPublic) {
      const near = recent.filter((r) => Math.hypot(r.site[0]! - cell.site[0]!, r.site[1]! - cell.site[1]!) < 160);
      let h: SeedHousehold;
      if (near.length && rnd() < 0.3) h = near[Math.floor(rnd() * near.length)]!.h;
      else {
        h = newHousehold(households.length + 1, p, rnd);
        households.push(h);
      }
      recent.push({ h, site: cell.site });
      const heirHouseholds: SeedHousehold[] = [];
      if (rnd() < 0.03) {
        heirs = true;
        for (let i = 0; i < 2 + Math.floor(rnd() * 2); i++) {
          const x = newHousehold(households.length + 1, p, rnd);
          x.head_name = `${h.family} ${x.head_name.split(' ').slice(1).join(' ')}`;
          households.push(x);
          heirHouseholds.push(x);
        }
      }
      owners = ownersFor(h, heirHouseholds, rnd);
    }

    const inv = inventoryFor(codes, areaM2, !codes.isPublic && ['CLN', 'RSX'].includes(codes.legal) && rnd() < 0.1, rnd);
    const proposed = compensationFor(codes, areaM2, inv);
    const approved = rnd() < 0.3 ? Math.round((proposed * (0.96 + rnd() * 0.04)) / 1000) * 1000 : proposed;
    const deposited = !codes.isPublic && rnd() < 0.05;
    const { events, state } = buildHistory(phase, target, group, { proposed, approved, deposited }, rnd, nextNumber);

    const rank = statusRank(state.status);
    const handedOver = rank >= statusRank('handed_over');
    const flags = new Set<BlockingFlag>();
    if (codes.isPublic) flags.add('public_land');
    if (heirs && !handedOver) flags.add('undivided_inheritance');
    if (!codes.isPublic && !handedOver) {
      if (rnd() < 0.05) flags.add('absent_owner');
      if (rnd() < 0.04) flags.add('dispute');
      if (rnd() < 0.03) flags.add('mortgage');
      if (codes.legal === 'ONT') flags.add('needs_resettlement');
      if (state.deposited || ['handover_refused', 'handover_persuasion', 'compulsory_recovery_decided'].includes(state.status)) flags.add('price_disagreement');
      if (state.status === 'published' && phase === PHASES[0]) flags.add('price_disagreement');
      if (state.status.startsWith('handover') || state.status === 'compulsory_recovery_decided') if (rnd() < 0.5) flags.add('complaint');
    }
    const inventoried = rank >= statusRank('inventoried') && !state.status.startsWith('inventory') && state.status !== 'compulsory_inventory_decided';
    const inventory: ParcelInventory = inventoried ? { ...inv, recorded_on: state.inventoryDate } : {};
    if (inventory.graves) {
      const g = inventory.graves;
      g.relocated = handedOver ? g.total : rank >= statusRank('paid') ? Math.floor(g.total * rnd()) : 0;
      if (g.relocated < g.total) flags.add('graves_pending');
    }
    const notes = [...flags].map((f) => NOTES[f]).filter(Boolean).join('. ') || null;
    const lonLat = polys.map((rings) => rings.map((r) => r.map((q) => round8(fromVn2000(LANG_SON_TM3, [q[0]!, q[1]!])))));
    const cadastral = rnd() < 0.15 ? areaM2 * (0.97 + rnd() * 0.06) : areaM2;
    return {
      type: 'Feature' as const,
      geometry: lonLat.length === 1 ? { type: 'Polygon' as const, coordinates: lonLat[0]! } : { type: 'MultiPolygon' as const, coordinates: lonLat },
      properties: {
        key: `${COMMUNE_CODE}-${sheet}-${n}`,
        commune_code: COMMUNE_CODE,
        map_sheet_no: sheet,
        parcel_no: String(n),
        legal_land_code: codes.legal,
        current_land_code: codes.current,
        planned_land_code: codes.planned,
        original_land_code: codes.original,
        cadastral_area_m2: Math.round(cadastral * 10) / 10,
        inventory,
        flags: [...flags],
        notes,
        planned_on: phase.plannedOn,
        owners,
        events,
      },
    };
  });
  return {
    type: 'FeatureCollection',
    synthetic: true,
    cluster_key: 'dinh-lap',
    households: households.map(({ family: _f, ...h }) => h),
    features,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = generateParcels();
  writeFileSync(new URL('parcels.geojson', import.meta.url), JSON.stringify(out) + '\n');
  const by = new Map<string, number>();
  for (const f of out.features) {
    const last = f.properties.events.at(-1);
    const k = last ? last.action : 'plan';
    by.set(k, (by.get(k) ?? 0) + 1);
  }
  console.log(`${out.features.length} parcels, ${out.households.length} households`, Object.fromEntries(by));
}
