import { randomBytes } from 'node:crypto';

/**
 * Pieces' outlines travel as PostGIS's GeoJSON text from the database to the response: a 70 ha
 * check has ~110 of them (~45 KB), which JSON.parse in `pg` and JSON.stringify in the reply would
 * otherwise turn into objects and back, on every request. Server code that reads `geometry`
 * (the PDF map) gets it parsed, once.
 */
const TEXT = Symbol('geometry as GeoJSON text');

type WithText = { [TEXT]: string };

/** Gives `f` a `geometry` read from `text` when read (not enumerable: see stringifyWithGeometryText). */
export function withGeometryText<T extends object>(f: T, text: string): T {
  let parsed: unknown;
  Object.defineProperty(f, 'geometry', { enumerable: false, configurable: true, get: () => (parsed ??= JSON.parse(text)) });
  (f as T & WithText)[TEXT] = text;
  return f;
}

/**
 * JSON of `value` with each such object's `geometry` written as its text, last among its keys.
 * The placeholders carry a per-call nonce, so no string of the data can be taken for one.
 */
export function stringifyWithGeometryText(value: unknown): string {
  const texts: string[] = [];
  const mark = `\u0000${randomBytes(6).toString('hex')}:`;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || !(TEXT in v)) return v;
    texts.push((v as WithText)[TEXT]);
    return { ...v, geometry: `${mark}${texts.length - 1}` };
  });
  if (!texts.length) return json;
  const placeholder = new RegExp(`"${JSON.stringify(mark).slice(1, -1).replace(/\\/g, '\\\\')}(\\d+)"`, 'g');
  return json.replace(placeholder, (_m, i: string) => texts[Number(i)]!);
}
