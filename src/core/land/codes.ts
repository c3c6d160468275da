/**
 * Land-use codes (Circular 08/2024/TT-BTNMT) with what each means for a cluster
 * site (DOMAIN.md §5) and its colour on plan maps. Legacy codes (2014/2018)
 * are kept on the data and mapped here.
 */

/** How land of a code bears on a proposed cluster. */
export type LandSeverity =
  | 'blocking' // special-use / protection forest, defence, security, relics
  | 'needs_approval' // rice land, production forest
  | 'resettlement' // residential land: the cluster must be uninhabited
  | 'conflict' // another cluster or an industrial park
  | 'corridor' // transport, irrigation, energy, water, telecom corridors
  | 'sensitive' // cemeteries, religious sites, water surfaces (safety distance)
  | 'compensation' // crops, aquaculture, other production land
  | 'target' // industrial cluster land (SKN) of this cluster
  | 'none';

export interface LandCode {
  code: string;
  vi: string;
  en: string;
  group: 'agricultural' | 'forest' | 'residential' | 'special' | 'production' | 'infrastructure' | 'water' | 'unused';
  severity: LandSeverity;
  /** Fill colour after the Vietnamese land-use map convention. */
  color: string;
}

export const LAND_CODES: readonly LandCode[] = [
  { code: 'LUC', vi: 'Đất chuyên trồng lúa', en: 'Rice land (two or more crops)', group: 'agricultural', severity: 'needs_approval', color: '#fffc8c' },
  { code: 'LUK', vi: 'Đất trồng lúa còn lại', en: 'Other rice land', group: 'agricultural', severity: 'needs_approval', color: '#fffca8' },
  { code: 'HNK', vi: 'Đất trồng cây hằng năm khác', en: 'Other annual crops', group: 'agricultural', severity: 'compensation', color: '#fff0b4' },
  { code: 'CLN', vi: 'Đất trồng cây lâu năm', en: 'Perennial crops', group: 'agricultural', severity: 'compensation', color: '#ffd2a0' },
  { code: 'RSX', vi: 'Đất rừng sản xuất', en: 'Production forest', group: 'forest', severity: 'needs_approval', color: '#b4ffb4' },
  { code: 'RPH', vi: 'Đất rừng phòng hộ', en: 'Protection forest', group: 'forest', severity: 'blocking', color: '#6ed25a' },
  { code: 'RDD', vi: 'Đất rừng đặc dụng', en: 'Special-use forest', group: 'forest', severity: 'blocking', color: '#3ca03c' },
  { code: 'NTS', vi: 'Đất nuôi trồng thủy sản', en: 'Aquaculture', group: 'agricultural', severity: 'compensation', color: '#aaffff' },
  { code: 'ONT', vi: 'Đất ở tại nông thôn', en: 'Rural residential', group: 'residential', severity: 'resettlement', color: '#ffd0ff' },
  { code: 'ODT', vi: 'Đất ở tại đô thị', en: 'Urban residential', group: 'residential', severity: 'resettlement', color: '#ffa0ff' },
  { code: 'CQP', vi: 'Đất quốc phòng', en: 'Defence', group: 'special', severity: 'blocking', color: '#ff6450' },
  { code: 'CAN', vi: 'Đất an ninh', en: 'Security', group: 'special', severity: 'blocking', color: '#ff5046' },
  { code: 'DDD', vi: 'Đất di tích, danh thắng', en: 'Relics and scenic sites', group: 'special', severity: 'blocking', color: '#ffaaa0' },
  { code: 'NTD', vi: 'Đất nghĩa trang, nhà tang lễ', en: 'Cemeteries', group: 'special', severity: 'sensitive', color: '#d2d2d2' },
  { code: 'SKK', vi: 'Đất khu công nghiệp', en: 'Industrial park', group: 'production', severity: 'conflict', color: '#fa8cc8' },
  { code: 'SKN', vi: 'Đất cụm công nghiệp', en: 'Industrial cluster', group: 'production', severity: 'target', color: '#fab4dc' },
  { code: 'SKC', vi: 'Đất cơ sở sản xuất phi nông nghiệp', en: 'Non-agricultural production', group: 'production', severity: 'compensation', color: '#faaaa0' },
  { code: 'TMD', vi: 'Đất thương mại, dịch vụ', en: 'Trade and services', group: 'production', severity: 'compensation', color: '#fa96aa' },
  { code: 'SKS', vi: 'Đất hoạt động khoáng sản', en: 'Mining', group: 'production', severity: 'compensation', color: '#cdaa96' },
  { code: 'DGT', vi: 'Đất giao thông', en: 'Transport', group: 'infrastructure', severity: 'corridor', color: '#ff9632' },
  { code: 'DTL', vi: 'Đất thủy lợi', en: 'Irrigation', group: 'infrastructure', severity: 'corridor', color: '#aaffff' },
  { code: 'DNL', vi: 'Đất công trình năng lượng', en: 'Energy', group: 'infrastructure', severity: 'corridor', color: '#ffaa50' },
  { code: 'DCT', vi: 'Đất công trình cấp nước, thoát nước', en: 'Water supply and drainage', group: 'infrastructure', severity: 'corridor', color: '#a0d2ff' },
  { code: 'DBV', vi: 'Đất công trình bưu chính, viễn thông', en: 'Post and telecom', group: 'infrastructure', severity: 'corridor', color: '#ffaa64' },
  { code: 'SON', vi: 'Đất sông, ngòi, kênh, rạch, suối', en: 'Rivers and streams', group: 'water', severity: 'sensitive', color: '#a0ffff' },
  { code: 'MNC', vi: 'Đất có mặt nước chuyên dùng', en: 'Water surfaces', group: 'water', severity: 'sensitive', color: '#b4ffff' },
  { code: 'TON', vi: 'Đất tôn giáo', en: 'Religious sites', group: 'special', severity: 'sensitive', color: '#ffaaa0' },
  { code: 'TIN', vi: 'Đất tín ngưỡng', en: 'Belief sites', group: 'special', severity: 'sensitive', color: '#ffaaa0' },
  { code: 'BCS', vi: 'Đất bằng chưa sử dụng', en: 'Unused flat land', group: 'unused', severity: 'none', color: '#fffffe' },
  { code: 'DCS', vi: 'Đất đồi núi chưa sử dụng', en: 'Unused hilly land', group: 'unused', severity: 'none', color: '#fffff0' },
  { code: 'NCS', vi: 'Núi đá không có rừng cây', en: 'Bare rocky mountains', group: 'unused', severity: 'none', color: '#e6e6c8' },
];

/** Legacy codes of 2014/2018 maps → current code. */
export const LEGACY_LAND_CODES: Readonly<Record<string, string>> = {
  LUN: 'LUK',
  BHK: 'HNK',
  NHK: 'HNK',
  DDT: 'DDD',
  DDL: 'DDD',
  LUA: 'LUC',
};

const byCode = new Map(LAND_CODES.map((c) => [c.code, c]));

/** Looks a code up, mapping a legacy code to its current one; undefined if unknown. */
export function landCode(code: string): LandCode | undefined {
  const c = code.trim().toUpperCase();
  return byCode.get(c) ?? byCode.get(LEGACY_LAND_CODES[c] ?? '');
}
