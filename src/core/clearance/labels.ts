/**
 * Names of statuses, actions, flags and refusal reasons in Vietnamese and
 * English: one source for the UI, the API's messages and the monthly review.
 */
import { formatDate, formatNumber, type Locale } from '../format/number';
import type { OverdueKind } from './deadlines';
import type { Refusal, RefusalCode } from './machine';
import type { BlockingFlag, ParcelAction, ParcelStatus } from './steps';

type Pair = { vi: string; en: string };

export const STATUS_LABELS: Readonly<Record<ParcelStatus, Pair>> = {
  plan: { vi: 'Trong kế hoạch thu hồi', en: 'In the recovery plan' },
  meeting: { vi: 'Đã họp với người sử dụng đất', en: 'Meeting held' },
  notified: { vi: 'Đã thông báo thu hồi đất', en: 'Recovery notice issued' },
  inventory_refused: { vi: 'Không hợp tác kiểm đếm', en: 'Inventory refused' },
  inventory_persuasion: { vi: 'Vận động kiểm đếm', en: 'Persuasion (inventory)' },
  compulsory_inventory_decided: { vi: 'Có QĐ kiểm đếm bắt buộc', en: 'Compulsory inventory decided' },
  inventoried: { vi: 'Đã điều tra, kiểm đếm', en: 'Inventory done' },
  draft_plan: { vi: 'Đã lập dự thảo phương án', en: 'Draft compensation plan' },
  posted: { vi: 'Đang niêm yết, lấy ý kiến', en: 'Posted for consultation' },
  approved: { vi: 'Đã phê duyệt phương án', en: 'Plan approved' },
  published: { vi: 'Đã công khai, gửi phương án', en: 'Plan published to owner' },
  paid: { vi: 'Đã chi trả tiền bồi thường', en: 'Compensation paid' },
  recovery_decided: { vi: 'Đã có QĐ thu hồi đất', en: 'Recovery decision issued' },
  handover_refused: { vi: 'Không bàn giao mặt bằng', en: 'Handover refused' },
  handover_persuasion: { vi: 'Vận động bàn giao', en: 'Persuasion (handover)' },
  compulsory_recovery_decided: { vi: 'Có QĐ cưỡng chế thu hồi', en: 'Compulsory recovery decided' },
  handed_over: { vi: 'Đã bàn giao mặt bằng', en: 'Site handed over' },
  cadastre_updated: { vi: 'Đã chỉnh lý hồ sơ địa chính', en: 'Cadastre updated' },
};

export const ACTION_LABELS: Readonly<Record<ParcelAction, Pair>> = {
  hold_meeting: { vi: 'Họp với người sử dụng đất', en: 'Hold the meeting' },
  issue_notice: { vi: 'Thông báo thu hồi đất', en: 'Issue the recovery notice' },
  reissue_notice: { vi: 'Thông báo thu hồi đất lại', en: 'Re-issue the notice' },
  refuse_inventory: { vi: 'Ghi nhận không hợp tác kiểm đếm', en: 'Record inventory refusal' },
  persuade_inventory: { vi: 'Vận động, thuyết phục (kiểm đếm)', en: 'Persuade (inventory)' },
  decide_compulsory_inventory: { vi: 'QĐ kiểm đếm bắt buộc', en: 'Compulsory inventory decision' },
  enforce_compulsory_inventory: { vi: 'Cưỡng chế kiểm đếm bắt buộc', en: 'Enforce compulsory inventory' },
  complete_inventory: { vi: 'Hoàn thành kiểm đếm', en: 'Complete the inventory' },
  draft_plan: { vi: 'Lập dự thảo phương án BT, HT, TĐC', en: 'Draft the compensation plan' },
  post_plan: { vi: 'Niêm yết công khai phương án', en: 'Post the plan publicly' },
  approve_plan: { vi: 'Phê duyệt phương án', en: 'Approve the plan' },
  publish_plan: { vi: 'Công khai, gửi phương án đến người có đất', en: 'Publish the plan to the owner' },
  pay: { vi: 'Chi trả tiền bồi thường', en: 'Pay compensation' },
  decide_recovery: { vi: 'QĐ thu hồi đất', en: 'Land recovery decision' },
  refuse_handover: { vi: 'Ghi nhận không bàn giao', en: 'Record handover refusal' },
  persuade_handover: { vi: 'Vận động, thuyết phục (bàn giao)', en: 'Persuade (handover)' },
  decide_compulsory_recovery: { vi: 'QĐ cưỡng chế thu hồi đất', en: 'Compulsory recovery decision' },
  enforce_compulsory_recovery: { vi: 'Tổ chức cưỡng chế thu hồi', en: 'Enforce compulsory recovery' },
  hand_over: { vi: 'Bàn giao mặt bằng', en: 'Hand over the site' },
  update_cadastre: { vi: 'Chỉnh lý hồ sơ địa chính', en: 'Update the cadastre' },
};

export const FLAG_LABELS: Readonly<Record<BlockingFlag, Pair>> = {
  dispute: { vi: 'Tranh chấp', en: 'Dispute' },
  absent_owner: { vi: 'Chủ sử dụng vắng mặt', en: 'Absent owner' },
  undivided_inheritance: { vi: 'Thừa kế chưa phân chia', en: 'Undivided inheritance' },
  mortgage: { vi: 'Đang thế chấp', en: 'Mortgaged' },
  price_disagreement: { vi: 'Không đồng ý giá bồi thường', en: 'Price disagreement' },
  needs_resettlement: { vi: 'Cần tái định cư', en: 'Needs resettlement' },
  graves_pending: { vi: 'Mộ chưa di dời', en: 'Graves pending' },
  public_land: { vi: 'Đất công', en: 'Public land' },
  complaint: { vi: 'Khiếu nại', en: 'Complaint' },
};

