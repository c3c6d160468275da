import type { MultiPolygon, Polygon, Position } from 'geojson';
import { SEVERITY_COLORS, SEVERITY_LABELS, severityRank } from '../../src/core/analysis/severity';
import { toVn2000 } from '../../src/core/crs/transform';
import { formatNumber } from '../../src/core/format/number';
import type { LandSeverity } from '../../src/core/land/codes';
import type { ConflictResult } from '../analysis/conflicts';
import { CONTENT_WIDTH, PAGE, TEXT, type Doc } from './conflict-pdf-kit';

type Geom = Polygon | MultiPolygon;
const polys = (g: Geom): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** A round scale-bar length (1, 2 or 5 × 10^n metres) close to `m`. */
function niceMetres(m: number): number {
  const p = 10 ** Math.floor(Math.log10(m));
  return [5, 2, 1].map((k) => k * p).find((v) => v <= m) ?? p;
}

/**
 * The "map image": the boundary and its overlaps drawn as vector paths in the TM-3 plane
 * (true shape and scale, north up), overlaps filled by severity, with a scale bar, a north
 * arrow and a legend of the severities shown.
 */
export function drawOverlapMap(doc: Doc, r: ConflictResult, height = 290): void {
  const epsg = r.srid;
  const project = (p: Position) => toVn2000(epsg, [p[0]!, p[1]!]);
  const subject = polys(r.geometry).map((rings) => rings.map((ring) => ring.map(project)));
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of subject)
    for (const [x, y] of rings[0] ?? []) {
      minX = Math.min(minX, x!); maxX = Math.max(maxX, x!); minY = Math.min(minY, y!); maxY = Math.max(maxY, y!);
    }
  const pad = 0.12 * Math.max(maxX - minX, maxY - minY);
  minX -= pad; maxX += pad; minY -= pad; maxY += pad;
  const x0 = PAGE.margin, y0 = doc.y, w = CONTENT_WIDTH, h = height;
  const scale = Math.min(w / (maxX - minX), h / (maxY - minY));
  const ox = x0 + (w - (maxX - minX) * scale) / 2, oy = y0 + (h - (maxY - minY) * scale) / 2;
  const tx = (p: Position): [number, number] => [ox + (p[0]! - minX) * scale, oy + (maxY - p[1]!) * scale];
  const path = (rings: Position[][][]) => {
    for (const poly of rings)
      for (const ring of poly) ring.forEach((p, i) => (i === 0 ? doc.moveTo(...tx(p)) : doc.lineTo(...tx(p))));
  };

  doc.save();
  doc.rect(x0, y0, w, h).fillAndStroke('#f7f7f2', '#999999');
  doc.rect(x0, y0, w, h).clip();
  // Least severe first, so the most severe overlaps are on top.
  const pieces = r.table.layers
    .flatMap((l) => l.codes.flatMap((c) => c.features.map((f) => ({ sev: c.severity, g: f.geometry }))))
    // The subject's own planned site and unrestricted land would only veil the map.
    .filter((p): p is { sev: LandSeverity; g: Geom } => !!p.g && p.sev !== 'target' && p.sev !== 'none')
    .sort((a, b) => severityRank(b.sev) - severityRank(a.sev));
  for (const p of pieces) {
    path(polys(p.g).map((rings) => rings.map((ring) => ring.map(project))));
    doc.fillColor(SEVERITY_COLORS[p.sev]).fillOpacity(0.7).fill('even-odd');
  }
  doc.fillOpacity(1);
  path(subject);
  doc.lineWidth(1.6).strokeColor('#111111').stroke();
  doc.restore();

  // Scale bar (bottom left) and north arrow (top right).
  const barM = niceMetres((w * 0.25) / scale);
  const bx = x0 + 10, by = y0 + h - 14;
  doc.rect(bx, by, barM * scale, 4).fill('#111111');
  doc.font('regular').fontSize(7.5).fillColor('#111111').text(`${formatNumber(barM, 0, 'vi')} m`, bx, by - 11, { ...TEXT, lineBreak: false });
  const nx = x0 + w - 18, ny = y0 + 10;
  doc.moveTo(nx, ny).lineTo(nx - 5, ny + 14).lineTo(nx + 5, ny + 14).closePath().fill('#111111');
  doc.fontSize(8).text('B', nx - 3, ny + 15, { ...TEXT, lineBreak: false });

  // Legend below the map.
  doc.y = y0 + h + 5;
  const shown = [...new Set(pieces.map((p) => p.sev))].sort((a, b) => severityRank(a) - severityRank(b));
  let lx = x0;
  doc.fontSize(7.5);
  for (const s of shown) {
    const label = SEVERITY_LABELS[s].vi;
    const lw = doc.widthOfString(label, TEXT) + 20;
    if (lx + lw > x0 + w) { lx = x0; doc.y += 11; }
    doc.rect(lx, doc.y + 1, 9, 7).fillOpacity(0.7).fill(SEVERITY_COLORS[s]).fillOpacity(1);
    doc.fillColor('#111111').text(label, lx + 12, doc.y, { ...TEXT, lineBreak: false });
    lx += lw;
  }
  doc.x = x0;
  doc.y += 14;
  doc.fontSize(7).fillColor('#555555').text(
    `Đường viền đen: ranh giới được kiểm tra. Hệ tọa độ phẳng VN-2000 TM-3 (EPSG:${epsg}), hướng Bắc lên trên.`,
    x0, doc.y, { ...TEXT, width: w },
  );
}
