/**
 * Synthetic attributes of the demo parcels: land codes by position in the site,
 * households and owners (invented names), inventories and compensation from an
 * illustrative price table. Nothing here describes real people or real prices.
 */
import type { ParcelInventory } from '../../../src/core/clearance/inventory';

/** Position in the site: u west→east, v south→north, both 0..1. */
export interface SitePos {
  u: number;
  v: number;
}

export interface LandCodes {
  legal: string;
  current: string;
  planned: string;
  /** Code as printed on an older (2014) map, when it differs from today's code. */
  original: string | null;
  isPublic: boolean;
}

const LEGACY: Record<string, string> = { LUK: 'LUN', HNK: 'BHK', LUC: 'LUA' };

/** Land codes by where the parcel lies: a rice valley, a hamlet by the road, hills of star anise, pine forest. */
export function landCodesAt(p: SitePos, rnd: () => number): LandCodes {
  const valley = Math.abs(p.v - (0.3 + 0.25 * p.u));
  let legal: string;
  if (Math.hypot(p.u - 0.72, p.v - 0.58) < 0.06) legal = 'NTD';
  else if (p.u < 0.32 && p.v < 0.3 && rnd() < 0.75) legal = 'ONT';
  else if (valley < 0.06) legal = 'LUC';
  else if (valley < 0.11) legal = rnd() < 0.6 ? 'LUK' : 'HNK';
  else if (p.u + p.v > 1.25) legal = rnd() < 0.85 ? 'RSX' : 'CLN';
  else if (valley < 0.17 && rnd() < 0.5) legal = 'HNK';
  else legal = rnd() < 0.8 ? 'CLN' : 'HNK';
  if (legal !== 'NTD' && legal !== 'ONT' && rnd() < 0.015) legal = rnd() < 0.5 ? 'DTL' : 'DGT';
  let current = legal;
  if (legal === 'LUK' && rnd() < 0.25) current = 'HNK';
  if (legal === 'CLN' && rnd() < 0.04) current = 'ONT';
  const original = LEGACY[legal] && rnd() < 0.3 ? LEGACY[legal]! : null;
  return { legal, current, planned: 'SKN', original, isPublic: ['NTD', 'DTL', 'DGT'].includes(legal) };
}

const FAMILY = ['Hoàng', 'Nông', 'Lý', 'Vi', 'Lương', 'Triệu', 'Lăng', 'Hà', 'Lộc', 'Chu', 'Mông', 'Nguyễn', 'Trần', 'Đinh', 'Hứa'];
const MALE = ['Văn Bình', 'Văn Cường', 'Văn Dũng', 'Đức Hải', 'Văn Hùng', 'Văn Khánh', 'Văn Lâm', 'Minh Long', 'Văn Nam', 'Văn Phúc', 'Văn Quang', 'Văn Sơn', 'Văn Thắng', 'Văn Tuấn', 'Văn Việt', 'Quốc Toàn', 'Văn Định', 'Văn Chiến'];
const FEMALE = ['Thị Hoa', 'Thị Lan', 'Thị Mai', 'Thị Nga', 'Thị Oanh', 'Thị Phương', 'Thị Quyên', 'Thị Thu', 'Thị Vân', 'Thị Yến', 'Thị Hằng', 'Thị Liên', 'Thị Ngọc', 'Thị Duyên'];
const HAMLETS = ['Khu 1', 'Khu 2', 'Khu 3', 'Khu 4', 'Khu 5', 'Khu 6', 'Khu 7'];

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)]!;

export interface SeedHousehold {
  code: string;
  head_name: string;
  address: string;
  members: number;
  family: string;
}

export interface SeedOwner {
  household_code: string;
  owner_name: string;
  role: 'owner' | 'co_owner' | 'heir';
  share_pct: number | null;
}

export function newHousehold(n: number, p: SitePos, rnd: () => number): SeedHousehold {
  const family = pick(FAMILY, rnd);
  return {
    code: `HGD-${String(n).padStart(4, '0')}`,
    head_name: `${family} ${pick(MALE, rnd)}`,
    address: `${HAMLETS[Math.min(6, Math.floor(p.u * 4 + p.v * 3))]}, xã Đình Lập, tỉnh Lạng Sơn`,
    members: 2 + Math.floor(rnd() * 6),
    family,
  };
}

/** Owners of a private parcel: the household head, often the spouse; heirs when the inheritance is undivided. */
export function ownersFor(h: SeedHousehold, heirs: SeedHousehold[], rnd: () => number): SeedOwner[] {
  if (heirs.length) {
    const share = Math.floor(10000 / heirs.length) / 100;
    return heirs.map((x) => ({ household_code: x.code, owner_name: x.head_name, role: 'heir' as const, share_pct: share }));
  }
  const out: SeedOwner[] = [{ household_code: h.code, owner_name: h.head_name, role: 'owner', share_pct: null }];
  if (rnd() < 0.45) out.push({ household_code: h.code, owner_name: `${pick(FAMILY, rnd)} ${pick(FEMALE, rnd)}`, role: 'co_owner', share_pct: null });
  return out;
}

