import { createHash } from 'node:crypto';
import type pg from 'pg';

const names = new Map<string, string>();

/**
 * A named prepared statement for a hot query: parsed and planned once per connection, then only
 * bound and executed (the conflict check's overlap statement takes ~1,5 ms to plan). The name is
 * a hash of the text, so one text is one statement on every connection.
 */
export function prepared(text: string, values: unknown[]): pg.QueryConfig {
  let name = names.get(text);
  if (!name) names.set(text, (name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return { name, text, values };
}
