import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneReadyForQueryPerSync, withoutReadyForQuery } from './pglite-protocol';

/** One frontend message: type byte, int32 length (itself included), body. */
function msg(type: string, ...parts: (string | number[] | Uint8Array)[]): Uint8Array {
  const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(`${p}\0`) : Buffer.from(p))));
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(body.length + 4, 1);
  return new Uint8Array(Buffer.concat([head, body]));
}
const int16 = (n: number) => [(n >> 8) & 255, n & 255];
const int32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];

/** What node-pg sends for `query('SELECT $1::text AS s', [value])`, message by message (as pglite-socket passes them on). */
function extendedQuery(value: Buffer): Uint8Array[] {
  return [
    msg('P', '', 'SELECT $1::text AS s', int16(0)),
    msg('B', '', '', int16(0), int16(1), int32(value.length), value, int16(0)),
    msg('D', 'P'),
    msg('E', '', int32(0)),
    msg('S'),
  ];
}

/** Backend message types of the answers, in order. */
function types(chunks: Uint8Array[]): string {
  const all = Buffer.concat(chunks);
  let out = '';
  for (let i = 0; i < all.length; ) {
    out += String.fromCharCode(all[i]!);
    i += 1 + all.readInt32BE(i + 1);
  }
  return out;
}

async function run(db: PGlite, messages: Uint8Array[]): Promise<string> {
  const chunks: Uint8Array[] = [];
  for (const m of messages) await db.execProtocolRawStream(m, { onRawData: (d) => chunks.push(new Uint8Array(d)) });
  return types(chunks);
}

describe('withoutReadyForQuery', () => {
  const answer = Buffer.concat([
    Buffer.from(msg('E', 'SERROR', 'C22021', 'Minvalid byte sequence')),
    Buffer.from([0x5a, 0, 0, 0, 5, 0x49]), // ReadyForQuery, idle
    Buffer.from(msg('N', 'SNOTICE')),
  ]);
  it('drops ReadyForQuery and keeps every other message, however the answer is split into chunks', () => {
    const expected = types([answer]).replace('Z', '');
    expect(expected).toBe('EN');
    for (let a = 0; a <= answer.length; a++) {
      for (let b = a; b <= answer.length; b += 3) {
        const f = withoutReadyForQuery();
        const out = [answer.subarray(0, a), answer.subarray(a, b), answer.subarray(b)].map((c) => f(new Uint8Array(c)));
        expect(types(out), `split at ${a}, ${b}`).toBe(expected);
      }
    }
  });
});

describe('PGlite behind pglite-socket: a failed statement', () => {
  let plain: PGlite;
  let fixed: PGlite;
  beforeAll(async () => {
    [plain, fixed] = await Promise.all([PGlite.create(), PGlite.create()]);
    oneReadyForQueryPerSync(fixed);
  }, 60_000);
  afterAll(async () => {
    await plain?.close();
    await fixed?.close();
  });

  const nul = Buffer.from('a\0b');
  it('unpatched PGlite answers ReadyForQuery twice (after the error and at Sync): the bug', async () => {
    expect(await run(plain, extendedQuery(nul))).toBe('1EZZ');
  });

  it('patched, it answers like PostgreSQL: one ReadyForQuery, at Sync, and the next query gets its own rows', async () => {
    expect(await run(fixed, extendedQuery(nul))).toBe('1EZ');
    expect(await run(fixed, extendedQuery(Buffer.from('ok')))).toBe('12TDCZ');
  });
});
