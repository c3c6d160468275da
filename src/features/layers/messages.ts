import type { Messages } from '../../app/i18n';
import { LAND_CODES } from '../../core/land/codes';

const landVi = Object.fromEntries(LAND_CODES.map((c) => [`land.${c.code}`, `${c.code} – ${c.vi}`]));
const landEn = Object.fromEntries(LAND_CODES.map((c) => [`land.${c.code}`, `${c.code} – ${c.en}`]));

/** The layer panel and the provincial plan layers (land codes from src/core/land/codes.ts). */
export const layerMessages: Messages = {
  vi: {
    ...landVi,
    'layer.plan_land_use': 'Quy hoạch sử dụng đất (minh họa)',
    'layer.plan_forest': 'Quy hoạch ba loại rừng (minh họa)',
    'layer.plan_corridors': 'Hành lang giao thông, sông suối, điện (minh họa)',
    'layer.plan_industrial': 'Khu, cụm công nghiệp theo quy hoạch (minh họa)',
    'layer.plan_relics': 'Di tích, cơ sở tín ngưỡng (minh họa)',
    'layer.labels': 'Nhãn tên',
    'layers.title': 'Lớp bản đồ',
    'tab.layers': 'Lớp bản đồ',
    'layers.reset': 'Khôi phục mặc định',
    'layers.group.plan': 'Quy hoạch tỉnh',
    'layers.group.data': 'Dữ liệu cụm công nghiệp',
    'layers.group.base': 'Nền bản đồ',
    'layers.visible': 'Hiện',
    'layers.opacity': 'Độ đậm',
    'layers.up': 'Lên trên',
    'layers.down': 'Xuống dưới',
    'layers.legend': 'Chú giải',
    'layers.basemap': 'Bản đồ nền trực tuyến',
    'layers.synthetic': 'Dữ liệu quy hoạch là dữ liệu minh họa (tổng hợp), không phải quy hoạch chính thức.',
  },
  en: {
    ...landEn,
    'layer.plan_land_use': 'Land-use plan (synthetic)',
    'layer.plan_forest': 'Forest plan (synthetic)',
    'layer.plan_corridors': 'Transport, water, power corridors (synthetic)',
    'layer.plan_industrial': 'Planned industrial parks and clusters (synthetic)',
    'layer.plan_relics': 'Relics and belief sites (synthetic)',
    'layer.labels': 'Name labels',
    'layers.title': 'Map layers',
    'tab.layers': 'Layers',
    'layers.reset': 'Reset to defaults',
    'layers.group.plan': 'Provincial plan',
    'layers.group.data': 'Industrial cluster data',
    'layers.group.base': 'Base map',
    'layers.visible': 'Show',
    'layers.opacity': 'Opacity',
    'layers.up': 'Move up',
    'layers.down': 'Move down',
    'layers.legend': 'Legend',
    'layers.basemap': 'Online basemap',
    'layers.synthetic': 'The plan data is illustrative (synthetic), not an official plan.',
  },
};