export const OVERDUE_LABELS: Readonly<Record<OverdueKind, Pair>> = {
  payment_overdue: { vi: 'Chậm chi trả (quá 30 ngày từ phê duyệt)', en: 'Payment overdue (30 days after approval)' },
  notice_expired: { vi: 'Thông báo thu hồi hết hiệu lực (12 tháng)', en: 'Notice expired (12 months)' },
};

const REFUSALS: Readonly<Record<RefusalCode, Pair>> = {
  INVALID_DATE: { vi: 'Ngày không hợp lệ: {date}', en: 'Invalid date: {date}' },
  DATE_IN_FUTURE: { vi: 'Ngày {date} sau ngày hôm nay ({today})', en: 'Date {date} is after today ({today})' },
  DATE_BEFORE_PREVIOUS: { vi: 'Ngày {date} trước bước trước đó ({previous})', en: 'Date {date} is before the previous step ({previous})' },
  DECISION_REQUIRED: { vi: 'Cần số văn bản/quyết định', en: 'A decision or document number is required' },
  SIGNATORY_REQUIRED: { vi: 'Cần người ký', en: 'A signatory is required' },
  AMOUNT_REQUIRED: { vi: 'Cần số tiền được phê duyệt', en: 'The approved amount is required' },
  AMOUNT_INVALID: { vi: 'Số tiền không hợp lệ: {amount}', en: 'Invalid amount: {amount}' },
  AMOUNT_EXCEEDS_APPROVED: { vi: 'Số tiền chi trả {amount} đồng vượt số được duyệt {approved} đồng', en: 'Payment of {amount} VND exceeds the approved {approved} VND' },
  NOTICE_REQUIRED: { vi: 'Chưa có thông báo thu hồi đất', en: 'No recovery notice yet' },
  MEETING_REQUIRED: { vi: 'Chưa họp với người sử dụng đất', en: 'The meeting with land users has not been held' },
  INVENTORY_REQUIRED: { vi: 'Chưa kiểm đếm', en: 'The inventory is not done' },
  DRAFT_REQUIRED: { vi: 'Chưa có dự thảo phương án', en: 'No draft plan yet' },
  POSTING_REQUIRED: { vi: 'Phương án chưa được niêm yết công khai', en: 'The plan has not been posted' },
  POSTING_NOT_ENDED: { vi: 'Chưa hết thời gian niêm yết 10 ngày (đến {postingEnd})', en: 'The 10-day posting has not ended (ends {postingEnd})' },
  APPROVAL_REQUIRED: { vi: 'Phương án chưa được phê duyệt', en: 'The plan is not approved' },
  PAYMENT_BEFORE_APPROVAL: { vi: 'Không thể chi trả trước khi phương án được phê duyệt', en: 'Payment before the plan is approved is not allowed' },
  PUBLICATION_REQUIRED: { vi: 'Phương án chưa được công khai, gửi đến người có đất', en: 'The plan has not been published to the owner' },
  RECOVERY_BEFORE_PAYMENT: { vi: 'Chưa chi trả tiền bồi thường', en: 'Compensation has not been paid' },
  RECOVERY_BEFORE_NOTICE_PERIOD: { vi: 'Chưa đủ {days} ngày từ thông báo ({noticeDate}); sớm nhất {earliest}', en: 'Less than {days} days since the notice ({noticeDate}); earliest {earliest}' },
  NOTICE_EXPIRED: { vi: 'Thông báo thu hồi đất đã hết hiệu lực ngày {expiry}; cần thông báo lại', en: 'The recovery notice expired on {expiry}; issue a new notice' },
  HANDOVER_WITHOUT_RECOVERY_DECISION: { vi: 'Chưa có quyết định thu hồi đất', en: 'No land recovery decision yet' },
  COMPULSORY_WITHOUT_PERSUASION: { vi: 'Phải vận động, thuyết phục trước khi ra quyết định bắt buộc/cưỡng chế', en: 'Persuasion must come before a compulsory decision' },
  PERSUASION_WITHOUT_REFUSAL: { vi: 'Không có việc từ chối để vận động', en: 'There is no refusal to persuade against' },
  ENFORCEMENT_WITHOUT_DECISION: { vi: 'Chưa có quyết định bắt buộc/cưỡng chế', en: 'No compulsory decision to enforce' },
  REFUSAL_NOT_APPLICABLE: { vi: 'Không áp dụng ở bước hiện tại', en: 'Not applicable at the current step' },
  HANDOVER_REQUIRED: { vi: 'Chưa bàn giao mặt bằng', en: 'The site has not been handed over' },
  ALREADY_DONE: { vi: 'Bước này đã thực hiện', en: 'This step is already done' },
};

const fmtParam = (v: string | number, locale: Locale): string =>
  typeof v === 'number' ? formatNumber(v, 0, locale) : /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;

/** The refusal as a sentence: "Không thể chi trả trước khi phương án được phê duyệt". */
export function describeRefusal(r: Pick<Refusal, 'code' | 'params'>, locale: Locale = 'vi'): string {
  const tpl = REFUSALS[r.code][locale];
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => (r.params[k] !== undefined ? fmtParam(r.params[k]!, locale) : `{${k}}`));
}
