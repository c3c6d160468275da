/**
 * `npm test`: runs every test leg this machine can run and says which ran.
 *   unit          — pure logic (always)
 *   api:embedded  — API suite on a fresh embedded PGlite + PostGIS (always)
 *   api:postgis   — the same suite on TEST_DATABASE_URL (when set)
 *   e2e:chromium  — the built app in headless Chromium (when Chromium is installed)
 * With CI=true a leg that cannot run is a failure, not a skip.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './e2e/chromium';

interface Leg {
  name: string;
  project: string;
  env?: Record<string, string>;
  /** Why it cannot run here, or undefined when it can. */
  missing?: string | undefined;
  /** Legs of one group run side by side (two cores: the embedded leg is one busy Node process, the
   *  server leg mostly waits on PostgreSQL); their output is printed when the group ends. */
  group?: string;
}

interface Outcome {
  name: string;
  state: 'ran' | 'skipped' | 'failed to run';
  passed: number;
  failed: number;
  skipped: number;
  note: string;
}

const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2);
const vitest = join('node_modules', '.bin', 'vitest');

const legs: Leg[] = [
  { name: 'unit', project: 'unit' },
  { name: 'api:embedded', project: 'api', env: { TEST_BACKEND: 'embedded' }, group: 'api' },
  {
    name: 'api:postgis',
    project: 'api',
    env: { TEST_BACKEND: 'postgis' },
    group: 'api',
    missing: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set',
  },
  {
    name: 'e2e:chromium',
    project: 'e2e',
    missing: findChromium() ? undefined : 'Chromium is not installed (apt-get install -y chromium)',
  },
];

const outcomes: Outcome[] = [];
const reportDir = join(tmpdir(), `ccn-test-${process.pid}`);
mkdirSync(reportDir, { recursive: true });

/** Runs one leg's vitest; its output goes to the terminal, or is returned when `capture`. */
function runVitest(leg: Leg, report: string, capture: boolean): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(vitest, ['run', '--project', leg.project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...leg.env },
    });
    let output = '';
    child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

function outcomeOf(leg: Leg, report: string, status: number | null): Outcome {
  try {
    const j = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numTotalTests: number;
    };
    const failedSuites = status !== 0 && j.numFailedTests === 0;
    return {
      name: leg.name,
      state: j.numTotalTests === 0 || failedSuites ? 'failed to run' : 'ran',
      passed: j.numPassedTests,
      failed: j.numFailedTests + (failedSuites ? 1 : 0),
      skipped: j.numPendingTests + j.numTodoTests,
      note: failedSuites ? `vitest exited ${status} (a suite failed to load or set up)` : j.numTotalTests === 0 ? 'no tests found' : '',
    };
  } catch {
    return { name: leg.name, state: 'failed to run', passed: 0, failed: 1, skipped: 0, note: `vitest exited ${status} without a report` };
  }
}

const runnable: Leg[] = [];
for (const leg of legs) {
  if (only.length && !only.includes(leg.name)) continue;
  if (leg.missing) outcomes.push({ name: leg.name, state: ci ? 'failed to run' : 'skipped', passed: 0, failed: 0, skipped: 0, note: leg.missing });
  else runnable.push(leg);
}
for (let i = 0; i < runnable.length; ) {
  const leg = runnable[i]!;
  const batch = leg.group ? runnable.filter((l) => l.group === leg.group) : [leg];
  i += batch.length;
  const side = batch.length > 1;
  if (side) console.log(`\n=== legs ${batch.map((l) => l.name).join(' + ')} (side by side) ===`);
  const reports = batch.map((l) => join(reportDir, `${l.name.replace(':', '-')}.json`));
  const runs = await Promise.all(
    batch.map((l, k) => {
      if (!side) console.log(`\n=== leg ${l.name} ===`);
      return runVitest(l, reports[k]!, side);
    }),
  );
  batch.forEach((l, k) => {
    if (side) console.log(`\n=== leg ${l.name} ===\n${runs[k]!.output}`);
    outcomes.push(outcomeOf(l, reports[k]!, runs[k]!.status));
  });
}
rmSync(reportDir, { recursive: true, force: true });

console.log('\n=== test legs ===');
for (const o of outcomes) {
  const counts = o.state === 'ran' ? `${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped` : '';
  console.log(`${o.name.padEnd(14)} ${o.state.padEnd(14)} ${counts}${o.note ? `  (${o.note})` : ''}`);
}
const passed = outcomes.reduce((s, o) => s + o.passed, 0);
const failed = outcomes.reduce((s, o) => s + o.failed, 0);
const skipped = outcomes.reduce((s, o) => s + o.skipped, 0);
const broken = outcomes.filter((o) => o.state === 'failed to run').length;
console.log(`\n${passed} passed, ${failed + broken} failed, ${skipped} skipped`);
process.exit(failed + broken > 0 ? 1 : 0);
