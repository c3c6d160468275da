/**
 * SYNTHETIC tenant projects, inspections and violations of Cụm công nghiệp
 * Hồ Sơn 1 (names, investors and figures are invented for the demo).
 * `buildTenants(industrialPlotCodes)` hands each project its plots in order,
 * leaving some plots vacant, deterministically.
 */
import type { CapitalOrigin, FollowUpStatus, InspectionScope, ProjectStatus } from '../../../src/core/occupancy/land-use';

interface ProjectSpec {
  key: string;
  name: string;
  investor_name: string;
  capital_origin: CapitalOrigin;
  investor_country: string;
  industry: string;
  status: ProjectStatus;
  plots: number;
  cert: [string, string] | null;
  capital: [number, number];
  lease: string | null;
  construction: string | null;
  operation: string | null;
  /** Leave the next plot vacant after this project's plots. */
  gapAfter?: boolean;
  /** Plots held earlier and released (terminated project). */
  released?: string;
  notes?: string;
  /** Period figures: [period, revenue, budget paid, workers, avg income (mn VND/month)]. */
  reports?: [string, number, number, number, number][];
}

const P: ProjectSpec[] = [
  { key: 'p01', name: 'Nhà máy may mặc xuất khẩu Hồ Sơn', investor_name: 'Công ty TNHH May mặc Hồ Sơn', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Dệt may', status: 'operating', plots: 2, cert: ['5412037891', '2023-09-14'], capital: [180, 172.5], lease: '2023-11-02', construction: '2024-02-20', operation: '2024-12-15', reports: [['2025', 412.6, 9.8, 820, 8.2], ['2026-H1', 236.1, 5.1, 860, 8.6]] },
  { key: 'p02', name: 'Nhà máy sợi và dệt Kim Sơn', investor_name: 'Công ty TNHH Dệt Kim Sơn Việt Nam', capital_origin: 'fdi', investor_country: 'Hàn Quốc', industry: 'Dệt may', status: 'operating', plots: 3, cert: ['2183461902', '2023-10-05'], capital: [620, 598], lease: '2023-12-12', construction: '2024-03-18', operation: '2025-03-01', gapAfter: true, reports: [['2025', 688.4, 14.2, 640, 9.1], ['2026-H1', 402.9, 8.7, 655, 9.4]] },
  { key: 'p03', name: 'Nhà máy ván ép và gỗ ghép thanh', investor_name: 'Công ty CP Lâm sản Cai Kinh', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Chế biến nông lâm sản', status: 'operating', plots: 2, cert: ['5436781204', '2023-11-20'], capital: [95, 95], lease: '2024-01-08', construction: '2024-03-05', operation: '2024-10-01', reports: [['2025', 156.2, 3.9, 210, 7.4], ['2026-H1', 88.7, 2.2, 215, 7.6]] },
  { key: 'p04', name: 'Nhà máy chế biến nông sản xứ Lạng', investor_name: 'Công ty CP Nông sản xứ Lạng', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Chế biến nông lâm sản', status: 'operating', plots: 1, cert: ['5438812033', '2024-01-16'], capital: [62, 60.4], lease: '2024-03-01', construction: '2024-05-10', operation: '2025-01-20', reports: [['2025', 74.5, 1.6, 95, 6.9], ['2026-H1', 41.2, 0.9, 98, 7.1]] },
  { key: 'p05', name: 'Nhà máy phụ liệu may Đông Á', investor_name: 'Công ty TNHH Phụ liệu may Đông Á', capital_origin: 'fdi', investor_country: 'Trung Quốc', industry: 'Dệt may', status: 'operating', plots: 1, cert: ['2197730415', '2024-02-27'], capital: [140, 131], lease: '2024-04-15', construction: '2024-06-03', operation: '2025-04-10', gapAfter: true, reports: [['2025', 98.3, 2.4, 180, 8.0], ['2026-H1', 61.8, 1.5, 190, 8.3]] },
  { key: 'p06', name: 'Nhà máy bao bì carton Lạng Sơn', investor_name: 'Công ty CP Bao bì Lạng Sơn', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Bao bì', status: 'operating', plots: 1, cert: ['5440192276', '2024-03-19'], capital: [48, 48], lease: '2024-05-06', construction: '2024-07-01', operation: '2025-02-15', reports: [['2025', 57.9, 1.3, 70, 7.2], ['2026-H1', 33.0, 0.8, 72, 7.3]] },
  { key: 'p07', name: 'Nhà máy giày dép xuất khẩu Thịnh Phát', investor_name: 'Công ty TNHH Giày Thịnh Phát Việt Nam', capital_origin: 'fdi', investor_country: 'Đài Loan (Trung Quốc)', industry: 'Da giày', status: 'operating', plots: 2, cert: ['2201458830', '2024-04-22'], capital: [455, 430], lease: '2024-06-10', construction: '2024-08-12', operation: '2025-08-01', reports: [['2025', 210.7, 4.1, 1150, 8.5], ['2026-H1', 265.4, 5.6, 1320, 8.8]] },
  { key: 'p08', name: 'Nhà máy chế biến tinh bột sắn Hữu Lũng', investor_name: 'Công ty CP Tinh bột Hữu Lũng', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Chế biến nông lâm sản', status: 'under_construction', plots: 2, cert: ['5442907615', '2024-09-09'], capital: [210, 96], lease: '2024-11-18', construction: '2025-03-03', operation: null, gapAfter: true },
  { key: 'p09', name: 'Nhà máy may xuất khẩu Kim Sơn 2', investor_name: 'Công ty TNHH Dệt Kim Sơn Việt Nam', capital_origin: 'fdi', investor_country: 'Hàn Quốc', industry: 'Dệt may', status: 'under_construction', plots: 2, cert: ['2183461902-ĐC1', '2025-02-14'], capital: [380, 150], lease: '2025-04-01', construction: '2025-07-15', operation: null },
  { key: 'p10', name: 'Nhà máy đồ gỗ nội thất Lion Wood', investor_name: 'Công ty TNHH Lion Wood Việt Nam', capital_origin: 'fdi', investor_country: 'Singapore', industry: 'Chế biến nông lâm sản', status: 'under_construction', plots: 1, cert: ['2209914567', '2025-03-20'], capital: [265, 88], lease: '2025-05-12', construction: '2025-10-06', operation: null, gapAfter: true },
  { key: 'p11', name: 'Nhà máy sấy và chế biến hoa quả Hữu Lũng', investor_name: 'Công ty TNHH Nông sản sạch Hữu Lũng', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Chế biến nông lâm sản', status: 'approved', plots: 1, cert: ['5451203378', '2025-04-08'], capital: [55, 4.5], lease: '2025-06-16', construction: null, operation: null, notes: 'Chậm khởi công so với tiến độ cam kết.' },
  { key: 'p12', name: 'Nhà máy sản xuất viên nén gỗ', investor_name: 'Công ty CP Năng lượng sinh khối Cai Kinh', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Chế biến nông lâm sản', status: 'approved', plots: 1, cert: ['5456610024', '2026-06-25'], capital: [72, 6], lease: '2026-08-20', construction: null, operation: null, gapAfter: true },
  { key: 'p13', name: 'Nhà máy in và nhuộm vải Hoa Thịnh', investor_name: 'Công ty TNHH Dệt nhuộm Hoa Thịnh', capital_origin: 'fdi', investor_country: 'Trung Quốc', industry: 'Dệt may', status: 'suspended', plots: 1, cert: ['2205567781', '2024-08-05'], capital: [120, 103], lease: '2024-10-01', construction: '2024-12-02', operation: '2025-09-15', notes: 'Tạm dừng hoạt động theo kết luận kiểm tra môi trường 05/2026.', reports: [['2025', 22.4, 0.4, 85, 7.0]] },
  { key: 'p14', name: 'Xưởng cơ khí chế tạo Tân Tiến', investor_name: 'Công ty TNHH Cơ khí Tân Tiến', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Cơ khí', status: 'terminated', plots: 1, cert: ['5439975501', '2024-02-02'], capital: [30, 2], lease: '2024-04-01', construction: null, operation: null, released: '2025-09-30', notes: 'Chấm dứt hoạt động dự án; Nhà nước thu hồi đất 30/09/2025.' },
  { key: 'p15', name: 'Nhà máy chế biến thức ăn chăn nuôi Xứ Lạng', investor_name: 'Công ty CP Thức ăn chăn nuôi Xứ Lạng', capital_origin: 'domestic', investor_country: 'Việt Nam', industry: 'Chế biến nông lâm sản', status: 'approved', plots: 0, cert: ['5460038812', '2026-10-12'], capital: [150, 0], lease: null, construction: null, operation: null, notes: 'Đã được chấp thuận chủ trương đầu tư; chờ ký hợp đồng thuê lô đất.' },
];

interface InspectionSpec {
  date: string;
  agency: string;
  scope: InspectionScope[];
  project: string | null;
  findings: string;
  violations: { description: string; deadline: string; status: FollowUpStatus; resolved_on: string | null; note: string | null }[];
}

const I: InspectionSpec[] = [
  { date: '2025-09-12', agency: 'Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn', scope: ['environment'], project: null, findings: 'Trạm xử lý nước thải tập trung vận hành; nước thải sau xử lý đạt QCVN 40:2025/BTNMT.', violations: [{ description: 'Chưa lắp đặt thiết bị quan trắc nước thải tự động, liên tục tại trạm xử lý.', deadline: '2026-01-31', status: 'resolved', resolved_on: '2026-01-20', note: 'Đã lắp đặt và truyền số liệu về Sở.' }] },
  { date: '2026-03-18', agency: 'Phòng Cảnh sát PCCC và CNCH, Công an tỉnh Lạng Sơn', scope: ['fire_safety'], project: 'p02', findings: 'Hệ thống chữa cháy tự động nhà xưởng số 2 chưa được nghiệm thu.', violations: [{ description: 'Đưa nhà xưởng số 2 vào sử dụng khi hệ thống PCCC chưa được nghiệm thu.', deadline: '2026-06-30', status: 'in_progress', resolved_on: null, note: 'Doanh nghiệp đang hoàn thiện hồ sơ nghiệm thu.' }] },
  { date: '2026-05-06', agency: 'Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn', scope: ['environment'], project: 'p13', findings: 'Xả nước thải nhuộm chưa qua xử lý vào mương thoát nước mưa.', violations: [{ description: 'Đấu nối nước thải nhuộm vào hệ thống thu gom của cụm, ngừng xả ra mương thoát nước mưa.', deadline: '2027-01-31', status: 'open', resolved_on: null, note: null }] },
  { date: '2026-07-22', agency: 'Sở Xây dựng tỉnh Lạng Sơn', scope: ['construction', 'land_use'], project: null, findings: 'Các dự án xây dựng đúng quy hoạch chi tiết; một dự án chưa khởi công.', violations: [] },
  { date: '2026-10-08', agency: 'Đoàn kiểm tra liên ngành (Sở Công Thương chủ trì)', scope: ['land_use', 'environment'], project: null, findings: 'Sử dụng đất đúng mục đích; đề nghị công bố công khai diện tích đất công nghiệp chưa cho thuê.', violations: [] },
];

export interface Tenants {
  _comment: string;
  projects: (Omit<ProjectSpec, 'plots' | 'cert' | 'capital' | 'gapAfter' | 'released'> & {
    investment_cert_no: string | null;
    investment_cert_date: string | null;
    registered_capital_bn_vnd: number;
    disbursed_capital_bn_vnd: number;
    plots: { code: string; leased_on: string; released_on: string | null }[];
  })[];
  inspections: InspectionSpec[];
}

export function buildTenants(industrialCodes: readonly string[]): Tenants {
  let next = 0;
  const take = () => {
    const code = industrialCodes[next++];
    if (!code) throw new Error('not enough industrial plots for the demo projects');
    return code;
  };
  const projects = P.map((p) => {
    const plots: { code: string; leased_on: string; released_on: string | null }[] = [];
    for (let i = 0; i < p.plots; i++) plots.push({ code: take(), leased_on: p.lease!, released_on: p.released ?? null });
    if (p.gapAfter) next++;
    const { plots: _n, cert, capital, gapAfter: _g, released: _r, ...rest } = p;
    return {
      ...rest,
      investment_cert_no: cert?.[0] ?? null,
      investment_cert_date: cert?.[1] ?? null,
      registered_capital_bn_vnd: capital[0],
      disbursed_capital_bn_vnd: capital[1],
      plots,
    };
  });
  return {
    _comment:
      'SYNTHETIC tenants of Cụm công nghiệp Hồ Sơn 1: projects, investors, figures, inspections and violations are invented for the demo. Generated by data/seed/plots/generate-plots.ts from tenants.ts.',
    projects,
    inspections: I,
  };
}
