import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describe as describeIssue } from './issues';
import { repairGeometry } from './repair';

/**
 * Fixture-driven: tests/fixtures/repairGeometry/in/<case>.json is the input,
 * out/<case>.json the expected repairs, issues and geometry type. Run with
 * UPDATE_FIXTURES=1 to write missing outputs (then read them before committing).
 */
const dir = new URL('../../../tests/fixtures/repairGeometry/', import.meta.url);
const cases = readdirSync(new URL('in/', dir)).filter((f) => f.endsWith('.json'));

function summary(input: unknown) {
  const r = repairGeometry(input);
  return {
    type: r.geometry?.type ?? null,
    parts: r.geometry ? (r.geometry.type === 'Polygon' ? 1 : r.geometry.coordinates.length) : 0,
    rings: r.geometry ? (r.geometry.type === 'Polygon' ? [r.geometry.coordinates.length] : r.geometry.coordinates.map((p) => p.length)) : [],
    repairs: r.repairs.map((x) => x.code),
    issues: r.issues.map((x) => x.code),
    messages: [...r.repairs, ...r.issues].map((x) => describeIssue(x, 'vi')),
  };
}

describe('repairGeometry fixtures', () => {
  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const file of cases) {
    it(file.replace('.json', ''), () => {
      const got = summary(JSON.parse(readFileSync(new URL(`in/${file}`, dir), 'utf8')));
      const outUrl = new URL(`out/${file}`, dir);
      if (!existsSync(outUrl) && process.env.UPDATE_FIXTURES) writeFileSync(outUrl, `${JSON.stringify(got, null, 2)}\n`);
      expect(got).toEqual(JSON.parse(readFileSync(outUrl, 'utf8')));
      // Either usable with a report, or refused with a reason — never both, never neither.
      expect(got.type === null).toBe(got.issues.length > 0);
    });
  }
});

describe('repairGeometry details', () => {
  it('gives the crossing point of a bow-tie', () => {
    const d = 0.002;
    const r = repairGeometry({ type: 'Polygon', coordinates: [[[107, 21], [107 + d, 21 + d], [107 + d, 21], [107, 21 + d], [107, 21]]] });
    expect(r.issues[0]!.code).toBe('SELF_INTERSECTION');
    expect(r.issues[0]!.where!.point![0]).toBeCloseTo(107.001, 9);
    expect(r.issues[0]!.where!.point![1]).toBeCloseTo(21.001, 9);
    expect(describeIssue(r.issues[0]!, 'vi')).toBe('Ranh giới tự cắt: vòng ngoài, đỉnh 1, tại (107,001000; 21,001000)');
  });
});
