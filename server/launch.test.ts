import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../scripts/build-server';

const scripts = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('how the server is launched', () => {
  it('npm start runs the bundle with the same V8 flags as the tests and benchmarks spawn it with', () => {
    expect(scripts.start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} ${SERVER_BUNDLE}`);
  });

  it('the benchmark process, which hosts the server, has the server\'s heap flags', () => {
    for (const f of SERVER_NODE_FLAGS.filter((x) => x.startsWith('--max-'))) expect(scripts.bench).toContain(f);
  });
});
