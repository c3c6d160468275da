import { formatDate, formatHa } from '../../src/core/format/number';
import { landCode } from '../../src/core/land/codes';
import { SEVERITY_COLORS } from '../../src/core/analysis/severity';
import type { ConflictResult } from '../analysis/conflicts';
import {
  codeNameVi, computedAtVi, crsText, dataVersionLines, haText, layerNameVi, pctText, severityVi, STATUS_VI, SUBJECT_KIND_VI, subjectTitle,
} from './conflict-labels';
import { drawOverlapMap } from './conflict-pdf-map';
import { CONTENT_WIDTH, ensureSpace, footers, heading, newDocument, PAGE, pdfText, table, TEXT, toBuffer } from './conflict-pdf-kit';

const STATUS_COLORS = { pass: '#1a9641', warn: '#fdae61', fail: '#d7191c', not_applicable: undefined } as const;

/**
 * The printable A4 conflict report in Vietnamese: subject and areas, the map, overlap by
 * severity, by plan layer and land code, the intersecting features, the legal rules with
 * their articles, and the date and data versions it was computed from.
 */
export async function conflictPdf(r: ConflictResult): Promise<Buffer> {
  const title = subjectTitle(r);
  const doc = await newDocument(`Báo cáo kiểm tra chồng lấn – ${title}`);
  const x = PAGE.margin;

  doc.font('bold').fontSize(14).fillColor('#111111')
    .text('BÁO CÁO KIỂM TRA CHỒNG LẤN QUY HOẠCH VÀ ĐIỀU KIỆN PHÁP LÝ', x, doc.y, { ...TEXT, width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.4).fontSize(13).text(title, { ...TEXT, width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(0.5).font('regular').fontSize(9.5);
  const facts: [string, string][] = [
    ['Đối tượng', SUBJECT_KIND_VI[r.subject.kind] + (r.subject.id ? ` (mã ${r.subject.id})` : '')],
    ['Tổng diện tích (mặt phẳng VN-2000)', formatHa(r.area.planeHa)],
    ['Diện tích trên ellipsoid WGS 84', formatHa(r.area.ellipsoidalHa)],
    ['Hệ tọa độ tính diện tích', crsText(r.srid)],
    ['Ngày áp dụng quy định', formatDate(r.date)],
    ['Chế độ pháp lý', `${r.regime.name} — hiệu lực từ ${formatDate(r.regime.effectiveFrom)}${r.regime.verified ? '' : ' (chưa xác minh)'}`],
    ['Loại hồ sơ', r.inputs.kind === 'expansion' ? 'Mở rộng cụm công nghiệp' : 'Thành lập mới'],
    ['Huyện miền núi / cụm làng nghề', `${r.inputs.mountainous ? 'Có' : 'Không'} / ${r.inputs.craftVillage ? 'Có' : 'Không'}`],
    ['Kết luận chung', STATUS_VI[r.overall]],
  ];
  for (const [k, v] of facts) {
    const y = doc.y;
    doc.font('bold').text(`${k}:`, x, y, { ...TEXT, width: 190 });
    const h1 = doc.y - y;
    doc.font('regular').text(v, x + 195, y, { ...TEXT, width: CONTENT_WIDTH - 195 });
    doc.y = Math.max(doc.y, y + h1);
  }
  if (r.regime.note) doc.moveDown(0.2).fontSize(8).fillColor('#555555').text(r.regime.note, x, doc.y, { ...TEXT, width: CONTENT_WIDTH }).fillColor('#111111');

  heading(doc, 'Sơ đồ chồng lấn');
  drawOverlapMap(doc, r);

  heading(doc, '1. Tổng hợp theo mức độ ảnh hưởng');
  table(
    doc,
    [{ header: 'Mức độ', width: 300 }, { header: 'Diện tích (ha)', width: 110, align: 'right' }, { header: '% diện tích cụm', width: CONTENT_WIDTH - 410, align: 'right' }],
    r.table.severities.map((s) => [severityVi(s.severity), haText(s.overlapHa), pctText(s.pct)]),
    { swatches: r.table.severities.map((s) => SEVERITY_COLORS[s.severity]) },
  );
  doc.fontSize(7.5).fillColor('#555555').text('Mỗi phần đất được tính một lần cho mỗi mức độ, dù nhiều lớp quy hoạch cùng thể hiện; một phần đất có thể thuộc nhiều mức độ.', { ...TEXT, width: CONTENT_WIDTH }).fillColor('#111111');

  heading(doc, '2. Chồng lấn theo lớp quy hoạch và mã loại đất');
  for (const l of r.table.layers) {
    const rows = l.codes.map((c) => [c.landCode, codeNameVi(c.landCode), severityVi(c.severity), haText(c.overlapHa), pctText(c.pct)]);
    rows.push(['—', 'Không thuộc vùng nào của lớp', '', haText(l.uncoveredHa), pctText(r.area.planeHa > 0 ? (100 * l.uncoveredHa) / r.area.planeHa : 0)]);
    ensureSpace(doc, 70); // keep the layer's name with its first rows
    doc.font('bold').fontSize(9).text(layerNameVi(r, l.layerId), x, doc.y, { ...TEXT, width: CONTENT_WIDTH }).font('regular');
    table(
      doc,
      [
        { header: 'Mã', width: 40 }, { header: 'Loại đất', width: 190 }, { header: 'Mức độ', width: 140 },
        { header: 'Diện tích (ha)', width: 80, align: 'right' }, { header: '%', width: CONTENT_WIDTH - 450, align: 'right' },
      ],
      rows,
      { swatches: [...l.codes.map((c) => SEVERITY_COLORS[c.severity]), undefined] },
    );
  }
  if (!r.table.layers.length) doc.text('Không có chồng lấn với lớp quy hoạch nào.', { ...TEXT });

  heading(doc, '3. Các đối tượng giao cắt');
  const feats = r.table.layers.flatMap((l) => l.codes.flatMap((c) => c.features.map((f) => ({ l, c, f }))));
  table(
    doc,
    [
      { header: 'Lớp', width: 150 }, { header: 'Mã', width: 40 }, { header: 'Tên / số hiệu', width: 200 },
      { header: 'Diện tích giao (ha)', width: CONTENT_WIDTH - 390, align: 'right' },
    ],
    feats.map(({ l, f }) => [
      layerNameVi(r, l.layerId),
      f.originalCode && f.originalCode !== f.landCode && landCode(f.originalCode) ? `${f.landCode} (${f.originalCode})` : f.landCode,
      `${f.name ?? '—'} (#${f.id})`,
      haText(f.overlapHa),
    ]),
    { fontSize: 8 },
  );

  heading(doc, '4. Kiểm tra điều kiện theo quy định');
  table(
    doc,
    [{ header: 'Điều kiện', width: 120 }, { header: 'Căn cứ', width: 120 }, { header: 'Kết quả', width: 60 }, { header: 'Nội dung và số liệu', width: CONTENT_WIDTH - 300 }],
    r.rules.map((u) => [u.title.vi, u.article.vi, STATUS_VI[u.status], pdfText([u.message.vi, ...u.notes.map((n) => n.vi)].join('\n'))]),
    { fontSize: 8, swatches: r.rules.map((u) => STATUS_COLORS[u.status]) },
  );

  heading(doc, '5. Dữ liệu sử dụng');
  doc.fontSize(8.5);
  for (const line of dataVersionLines(r)) doc.text(`• ${line}`, x, doc.y, { ...TEXT, width: CONTENT_WIDTH });
  doc.moveDown(0.3).text(`Tính lúc ${computedAtVi(r.dataVersions.computedAt)} (giờ Việt Nam). Diện tích tính trên mặt phẳng ${crsText(r.srid)} bằng PostGIS.`, x, doc.y, { ...TEXT, width: CONTENT_WIDTH });

  footers(doc, `${title} · Kiểm tra ngày ${formatDate(r.date)} · ccn-map`);
  return toBuffer(doc);
}
