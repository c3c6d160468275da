import { formatNumber, type Locale } from '../format/number';

/** Where in a geometry: 0-based indexes (messages print them 1-based), and a lon/lat point. */
export interface Where {
  part?: number;
  ring?: number;
  vertex?: number;
  point?: [number, number];
}

export type IssueCode =
  | 'EMPTY'
  | 'NOT_POLYGON'
  | 'BAD_STRUCTURE'
  | 'NOT_A_NUMBER'
  | 'OUT_OF_RANGE'
  | 'LOOKS_PROJECTED'
  | 'TOO_FEW_POINTS'
  | 'SELF_INTERSECTION'
  | 'RINGS_CROSS'
  | 'HOLE_OUTSIDE'
  | 'PARTS_OVERLAP'
  | 'NO_AREA';

export type RepairCode =
  | 'Z_STRIPPED'
  | 'RING_CLOSED'
  | 'DUPLICATES_REMOVED'
  | 'SPIKE_REMOVED'
  | 'REWOUND'
  | 'SLIVER_REMOVED'
  | 'DEGENERATE_RING_REMOVED'
  | 'SELF_TOUCH_SPLIT'
  | 'GEOMETRY_COLLECTION_FLATTENED';

/** Something that makes a geometry unusable: refused, with what and where. */
export interface Issue {
  code: IssueCode;
  where?: Where;
  detail?: string;
}

/** A safe change made to a geometry, reported to the user. */
export interface Repair {
  code: RepairCode;
  where?: Where;
  count?: number;
  areaM2?: number;
}

const VI: Record<IssueCode | RepairCode, string> = {
  EMPTY: 'Hình rỗng, không có tọa độ',
  NOT_POLYGON: 'Không phải vùng (Polygon/MultiPolygon)',
  BAD_STRUCTURE: 'Cấu trúc GeoJSON không hợp lệ',
  NOT_A_NUMBER: 'Tọa độ không phải là số',
  OUT_OF_RANGE: 'Tọa độ nằm ngoài phạm vi kinh độ/vĩ độ',
  LOOKS_PROJECTED: 'Tọa độ có vẻ là mét (VN-2000), không phải độ: hãy chọn hệ tọa độ',
  TOO_FEW_POINTS: 'Vòng có ít hơn 3 điểm khác nhau',
  SELF_INTERSECTION: 'Ranh giới tự cắt',
  RINGS_CROSS: 'Lỗ cắt qua ranh giới ngoài',
  HOLE_OUTSIDE: 'Lỗ nằm ngoài ranh giới ngoài',
  PARTS_OVERLAP: 'Các phần chồng lên nhau',
  NO_AREA: 'Vùng không có diện tích',
  Z_STRIPPED: 'Đã bỏ giá trị cao độ (Z)',
  RING_CLOSED: 'Đã khép kín vòng chưa khép',
  DUPLICATES_REMOVED: 'Đã bỏ điểm trùng liên tiếp',
  SPIKE_REMOVED: 'Đã bỏ gai (điểm đi ra rồi quay lại)',
  REWOUND: 'Đã đổi chiều vòng (ngoài ngược chiều kim đồng hồ)',
  SLIVER_REMOVED: 'Đã bỏ mảnh vụn rất nhỏ',
  DEGENERATE_RING_REMOVED: 'Đã bỏ vòng suy biến (không có diện tích)',
  SELF_TOUCH_SPLIT: 'Vòng tự chạm tại một điểm: đã tách thành lỗ/phần riêng',
  GEOMETRY_COLLECTION_FLATTENED: 'Đã tách các vùng khỏi GeometryCollection',
};

const EN: Record<IssueCode | RepairCode, string> = {
  EMPTY: 'Empty geometry, no coordinates',
  NOT_POLYGON: 'Not an area (Polygon/MultiPolygon)',
  BAD_STRUCTURE: 'Invalid GeoJSON structure',
  NOT_A_NUMBER: 'Coordinate is not a number',
  OUT_OF_RANGE: 'Coordinate outside longitude/latitude range',
  LOOKS_PROJECTED: 'Coordinates look like metres (VN-2000), not degrees: choose the coordinate system',
  TOO_FEW_POINTS: 'Ring has fewer than 3 distinct points',
  SELF_INTERSECTION: 'Boundary crosses itself',
  RINGS_CROSS: 'Hole crosses the outer boundary',
  HOLE_OUTSIDE: 'Hole lies outside the outer boundary',
  PARTS_OVERLAP: 'Parts overlap each other',
  NO_AREA: 'Area is zero',
  Z_STRIPPED: 'Elevation (Z) values removed',
  RING_CLOSED: 'Unclosed ring closed',
  DUPLICATES_REMOVED: 'Repeated consecutive vertices removed',
  SPIKE_REMOVED: 'Spike (out-and-back vertex) removed',
  REWOUND: 'Ring orientation fixed (outer counter-clockwise)',
  SLIVER_REMOVED: 'Tiny sliver removed',
  DEGENERATE_RING_REMOVED: 'Degenerate ring (no area) removed',
  SELF_TOUCH_SPLIT: 'Ring touches itself at a point: split into a hole/separate part',
  GEOMETRY_COLLECTION_FLATTENED: 'Areas taken out of a GeometryCollection',
};

/** "part 2, ring 1, vertex 5 (107.09812, 21.55103)" in the user's language. */
export function describeWhere(w: Where | undefined, locale: Locale = 'vi'): string {
  if (!w) return '';
  const vi = locale === 'vi';
  const bits: string[] = [];
  if (w.part !== undefined && w.part !== null) bits.push(`${vi ? 'phần' : 'part'} ${w.part + 1}`);
  if (w.ring !== undefined) bits.push(w.ring === 0 ? (vi ? 'vòng ngoài' : 'outer ring') : `${vi ? 'lỗ' : 'hole'} ${w.ring}`);
  if (w.vertex !== undefined) bits.push(`${vi ? 'đỉnh' : 'vertex'} ${w.vertex + 1}`);
  if (w.point) bits.push(`${vi ? 'tại' : 'at'} (${formatNumber(w.point[0], 6, locale)}; ${formatNumber(w.point[1], 6, locale)})`);
  return bits.join(', ');
}

/** A user-facing sentence for an issue or a repair. */
export function describe(x: Issue | Repair, locale: Locale = 'vi'): string {
  const base = (locale === 'vi' ? VI : EN)[x.code];
  const where = describeWhere(x.where, locale);
  const extra: string[] = [];
  if ('count' in x && x.count !== undefined && x.count > 1) extra.push(`× ${x.count}`);
  if ('areaM2' in x && x.areaM2 !== undefined) extra.push(`${formatNumber(x.areaM2, 2, locale)} m²`);
  if ('detail' in x && x.detail) extra.push(x.detail);
  return `${base}${extra.length ? ` (${extra.join(', ')})` : ''}${where ? `: ${where}` : ''}`;
}
