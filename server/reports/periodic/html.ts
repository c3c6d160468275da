/**
 * A table model as a standalone, printable HTML page (A4 landscape, Vietnamese number
 * format). No script: the page is printed with the browser's Print command.
 */
import { formatCell, headerWithUnit, type TableModel } from '../../../src/core/reports/model';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
@page { size: A4 landscape; margin: 12mm; }
body { font-family: 'Noto Sans', 'Times New Roman', serif; font-size: 10.5pt; color: #111; margin: 16px; }
.code { text-align: right; font-weight: bold; }
h1 { font-size: 13pt; text-align: center; margin: 4px 0 8px; }
.lines p { margin: 1px 0; }
table { border-collapse: collapse; width: 100%; margin-top: 10px; font-size: 8.5pt; }
th, td { border: 1px solid #666; padding: 3px 4px; vertical-align: top; }
th { background: #eaeef2; text-align: center; vertical-align: middle; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; }
tr.colno td { text-align: center; font-style: italic; color: #444; }
ul.notes { font-size: 9pt; padding-left: 18px; }
.hint { color: #57606a; font-size: 9pt; }
@media print { .hint { display: none; } }`;

export function tableToHtml(t: TableModel): string {
  const n = t.columns.length;
  const grouped = t.columns.some((c) => c.group);
  let top = '';
  let bottom = '';
  for (let i = 0; i < n; i++) {
    const c = t.columns[i]!;
    if (grouped && c.group) {
      if (i === 0 || t.columns[i - 1]!.group !== c.group) {
        let span = 1;
        while (i + span < n && t.columns[i + span]!.group === c.group) span++;
        top += `<th colspan="${span}">${esc(c.group)}</th>`;
      }
      bottom += `<th>${esc(headerWithUnit(c))}</th>`;
    } else {
      top += `<th${grouped ? ' rowspan="2"' : ''}>${esc(headerWithUnit(c))}</th>`;
    }
  }
  const row = (cells: (string | number | null)[], cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${t.columns
      .map((c, i) => `<td${c.kind === 'text' ? '' : ' class="num"'}>${esc(formatCell(cells[i] ?? null, c.kind, 'vi'))}</td>`)
      .join('')}</tr>`;
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(t.code ? `${t.code} — ${t.title}` : t.title)}</title><style>${STYLE}</style></head>
<body>
<p class="hint">Bản in: dùng lệnh In của trình duyệt (Ctrl+P), khổ A4 ngang.</p>
${t.code ? `<div class="code">${esc(t.code)}</div>` : ''}
<h1>${esc(t.title)}</h1>
<div class="lines">${t.headerLines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>
<table>
<thead><tr>${top}</tr>${grouped ? `<tr>${bottom}</tr>` : ''}</thead>
<tbody>
<tr class="colno">${t.columns.map((_, i) => `<td>(${i + 1})</td>`).join('')}</tr>
${t.rows.map((r) => row(r.cells)).join('\n')}
${t.total ? row(t.total, 'total') : ''}
</tbody></table>
${t.notes.length ? `<ul class="notes">${t.notes.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : ''}
</body></html>
`;
}