/** Illustrative price table (VND), not the province's real one. */
export const LAND_PRICE_PER_M2: Record<string, number> = {
  LUC: 65_000, LUK: 60_000, HNK: 55_000, CLN: 50_000, RSX: 25_000, ONT: 1_800_000, NTD: 0, DGT: 0, DTL: 0,
};
const AGRI_SUPPORT_FACTOR = 3; // support for job conversion on agricultural land, × land price
const TREE_PRICE: Record<string, Record<'A' | 'B' | 'C', number>> = {
  'Hồi': { A: 450_000, B: 300_000, C: 150_000 },
  'Vải': { A: 600_000, B: 400_000, C: 200_000 },
  'Thông': { A: 120_000, B: 80_000, C: 40_000 },
  'Keo': { A: 60_000, B: 40_000, C: 20_000 },
  'Mít': { A: 500_000, B: 300_000, C: 150_000 },
};
const STRUCTURE_PRICE: Record<string, number> = {
  'Nhà cấp 4': 3_500_000, 'Bếp, công trình phụ': 2_000_000, 'Sân bê tông': 300_000, 'Tường rào': 450_000, 'Lán trại': 600_000, 'Giếng khoan': 8_000_000,
};
const CROP_PRICE: Record<string, number> = { 'Lúa': 8_000, 'Ngô': 6_000, 'Sắn': 5_000 };
const LIVESTOCK_PRICE: Record<string, number> = { 'Lợn': 300_000, 'Gà': 20_000, 'Trâu': 2_000_000 };
const GRAVE_PRICE = { built: 12_000_000, earthen: 8_000_000 };
const RESETTLEMENT_SUPPORT = 60_000_000;

const cls = (rnd: () => number): 'A' | 'B' | 'C' => (rnd() < 0.3 ? 'A' : rnd() < 0.6 ? 'B' : 'C');
const int = (lo: number, hi: number, rnd: () => number) => lo + Math.floor(rnd() * (hi - lo + 1));

/** What an inventory of this parcel would count (graves: none relocated yet). */
export function inventoryFor(codes: LandCodes, areaM2: number, hasGravesHint: boolean, rnd: () => number): ParcelInventory {
  const inv: ParcelInventory = {};
  const c = codes.current;
  if (c === 'ONT') {
    inv.structures = [
      { kind: 'Nhà cấp 4', quantity: int(55, 140, rnd), unit: 'm2', grade: 'Cấp IV' },
      { kind: 'Bếp, công trình phụ', quantity: int(12, 35, rnd), unit: 'm2' },
      { kind: 'Sân bê tông', quantity: int(30, 90, rnd), unit: 'm2' },
      { kind: 'Tường rào', quantity: int(20, 60, rnd), unit: 'm' },
    ];
    if (rnd() < 0.5) inv.structures.push({ kind: 'Giếng khoan', quantity: 1, unit: 'item' });
    inv.trees = [{ species: rnd() < 0.5 ? 'Mít' : 'Vải', count: int(2, 10, rnd), class: cls(rnd) }];
    inv.livestock = [
      { kind: 'Gà', count: int(10, 60, rnd) },
      ...(rnd() < 0.6 ? [{ kind: 'Lợn', count: int(1, 8, rnd) }] : []),
      ...(rnd() < 0.25 ? [{ kind: 'Trâu', count: int(1, 2, rnd) }] : []),
    ];
  } else if (c === 'LUC' || c === 'LUK') inv.crops = [{ kind: 'Lúa', area_m2: Math.round(areaM2) }];
  else if (c === 'HNK') inv.crops = [{ kind: rnd() < 0.5 ? 'Ngô' : 'Sắn', area_m2: Math.round(areaM2 * (0.7 + rnd() * 0.3)) }];
  else if (c === 'CLN') {
    inv.trees = [{ species: 'Hồi', count: Math.round((areaM2 / 25) * (0.5 + rnd() * 0.5)), class: cls(rnd) }];
    if (rnd() < 0.35) inv.trees.push({ species: 'Vải', count: int(5, 30, rnd), class: cls(rnd) });
    if (rnd() < 0.15) inv.structures = [{ kind: 'Lán trại', quantity: int(8, 20, rnd), unit: 'm2' }];
  } else if (c === 'RSX') {
    inv.trees = [{ species: rnd() < 0.6 ? 'Thông' : 'Keo', count: Math.round((areaM2 / 6) * (0.6 + rnd() * 0.4)), class: cls(rnd) }];
  }
  if (c === 'NTD' || hasGravesHint) {
    const total = c === 'NTD' ? int(6, 22, rnd) : int(1, 4, rnd);
    const built = Math.round(total * (0.2 + rnd() * 0.4));
    inv.graves = { total, relocated: 0, built, earthen: total - built };
  }
  return inv;
}

/** Compensation and support proposed for the inventory, rounded to 1,000 VND. */
export function compensationFor(codes: LandCodes, areaM2: number, inv: ParcelInventory): number {
  const land = (LAND_PRICE_PER_M2[codes.legal] ?? 0) * areaM2;
  const agri = ['LUC', 'LUK', 'HNK', 'CLN', 'RSX'].includes(codes.legal) ? land * AGRI_SUPPORT_FACTOR : 0;
  let sum = land + agri;
  for (const s of inv.structures ?? []) sum += (STRUCTURE_PRICE[s.kind] ?? 0) * s.quantity;
  for (const t of inv.trees ?? []) sum += (TREE_PRICE[t.species]?.[t.class ?? 'C'] ?? 0) * t.count;
  for (const cr of inv.crops ?? []) sum += (CROP_PRICE[cr.kind] ?? 0) * cr.area_m2;
  for (const l of inv.livestock ?? []) sum += (LIVESTOCK_PRICE[l.kind] ?? 0) * l.count;
  if (inv.graves) sum += GRAVE_PRICE.built * (inv.graves.built ?? 0) + GRAVE_PRICE.earthen * (inv.graves.earthen ?? 0);
  if (codes.legal === 'ONT') sum += RESETTLEMENT_SUPPORT;
  return Math.round(sum / 1000) * 1000;
}
