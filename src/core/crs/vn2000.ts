/**
 * VN-2000 coordinate reference systems: the single source of truth for the
 * proj4 definitions used in the browser (proj4js) and the rows inserted into
 * PostGIS `spatial_ref_sys` by the migrations (see data/migrations/generate-srs.ts).
 */

/** VN-2000 → WGS 84 Helmert shift (Position Vector), as carried by EPSG:3405 in PostGIS. */
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/**
 * EPSG:5194 "VN-2000 to WGS 84 (1)", Position Vector, and its area of use (EPSG extent 3770,
 * "Mekong delta blocks DBSCL 02 and 03": west, south, east, north). PROJ — and so PostGIS
 * ST_Transform, which resolves these EPSG codes through proj.db — applies it instead of the
 * country-wide shift inside that box (about 0.8 m apart there). transform.ts does the same,
 * so the browser and the database agree everywhere. The spatial_ref_sys proj4text (the
 * country-wide shift above) is PostGIS's fallback only.
 */
export const VN2000_TOWGS84_MEKONG = '-192.873,-39.382,-111.202,-0.00205,-0.0005,0.00335,0.0188';
export const MEKONG_DBSCL_AREA: readonly [number, number, number, number] = [104.24, 9.35, 107.11, 11.04];

export interface Tm3Zone {
  /** EPSG code of the provincial TM-3 CRS. */
  epsg: number;
  /** Central meridian in decimal degrees. */
  meridian: number;
  /** Provinces (pre-2025 units) that use this meridian. */
  provinces: readonly string[];
}

/** The 17 provincial TM-3 zones of VN-2000 (k = 0.9999, x_0 = 500 000). */
export const TM3_ZONES: readonly Tm3Zone[] = [
  { epsg: 9205, meridian: 103, provinces: ['Lai Châu', 'Điện Biên'] },
  { epsg: 9206, meridian: 104, provinces: ['Sơn La'] },
  { epsg: 9207, meridian: 104.5, provinces: ['Kiên Giang', 'Cà Mau'] },
  { epsg: 9208, meridian: 104.75, provinces: ['Lào Cai', 'Yên Bái', 'Nghệ An', 'Phú Thọ', 'An Giang'] },
  { epsg: 5897, meridian: 105, provinces: ['Hà Nội', 'Hà Tây', 'Vĩnh Phúc', 'Hà Nam', 'Ninh Bình', 'Thanh Hóa', 'Cần Thơ', 'Hậu Giang', 'Đồng Tháp', 'Bạc Liêu'] },
  { epsg: 9209, meridian: 105.5, provinces: ['Bắc Ninh', 'Hà Giang', 'Hải Dương', 'Hưng Yên', 'Nam Định', 'Thái Bình', 'Hà Tĩnh', 'Tây Ninh', 'Vĩnh Long', 'Trà Vinh', 'Sóc Trăng'] },
  { epsg: 9210, meridian: 105.75, provinces: ['Hồ Chí Minh', 'Hải Phòng', 'Cao Bằng', 'Long An', 'Tiền Giang', 'Bến Tre', 'Bình Dương'] },
  { epsg: 9211, meridian: 106, provinces: ['Tuyên Quang', 'Hòa Bình', 'Quảng Bình'] },
  { epsg: 9212, meridian: 106.25, provinces: ['Quảng Trị', 'Bình Phước'] },
  { epsg: 9213, meridian: 106.5, provinces: ['Bắc Kạn', 'Thái Nguyên'] },
  { epsg: 9214, meridian: 107, provinces: ['Bắc Giang', 'Thừa Thiên Huế'] },
  { epsg: 9215, meridian: 107.25, provinces: ['Lạng Sơn'] },
  { epsg: 9216, meridian: 107.5, provinces: ['Kon Tum'] },
  { epsg: 5899, meridian: 107.75, provinces: ['Quảng Ninh', 'Đà Nẵng', 'Quảng Nam', 'Bà Rịa - Vũng Tàu', 'Đồng Nai', 'Lâm Đồng'] },
  { epsg: 5898, meridian: 108, provinces: ['Quảng Ngãi'] },
  { epsg: 9217, meridian: 108.25, provinces: ['Bình Định', 'Khánh Hòa', 'Ninh Thuận'] },
  { epsg: 9218, meridian: 108.5, provinces: ['Gia Lai', 'Đắk Lắk', 'Đắk Nông', 'Phú Yên', 'Bình Thuận'] },
];

/** TM-3 zone of Lạng Sơn (107°15′), the demo province. */
export const LANG_SON_TM3 = 9215;

export interface CrsDefinition {
  epsg: number;
  name: string;
  proj4: string;
}

const tm3Proj4 = (meridian: number): string =>
  `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`;

const meridianLabel = (m: number): string => {
  const deg = Math.floor(m);
  const min = Math.round((m - deg) * 60);
  return `${deg}°${String(min).padStart(2, '0')}′`;
};

/** Every VN-2000 CRS the product knows, keyed by EPSG code. */
export const VN2000_CRS: readonly CrsDefinition[] = [
  {
    epsg: 4756,
    name: 'VN-2000',
    proj4: `+proj=longlat +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +no_defs`,
  },
  {
    epsg: 3405,
    name: 'VN-2000 / UTM zone 48N',
    proj4: `+proj=utm +zone=48 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
  },
  {
    epsg: 3406,
    name: 'VN-2000 / UTM zone 49N',
    proj4: `+proj=utm +zone=49 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`,
  },
  ...TM3_ZONES.map((z) => ({
    epsg: z.epsg,
    name: `VN-2000 / TM-3 ${meridianLabel(z.meridian)}`,
    proj4: tm3Proj4(z.meridian),
  })),
];

/** Returns the definition for an EPSG code, or undefined if it is not a VN-2000 CRS. */
export function crsByEpsg(epsg: number): CrsDefinition | undefined {
  return VN2000_CRS.find((c) => c.epsg === epsg);
}

/** TM-3 zones that PostGIS does not ship in spatial_ref_sys and the migrations must add. */
export const TM3_MISSING_FROM_POSTGIS: readonly number[] = TM3_ZONES.map((z) => z.epsg).filter(
  (e) => e >= 9205 && e <= 9218,
);
