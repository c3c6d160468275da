import { TM3_ZONES, VN2000_TOWGS84 } from '../../src/core/crs/vn2000';
import type { SourceCrs } from './types';

export interface PrjCrs extends SourceCrs {
  /** What to reproject from: an EPSG code of the VN-2000 table, 4326, or a proj4/WKT definition. */
  def: number | string;
}

const param = (wkt: string, name: string): number | undefined => {
  const m = new RegExp(`PARAMETER\\s*\\[\\s*"${name}"\\s*,\\s*([-+\\d.eE]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : undefined;
};

/**
 * Reads a Shapefile .prj (ESRI or OGC WKT). VN-2000 is recognised by its datum
 * name and mapped to the project's VN-2000 table by projection, central meridian
 * and scale factor — ESRI .prj files carry no datum shift, and proj4 alone would
 * put them about 220 m off. Other systems go to proj4 as WKT.
 */
export function crsFromPrj(wkt: string): PrjCrs {
  const text = wkt.trim();
  const name = /^(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(text)?.[1] ?? 'unknown';
  const vn2000 = /VN[-_ ]?2000|Vietnam[-_ ]?2000|Viet_Nam_2000/i.test(text);
  const projected = /^PROJ(?:CS|CRS)/i.test(text);
  if (!projected) {
    if (vn2000) return { epsg: 4756, def: 4756, name, source: 'prj' };
    if (/WGS[-_ ]?(?:19)?84/i.test(text)) return { epsg: 4326, def: 4326, name, source: 'prj' };
    return { name, def: text, source: 'prj' };
  }
  if (vn2000) {
    const cm = param(text, 'central_meridian') ?? param(text, 'longitude_of_center');
    const k = param(text, 'scale_factor');
    const fe = param(text, 'false_easting');
    if (cm !== undefined && /Transverse_Mercator/i.test(text) && fe === 500000) {
      if (k !== undefined && Math.abs(k - 0.9999) < 1e-9) {
        const z = TM3_ZONES.find((x) => Math.abs(x.meridian - cm) < 1e-6);
        if (z) return { epsg: z.epsg, def: z.epsg, name, source: 'prj' };
      }
      if (k !== undefined && Math.abs(k - 0.9996) < 1e-9 && (cm === 105 || cm === 111))
        return { epsg: cm === 105 ? 3405 : 3406, def: cm === 105 ? 3405 : 3406, name, source: 'prj' };
      return {
        name,
        source: 'prj',
        def: `+proj=tmerc +lat_0=${param(text, 'latitude_of_origin') ?? 0} +lon_0=${cm} +k=${k ?? 1} +x_0=${fe} +y_0=${param(text, 'false_northing') ?? 0} +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
      };
    }
  }
  const auth = /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text);
  return { epsg: auth ? Number(auth[1]) : undefined, def: text, name, source: 'prj' };
}

/** An ESRI .prj for a VN-2000 projected CRS of the table, or WGS 84. */
export function prjFor(epsg: number): string {
  const gcsWgs = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
  if (epsg === 4326) return gcsWgs;
  const gcsVn = 'GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
  const z = TM3_ZONES.find((x) => x.epsg === epsg);
  const [cm, k, nm] = z
    ? [z.meridian, 0.9999, `VN_2000_TM3_${String(z.meridian).replace('.', '_')}`]
    : epsg === 3405 ? [105, 0.9996, 'VN_2000_UTM_Zone_48N'] : [111, 0.9996, 'VN_2000_UTM_Zone_49N'];
  return `PROJCS["${nm}",${gcsVn},PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",${k}],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
}
