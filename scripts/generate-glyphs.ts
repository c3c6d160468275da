/**
 * Generates the MapLibre glyph PBFs (signed distance fields) the offline map needs for labels with
 * Vietnamese diacritics, from the OFL font Noto Sans (npm: @expo-google-fonts/noto-sans, else
 * Debian's fonts-noto-core). Output: assets/glyphs/<fontstack>/<start>-<end>.pbf plus the OFL text.
 * Run at development time and commit the output: `npx tsx scripts/generate-glyphs.ts`.
 *
 * Format (as node-fontnik writes it): 24 px glyphs, a 3 px border, SDF radius 8 px, cutoff 0.25
 * (the outline is at 191/255); protobuf `glyphs { stacks { name, range, glyphs { id, bitmap,
 * width, height, left, top, advance } } }`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

const SIZE = 24;
const BORDER = 3;
const RADIUS = 8;
const CUTOFF = 0.25;
/** Latin, Latin-1, Latin Extended-A/B, IPA + spacing modifiers, combining marks, Latin Extended Additional (Vietnamese), punctuation. */
export const GLYPH_RANGES = [0, 256, 512, 768, 7680, 8192];

const require = createRequire(import.meta.url);
const fromNpm = (file: string) => {
  try {
    return require.resolve(`@expo-google-fonts/noto-sans/${file}`);
  } catch {
    return undefined;
  }
};
const FONTS = [
  { stack: 'NotoSans-Regular', file: fromNpm('400Regular/NotoSans_400Regular.ttf') ?? '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf' },
  { stack: 'NotoSans-Bold', file: fromNpm('700Bold/NotoSans_700Bold.ttf') ?? '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf' },
];
const LICENSE = fromNpm('LICENSE_FONT') ?? '/usr/share/doc/fonts-noto-core/copyright';
const OUT = new URL('../assets/glyphs/', import.meta.url).pathname;

// ---- protobuf, by hand (varint, zigzag, length-delimited) ----
function varint(n: number, out: number[]): void {
  let v = n >>> 0;
  while (v > 127) {
    out.push((v & 127) | 128);
    v >>>= 7;
  }
  out.push(v);
}
const zigzag = (n: number) => ((n << 1) ^ (n >> 31)) >>> 0;
const key = (field: number, wire: number, out: number[]) => varint((field << 3) | wire, out);
function bytesField(field: number, data: ArrayLike<number>, out: number[]): void {
  key(field, 2, out);
  varint(data.length, out);
  for (let i = 0; i < data.length; i++) out.push(data[i]!);
}
const strBytes = (s: string) => Array.from(Buffer.from(s, 'utf8'));

interface Glyph {
  id: number;
  bitmap: Uint8Array;
  width: number;
  height: number;
  left: number;
  top: number;
  advance: number;
}

function encodeGlyph(g: Glyph): number[] {
  const out: number[] = [];
  key(1, 0, out); varint(g.id, out);
  if (g.bitmap.length) bytesField(2, g.bitmap, out);
  key(3, 0, out); varint(g.width, out);
  key(4, 0, out); varint(g.height, out);
  key(5, 0, out); varint(zigzag(g.left), out);
  key(6, 0, out); varint(zigzag(g.top), out);
  key(7, 0, out); varint(g.advance, out);
  return out;
}

export function encodeRange(stack: string, range: string, glyphs: Glyph[]): Uint8Array {
  const fontstack: number[] = [];
  bytesField(1, strBytes(stack), fontstack);
  bytesField(2, strBytes(range), fontstack);
  for (const g of glyphs) bytesField(3, encodeGlyph(g), fontstack);
  const out: number[] = [];
  bytesField(1, fontstack, out);
  return Uint8Array.from(out);
}

// ---- outline → segments → signed distance field ----
type Seg = [number, number, number, number];

interface PathCommand {
  command: string;
  args: number[];
}

/** Flattens a glyph outline (font units, y up) into line segments in pixels. */
function segments(commands: readonly PathCommand[], scale: number): Seg[] {
  const segs: Seg[] = [];
  let x = 0, y = 0, sx = 0, sy = 0;
  const line = (nx: number, ny: number) => {
    if (nx !== x || ny !== y) segs.push([x, y, nx, ny]);
    x = nx;
    y = ny;
  };
  const steps = 8;
  for (const { command, args } of commands) {
    const a = args.map((v) => v * scale);
    if (command === 'moveTo') {
      if (x !== sx || y !== sy) line(sx, sy);
      x = sx = a[0]!;
      y = sy = a[1]!;
    } else if (command === 'lineTo') line(a[0]!, a[1]!);
    else if (command === 'quadraticCurveTo') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= steps; i++) {
        const t = i / steps, u = 1 - t;
        line(u * u * x0 + 2 * u * t * a[0]! + t * t * a[2]!, u * u * y0 + 2 * u * t * a[1]! + t * t * a[3]!);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = [x, y];
      for (let i = 1; i <= steps; i++) {
        const t = i / steps, u = 1 - t;
        line(
          u * u * u * x0 + 3 * u * u * t * a[0]! + 3 * u * t * t * a[2]! + t * t * t * a[4]!,
          u * u * u * y0 + 3 * u * u * t * a[1]! + 3 * u * t * t * a[3]! + t * t * t * a[5]!,
        );
      }
    } else if (command === 'closePath') line(sx, sy);
  }
  if (x !== sx || y !== sy) line(sx, sy);
  return segs;
}

