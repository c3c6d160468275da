/**
 * Property tests for every parser that takes outside input: whatever it is fed,
 * it answers with a result or a controlled refusal — never another exception,
 * never NaN smuggled into coordinates.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '../../src/core/coords/numbers';
import { markersToLonLat, parseMarkerTable } from '../../src/core/coords/table';
import { INPUT_SYSTEMS } from '../../src/core/crs/systems';
import { repairGeometry } from '../../src/core/geometry/repair';
import { processFeatures } from '../../server/import/process';
import { ImportError, readFeatures } from '../../server/import/read-features';

const EXTENSIONS = ['geojson', 'json', 'kml', 'kmz', 'zip', 'csv', 'txt', 'bin'];
const RUNS = { numRuns: 150 };

/** Resolves to 'ok' or 'refused' (ImportError with a 4xx status); anything else fails. */
async function outcome(buffer: Buffer, filename: string): Promise<'ok' | 'refused'> {
  try {
    const r = await readFeatures(buffer, filename, {});
    expect(Array.isArray(r.features)).toBe(true);
    processFeatures(r.features);
    return 'ok';
  } catch (e) {
    if (e instanceof ImportError) {
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.status).toBeLessThan(500);
      expect(e.message.length).toBeGreaterThan(0);
      return 'refused';
    }
    throw e;
  }
}

const finiteCoords = (g: unknown): boolean => {
  const walk = (v: unknown): boolean => (Array.isArray(v) ? v.every(walk) : typeof v !== 'number' || Number.isFinite(v));
  return walk((g as { coordinates?: unknown } | undefined)?.coordinates);
};

describe('file readers (readFeatures + processFeatures)', () => {
  it('arbitrary bytes under any file name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(...EXTENSIONS), async (bytes, ext) => {
        await outcome(Buffer.from(bytes), `f.${ext}`);
      }),
      RUNS,
    );
  });

  it('arbitrary JSON as GeoJSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (v) => {
        await outcome(Buffer.from(JSON.stringify(v) ?? 'null'), 'f.geojson');
      }),
      RUNS,
    );
  });

  const coord = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.string({ maxLength: 4 }), fc.constant(null));
  const ring = fc.array(fc.array(coord, { minLength: 0, maxLength: 4 }), { maxLength: 12 });
  const geometry = fc.record({
    type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'LineString', 'Feature', 'Hexagon'),
    coordinates: fc.oneof(fc.array(ring, { maxLength: 3 }), fc.array(fc.array(ring, { maxLength: 2 }), { maxLength: 2 }), coord),
  });

  it('GeoJSON-shaped features with broken coordinates: refused or repaired, never NaN', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(geometry, { minLength: 1, maxLength: 3 }), async (geoms) => {
        const text = JSON.stringify({ type: 'FeatureCollection', features: geoms.map((g) => ({ type: 'Feature', properties: {}, geometry: g })) });
        await outcome(Buffer.from(text), 'f.geojson');
        for (const g of geoms) {
          const r = repairGeometry(g);
          if (r.geometry) expect(finiteCoords(r.geometry)).toBe(true);
          else expect(r.issues.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  const xmlish = fc
    .array(fc.constantFrom('<kml>', '</kml>', '<Placemark>', '</Placemark>', '<Polygon>', '</Polygon>', '<outerBoundaryIs><LinearRing><coordinates>', '</coordinates></LinearRing></outerBoundaryIs>', '107.1,21.5 ', '107.2,21.5,0 ', 'NaN,1 ', '<!ENTITY a "b">', '&a;', '<![CDATA[x]]>', '<name>Đình Lập</name>', '<', '>', '"'), { maxLength: 40 })
    .map((parts) => `<?xml version="1.0"?>${parts.join('')}`);

  it('XML-ish text as KML, and the same inside a KMZ', async () => {
    await fc.assert(
      fc.asyncProperty(xmlish, async (xml) => {
        await outcome(Buffer.from(xml), 'f.kml');
        const kmz = await new JSZip().file('doc.kml', xml).generateAsync({ type: 'nodebuffer' });
        await outcome(kmz, 'f.kmz');
      }),
      RUNS,
    );
  });

  it('zips of arbitrary entries as Shapefiles', async () => {
    const entry = fc.record({
      name: fc.constantFrom('a.shp', 'a.shx', 'a.dbf', 'a.prj', 'a.cpg', '../x.shp', 'dir/b.shp', 'b.dbf'),
      bytes: fc.uint8Array({ maxLength: 300 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 5 }), async (entries) => {
        const z = new JSZip();
        for (const e of entries) z.file(e.name, e.bytes);
        await outcome(await z.generateAsync({ type: 'nodebuffer' }), 'f.zip');
      }),
      { numRuns: 80 },
    );
  });

  it('CSV-ish text', async () => {
    const cell = fc.oneof(fc.constantFrom('M1', 'X', 'Y', '2.383.963,87', '484061,57', '21°33′', '107.098', 'NaN', '', '"a,b"', '=1+1'), fc.string({ maxLength: 6 }));
    const line = fc.array(cell, { maxLength: 5 }).chain((cells) => fc.constantFrom(',', ';', '\t').map((sep) => cells.join(sep)));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
        await outcome(Buffer.from(lines.join('\n')), 'f.csv');
      }),
      RUNS,
    );
  });
});

describe('marker tables and numbers typed by people', () => {
  it('parseMarkerTable never throws and never yields a non-finite coordinate', () => {
    const token = fc.oneof(fc.constantFrom('M1', 'M2', '2383963,87', '2.383.963,87', '484061.57', '484 061,57', 'NaN', '1e309', '-', '\t', ';', 'X', 'Y'), fc.string({ maxLength: 8 }));
    const text = fc.array(fc.array(token, { maxLength: 4 }).map((t) => t.join(' ')), { maxLength: 15 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, fc.constantFrom(...INPUT_SYSTEMS), (t, sys) => {
        const parsed = parseMarkerTable(t, sys);
        for (const m of parsed.markers) expect(Number.isFinite(m.x) && Number.isFinite(m.y)).toBe(true);
        for (const p of markersToLonLat(parsed.markers, sys)) expect(p.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('parseLocaleNumber gives a finite number or nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const n = parseLocaleNumber(s);
        expect(n === undefined || Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
