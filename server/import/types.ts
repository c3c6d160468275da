/** What a reader gives back: features in their source CRS until reprojected, plus what it learnt. */
export interface RawFeature {
  geometry: unknown;
  properties: Record<string, unknown>;
}

export interface SourceCrs {
  /** EPSG code when known (4326 = WGS 84 lon/lat). */
  epsg?: number;
  name: string;
  /** Where the CRS came from. */
  source: 'format' | 'prj' | 'geojson-crs' | 'given' | 'default';
}

export interface ReadResult {
  format: 'geojson' | 'kml' | 'kmz' | 'shapefile' | 'csv';
  features: RawFeature[];
  crs: SourceCrs;
  warnings: string[];
}

export interface ReadOptions {
  /** CRS of the input when the file does not say (EPSG code), e.g. a Shapefile without .prj. */
  crs?: number;
  /** Called while reading large files. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** A whole file refused: HTTP status, code, message (vi and en) and details. */
export class ImportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
