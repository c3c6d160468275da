/** Words the reports print, in Vietnamese (the forms' language) and English (dashboard tables). */
import type { ClusterStatus } from '../clusters/status';
import type { Locale } from '../format/number';
import type { Grouping } from './aggregate';
import type { ExclusionReason, FigureSource } from './figures';

type L = Record<Locale, string>;

export const STATUS_LABELS: Record<ClusterStatus, L> = {
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
  in_plan: { vi: 'Trong phương án phát triển', en: 'In the development plan' },
  investor_selection: { vi: 'Lựa chọn chủ đầu tư', en: 'Investor selection' },
  established: { vi: 'Đã thành lập', en: 'Established' },
  detailed_plan_approved: { vi: 'Đã duyệt quy hoạch chi tiết', en: 'Detailed plan approved' },
  infrastructure_construction: { vi: 'Đang xây dựng hạ tầng', en: 'Infrastructure under construction' },
  operating: { vi: 'Đang hoạt động', en: 'Operating' },
  expanded: { vi: 'Đã mở rộng', en: 'Expanded' },
  adjusted: { vi: 'Đã điều chỉnh', en: 'Adjusted' },
  removed_from_plan: { vi: 'Đưa ra khỏi phương án', en: 'Removed from the plan' },
};

export const SOURCE_LABELS: Record<FigureSource, L> = {
  computed: { vi: 'Tính từ lô đất', en: 'Computed from plots' },
  typed: { vi: 'Số liệu nhập', en: 'Typed figures' },
  none: { vi: 'Chưa có số liệu', en: 'No figures' },
};

export const EXCLUSION_LABELS: Record<ExclusionReason, L> = {
  no_detailed_plan: { vi: 'chưa có quy hoạch chi tiết được duyệt', en: 'no approved detailed plan' },
  no_figures: { vi: 'chưa có số liệu đất công nghiệp / đã cho thuê', en: 'no industrial or leased land figures' },
};

export const GROUPING_LABELS: Record<Grouping, L> = {
  district: { vi: 'Huyện (tại thời điểm quyết định)', en: 'District (at decision time)' },
  commune: { vi: 'Xã, phường, thị trấn (hiện nay)', en: 'Commune (current)' },
  province: { vi: 'Tỉnh (hiện nay)', en: 'Province (current)' },
};

/** The occupancy rule, printed under every table that shows an occupancy. */
export const OCCUPANCY_RULE: L = {
  vi:
    'Tỷ lệ lấp đầy = diện tích đất công nghiệp đã cho thuê hoặc đã có chấp thuận đầu tư ÷ diện tích đất công nghiệp theo quy hoạch ' +
    'chi tiết được duyệt (không chia cho tổng diện tích cụm). Tỷ lệ bình quân = tổng diện tích đã cho thuê/chấp thuận ÷ tổng diện tích ' +
    'đất công nghiệp của các cụm được tính.',
  en:
    'Occupancy = industrial land leased or covered by an investment approval ÷ industrial land of the approved detailed plan (not ÷ the ' +
    'gross cluster area). Average = total leased/approved ÷ total industrial land of the clusters counted.',
};
