/**
 * Inventory of a parcel (kiểm đếm, §4 step 4): structures, trees and crops,
 * livestock and graves, with counts and attributes. Stored as JSON on the parcel.
 */
export interface StructureItem {
  kind: string; // "Nhà cấp 4", "Bếp, công trình phụ", "Sân bê tông", "Tường rào", "Giếng khoan"
  quantity: number;
  unit: 'm2' | 'm' | 'item';
  grade?: string | undefined; // construction grade / condition
}
export interface TreeItem {
  species: string; // "Hồi", "Vải", "Thông", "Keo"
  count: number;
  class?: 'A' | 'B' | 'C' | undefined; // size class used by the price table
}
export interface CropItem {
  kind: string; // "Lúa", "Ngô", "Sắn"
  area_m2: number;
}
export interface LivestockItem {
  kind: string; // "Lợn", "Gà", "Trâu"
  count: number;
}
export interface GraveCount {
  total: number;
  relocated: number;
  built?: number | undefined; // mộ xây
  earthen?: number | undefined; // mộ đất
}

export interface ParcelInventory {
  structures?: StructureItem[];
  trees?: TreeItem[];
  crops?: CropItem[];
  livestock?: LivestockItem[];
  graves?: GraveCount;
  /** Date of the inventory record (biên bản kiểm đếm). */
  recorded_on?: string;
}

/** Graves on a parcel and how many are relocated (0/0 when none were counted). */
export function gravesOf(inv: ParcelInventory | null | undefined): { total: number; relocated: number } {
  return { total: inv?.graves?.total ?? 0, relocated: inv?.graves?.relocated ?? 0 };
}
