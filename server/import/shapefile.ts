import { parseDbf, parseShp } from 'shpjs';
import { crsFromPrj, type PrjCrs } from './prj';
import { ImportError, type RawFeature } from './types';
import { unzipFiles } from './zip';

export interface ShapefileRead {
  features: RawFeature[];
  /** From the .prj, or undefined when the archive has none. */
  crs?: PrjCrs;
  layers: string[];
}

/** A zipped Shapefile (one or more layers: .shp + .dbf [+ .prj, .cpg]); coordinates as stored. */
export async function readShapefileZip(buffer: Buffer): Promise<ShapefileRead> {
  const files = await unzipFiles(buffer, (n) => /\.(shp|dbf|prj|cpg)$/.test(n));
  const shps = [...files.keys()].filter((n) => n.endsWith('.shp'));
  if (!shps.length) throw new ImportError(400, 'CORRUPT_FILE', 'The zip holds no .shp file', 'Tệp zip không chứa tệp .shp');
  const features: RawFeature[] = [];
  let crs: PrjCrs | undefined;
  for (const shpName of shps) {
    const base = shpName.slice(0, -4);
    const shp = files.get(shpName)!;
    const dbf = files.get(`${base}.dbf`);
    const prj = files.get(`${base}.prj`);
    const cpg = files.get(`${base}.cpg`);
    let geoms: unknown[];
    let props: Record<string, unknown>[] = [];
    try {
      geoms = parseShp(shp) as unknown[];
      if (dbf) props = parseDbf(dbf, cpg as never) as unknown as Record<string, unknown>[];
    } catch (e) {
      throw new ImportError(400, 'CORRUPT_FILE', `Cannot read ${shpName}: ${(e as Error).message}`, `Không đọc được ${shpName}: tệp bị hỏng`);
    }
    if (prj) {
      const c = crsFromPrj(prj.toString('utf8'));
      if (crs && String(crs.def) !== String(c.def))
        throw new ImportError(422, 'MIXED_CRS', 'The layers of the archive use different coordinate systems', 'Các lớp trong tệp nén dùng hệ tọa độ khác nhau');
      crs = c;
    }
    geoms.forEach((g, i) => features.push({ geometry: g, properties: { ...(props[i] ?? {}), _layer: base.split('/').pop() } }));
  }
  return { features, crs, layers: shps };
}
