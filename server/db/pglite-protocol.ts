/**
 * PGlite answers an error in an extended-protocol message (Parse, Bind, Describe, Execute) with
 * ErrorResponse AND an immediate ReadyForQuery, then a second ReadyForQuery when the client's
 * Sync arrives. PostgreSQL sends exactly one, at Sync. pglite-socket hands PGlite one message at
 * a time, so the `pg` client received two: when the second came in after the client had already
 * sent its next statement (ROLLBACK), that statement took it as its answer and every later query
 * on the connection got the answer of the one before (an empty result, another query's rows —
 * even for the sign-in lookup). Only Sync and simple Query end with ReadyForQuery; this drops the
 * premature one from the answers to every other message.
 */

import type { PGlite } from '@electric-sql/pglite';

const READY_FOR_QUERY = 0x5a; // 'Z'
/** Extended-protocol client messages: Parse, Bind, Describe, Execute, Close, Flush — never answered with ReadyForQuery. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));

/** Whether PostgreSQL would never answer this client message with ReadyForQuery (only Sync, Query… do). */
export const neverReadyForQuery = (message: Uint8Array): boolean => EXTENDED.has(message[0]!);

/**
 * A filter over the backend's answer to one client message, chunk by chunk (a message may be
 * split across chunks): passes every backend message through except ReadyForQuery.
 */
export function withoutReadyForQuery(): (chunk: Uint8Array) => Uint8Array {
  let header = new Uint8Array(0); // an incomplete 5-byte message header carried to the next chunk
  let remaining = 0; // bytes of the current message's body still to come
  let dropping = false;
  return (chunk) => {
    const keep: Uint8Array[] = [];
    let i = 0;
    const emit = (from: number, to: number) => {
      if (to > from) keep.push(chunk.subarray(from, to));
    };
    while (i < chunk.length) {
      if (remaining > 0) {
        const n = Math.min(remaining, chunk.length - i);
        if (!dropping) emit(i, i + n);
        i += n;
        remaining -= n;
        continue;
      }
      // At a message boundary: complete the 5-byte header (type + int32 length incl. itself).
      const need = 5 - header.length;
      const take = Math.min(need, chunk.length - i);
      const h = new Uint8Array(header.length + take);
      h.set(header);
      h.set(chunk.subarray(i, i + take), header.length);
      i += take;
      if (h.length < 5) {
        header = h;
        break;
      }
      header = new Uint8Array(0);
      const length = new DataView(h.buffer, h.byteOffset, 5).getInt32(1);
      dropping = h[0] === READY_FOR_QUERY;
      remaining = length - 4;
      if (!dropping) keep.push(h);
    }
    if (keep.length === 1) return keep[0]!;
    const total = keep.reduce((s, k) => s + k.length, 0);
    const merged = new Uint8Array(total);
    let o = 0;
    for (const k of keep) {
      merged.set(k, o);
      o += k.length;
    }
    return merged;
  };
}

/** Makes PGlite's raw protocol stream (what pglite-socket serves) answer like PostgreSQL: no ReadyForQuery before Sync. */
export function oneReadyForQueryPerSync(db: PGlite): void {
  const raw = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = (message, options) => {
    if (!options || !neverReadyForQuery(message)) return raw(message, options);
    const filter = withoutReadyForQuery();
    return raw(message, {
      ...options,
      onRawData: (data) => {
        const kept = filter(data);
        if (kept.length) options.onRawData(kept);
      },
    });
  };
}
