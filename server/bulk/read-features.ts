import { createReadStream } from 'node:fs';

/**
 * Streams the features of a GeoJSON file without holding the file in memory: a
 * FeatureCollection (any size: the `features` array is cut into one object at a time)
 * or GeoJSON text sequences / NDJSON (one feature per line, RFC 8142 record separators
 * allowed). Yields parsed objects in file order; `bytes` is how far the reader got.
 */
export async function* streamFeatures(
  chunks: AsyncIterable<string | Buffer>,
  progress?: { bytes: number },
): AsyncGenerator<unknown> {
  const scanner = new FeatureScanner();
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (progress) progress.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    yield* scanner.push(text);
  }
  yield* scanner.end();
}

/** Reads a file (utf-8) as a stream of features. */
export function readFeatureFile(path: string, progress?: { bytes: number }): AsyncGenerator<unknown> {
  return streamFeatures(createReadStream(path, { highWaterMark: 1 << 20 }), progress);
}

/**
 * Incremental scanner. Mode is decided by the first object: a FeatureCollection (or any
 * object with a top-level "features" array) is cut at its array elements; otherwise every
 * top-level value is one feature (a sequence).
 */
export class FeatureScanner {
  private buf = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private start = -1;
  /** Depth at which whole values are cut out: 0 for a sequence, 2 inside "features": [ … ]. */
  private cutDepth = -1;
  private lastKey = '';
  private keyStart = -1;
  private mode: 'undecided' | 'collection' | 'sequence' = 'undecided';
  private sawFeatures = false;

  *push(text: string): Generator<unknown> {
    this.buf += text;
    yield* this.scan();
    // Drop what has been consumed, keeping an object being read.
    const keep = this.start >= 0 ? this.start : this.pos;
    if (keep > 1 << 20) {
      this.buf = this.buf.slice(keep);
      this.pos -= keep;
      if (this.start >= 0) this.start -= keep;
      if (this.keyStart >= 0) this.keyStart -= keep;
    }
  }

  *end(): Generator<unknown> {
    if (this.depth !== 0 || this.inString) throw new Error('GeoJSON ends in the middle of a value (truncated file?)');
    if (this.mode === 'collection' && !this.sawFeatures) throw new Error('The GeoJSON object has no "features" array');
  }

  private *scan(): Generator<unknown> {
    const b = this.buf;
    for (let i = this.pos; i < b.length; i++) {
      const ch = b.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === 92 /* \ */) this.escaped = true;
        else if (ch === 34 /* " */) {
          this.inString = false;
          if (this.depth === 1 && this.mode !== 'sequence' && this.keyStart >= 0) {
            this.lastKey = b.slice(this.keyStart + 1, i);
            this.keyStart = -1;
          }
        }
        continue;
      }
      if (ch === 34) {
        this.inString = true;
        if (this.depth === 1 && this.mode !== 'sequence') this.keyStart = i;
        continue;
      }
      if (ch === 123 /* { */ || ch === 91 /* [ */) {
        if (this.mode === 'undecided' && this.depth === 0) {
          if (ch !== 123) throw new Error('Expected a GeoJSON object or a sequence of features');
          this.start = i;
        }
        if (this.mode === 'undecided' && this.depth === 1 && ch === 91 && this.lastKey === 'features') {
          // The first object is a collection: cut its features out from here on.
          this.mode = 'collection';
          this.sawFeatures = true;
          this.cutDepth = 2;
          this.start = -1;
        } else if (this.depth === this.cutDepth && this.mode !== 'undecided') {
          this.start = i;
        }
        this.depth++;
        continue;
      }
      if (ch === 125 /* } */ || ch === 93 /* ] */) {
        this.depth--;
        if (this.depth < 0) throw new Error(`Unbalanced "${String.fromCharCode(ch)}" at character ${i}`);
        if (this.mode === 'collection' && this.depth === this.cutDepth && this.start >= 0) {
          yield parse(b.slice(this.start, i + 1));
          this.start = -1;
        } else if (this.depth === 0 && this.mode !== 'collection') {
          // A whole top-level object that was not a collection: a sequence of features.
          const text = b.slice(this.start, i + 1);
          this.start = -1;
          const v = parse(text) as { type?: string; features?: unknown };
          if (this.mode === 'undecided' && v && typeof v === 'object' && Array.isArray(v.features)) {
            // A collection whose "features" key came after nested values we did not cut: small, fine.
            this.mode = 'collection';
            this.sawFeatures = true;
            for (const f of v.features) yield f;
          } else {
            this.mode = 'sequence';
            this.cutDepth = 0;
            yield v;
          }
        } else if (this.mode === 'collection' && this.depth === 1 && ch === 93) {
          this.cutDepth = -1;
        }
      }
    }
    this.pos = b.length;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`Invalid JSON in a feature: ${(e as Error).message} (near "${text.slice(0, 80)}…")`);
  }
}