function rasterize(segs: Seg[], x0: number, y1: number, w: number, h: number): Uint8Array {
  const W = w + 2 * BORDER, H = h + 2 * BORDER;
  const data = new Uint8Array(W * H);
  for (let j = 0; j < H; j++) {
    const py = y1 + BORDER - j - 0.5;
    for (let i = 0; i < W; i++) {
      const px = x0 - BORDER + i + 0.5;
      let best = Infinity;
      let winding = 0;
      for (const [ax, ay, bx, by] of segs) {
        const dx = bx - ax, dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
        const ex = px - (ax + t * dx), ey = py - (ay + t * dy);
        const d2 = ex * ex + ey * ey;
        if (d2 < best) best = d2;
        // Non-zero winding rule (TrueType outlines).
        if (ay <= py) {
          if (by > py && dx * (py - ay) - (px - ax) * dy > 0) winding++;
        } else if (by <= py && dx * (py - ay) - (px - ax) * dy < 0) winding--;
      }
      const d = Math.sqrt(best) * (winding !== 0 ? -1 : 1);
      data[j * W + i] = Math.max(0, Math.min(255, Math.round(255 - 255 * (d / RADIUS + CUTOFF))));
    }
  }
  return data;
}

function glyphOf(font: fontkit.Font, cp: number): Glyph | undefined {
  if (!font.hasGlyphForCodePoint(cp)) return undefined;
  const g = font.glyphForCodePoint(cp);
  const scale = SIZE / font.unitsPerEm;
  const ascender = Math.round(font.ascent * scale);
  const advance = Math.round(g.advanceWidth * scale);
  const segs = segments(g.path.commands as PathCommand[], scale);
  if (segs.length === 0) return { id: cp, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: -ascender, advance };
  const xs = segs.flatMap((s) => [s[0], s[2]]), ys = segs.flatMap((s) => [s[1], s[3]]);
  const x0 = Math.floor(Math.min(...xs)), x1 = Math.ceil(Math.max(...xs));
  const y0 = Math.floor(Math.min(...ys)), y1 = Math.ceil(Math.max(...ys));
  const width = x1 - x0, height = y1 - y0;
  return { id: cp, bitmap: rasterize(segs, x0, y1, width, height), width, height, left: x0, top: y1 - ascender, advance };
}

function main(): void {
  if (existsSync(OUT)) rmSync(OUT, { recursive: true });
  for (const { stack, file } of FONTS) {
    const font = fontkit.openSync(file) as fontkit.Font;
    const dir = join(OUT, stack);
    mkdirSync(dir, { recursive: true });
    let count = 0;
    for (const start of GLYPH_RANGES) {
      const range = `${start}-${start + 255}`;
      const glyphs: Glyph[] = [];
      for (let cp = start; cp <= start + 255; cp++) {
        const g = glyphOf(font, cp);
        if (g) glyphs.push(g);
      }
      writeFileSync(join(dir, `${range}.pbf`), encodeRange(stack, range, glyphs));
      count += glyphs.length;
    }
    console.log(`${stack}: ${count} glyphs from ${file}`);
  }
  copyFileSync(LICENSE, join(OUT, 'OFL.txt'));
  writeFileSync(
    join(OUT, 'README.md'),
    `# Map label glyphs (generated)\n\nSigned-distance-field glyph PBFs for MapLibre, generated by \`scripts/generate-glyphs.ts\` from **Noto Sans**\n(Regular and Bold, © The Noto Project Authors, SIL Open Font License 1.1 — see \`OFL.txt\`).\nRanges: ${GLYPH_RANGES.map((s) => `${s}-${s + 255}`).join(', ')} (Latin, Latin-1, Latin Extended,\ncombining marks, Latin Extended Additional for Vietnamese, punctuation). Served by \`server/routes/glyphs.route.ts\` at\n\`/fonts/{fontstack}/{range}.pbf\`; any other range is answered with an empty glyph set.\n`,
  );
  console.log(readdirSync(OUT).join(', '));
}

main();
