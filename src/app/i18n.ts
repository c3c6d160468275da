import { createContext, useContext } from 'react';
import type { Locale } from '../core/format/number';

const vi = {
  'app.title': 'Bản đồ cụm công nghiệp',
  'app.province': 'Tỉnh Lạng Sơn',
  'app.loading': 'Đang tải dữ liệu…',
  'app.loadError': 'Không tải được dữ liệu',
  'lang.switch': 'English',
  'panel.close': 'Đóng',
  'panel.declaredArea': 'Diện tích theo quyết định',
  'panel.planeArea': 'Diện tích mặt phẳng VN-2000 (TM-3)',
  'panel.ellipsoidalArea': 'Diện tích trên ellipsoid',
  'panel.notFixed': 'chưa xác định',
  'panel.status': 'Trạng thái',
  'panel.location': 'Địa điểm',
  'panel.district': 'Huyện (tại thời điểm quyết định)',
  'panel.investor': 'Chủ đầu tư hạ tầng',
  'panel.none': 'chưa có',
  'panel.decisions': 'Quyết định',
  'panel.noDecisions': 'Chưa có quyết định nào được ghi nhận',
  'panel.illustrative': 'Ranh giới minh họa, không phải ranh giới chính thức.',
  'panel.clusters': 'Cụm công nghiệp',
  'layer.neighbours': 'Các tỉnh lân cận',
  'layer.province': 'Ranh giới tỉnh',
  'layer.communes': 'Ranh giới xã',
  'layer.districts': 'Ranh giới huyện (cũ)',
  'layer.clusters': 'Cụm công nghiệp',
  'legend.provinceBoundary': 'Ranh giới tỉnh',
  'legend.districtBoundary': 'Ranh giới huyện (trước 01/07/2025)',
  'legend.communeBoundary': 'Ranh giới xã',
  'status.proposed': 'Đề xuất',
  'status.in_plan': 'Trong phương án phát triển',
  'status.investor_selection': 'Lựa chọn chủ đầu tư',
  'status.established': 'Đã thành lập',
  'status.detailed_plan_approved': 'Đã duyệt quy hoạch chi tiết',
  'status.infrastructure_construction': 'Đang xây dựng hạ tầng',
  'status.operating': 'Đang hoạt động',
  'status.expanded': 'Đã mở rộng',
  'status.adjusted': 'Đã điều chỉnh',
  'status.removed_from_plan': 'Đưa ra khỏi phương án',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'app.title': 'Industrial cluster map',
  'app.province': 'Lạng Sơn province',
  'app.loading': 'Loading data…',
  'app.loadError': 'Could not load data',
  'lang.switch': 'Tiếng Việt',
  'panel.close': 'Close',
  'panel.declaredArea': 'Area stated by decision',
  'panel.planeArea': 'VN-2000 plane area (TM-3)',
  'panel.ellipsoidalArea': 'Ellipsoidal area',
  'panel.notFixed': 'not yet fixed',
  'panel.status': 'Status',
  'panel.location': 'Location',
  'panel.district': 'District (at decision time)',
  'panel.investor': 'Infrastructure investor',
  'panel.none': 'none yet',
  'panel.decisions': 'Decisions',
  'panel.noDecisions': 'No decision recorded yet',
  'panel.illustrative': 'Illustrative boundary, not the official one.',
  'panel.clusters': 'Industrial clusters',
  'layer.neighbours': 'Neighbouring provinces',
  'layer.province': 'Province boundary',
  'layer.communes': 'Commune boundaries',
  'layer.districts': 'District boundaries (legacy)',
  'layer.clusters': 'Industrial clusters',
  'legend.provinceBoundary': 'Province boundary',
  'legend.districtBoundary': 'District boundary (before 01/07/2025)',
  'legend.communeBoundary': 'Commune boundary',
  'status.proposed': 'Proposed',
  'status.in_plan': 'In the development plan',
  'status.investor_selection': 'Investor selection',
  'status.established': 'Established',
  'status.detailed_plan_approved': 'Detailed plan approved',
  'status.infrastructure_construction': 'Infrastructure under construction',
  'status.operating': 'Operating',
  'status.expanded': 'Expanded',
  'status.adjusted': 'Adjusted',
  'status.removed_from_plan': 'Removed from the plan',
};

const dictionaries: Record<Locale, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey | string) => string;

export function translator(locale: Locale): Translate {
  const d = dictionaries[locale];
  return (key) => (d as Record<string, string>)[key] ?? key;
}

export const LocaleContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'vi', t: translator('vi') });

export const useI18n = () => useContext(LocaleContext);
