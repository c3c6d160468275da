import JSZip from 'jszip';
import { ImportError } from './types';

/** Uncompressed bytes allowed from one archive (a zip bomb is refused, not unpacked). */
export const MAX_UNZIPPED = 200 * 1024 * 1024;

/** Opens a zip (KMZ, zipped Shapefile) and returns its files' bytes by lower-case name. */
export async function unzipFiles(buffer: Buffer, wanted: (name: string) => boolean): Promise<Map<string, Buffer>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (e) {
    throw new ImportError(400, 'CORRUPT_FILE', `Not a readable zip archive: ${(e as Error).message}`, 'Tệp nén (zip) bị hỏng hoặc không đọc được');
  }
  let total = 0;
  const out = new Map<string, Buffer>();
  for (const f of Object.values(zip.files)) {
    if (f.dir || /(^|\/)__MACOSX\//.test(f.name) || !wanted(f.name.toLowerCase())) continue;
    const size = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    total += size;
    if (total > MAX_UNZIPPED)
      throw new ImportError(413, 'TOO_LARGE', 'The archive unpacks to more than 200 MB', 'Tệp nén giải nén ra quá 200 MB');
    try {
      out.set(f.name.toLowerCase(), await f.async('nodebuffer'));
    } catch (e) {
      throw new ImportError(400, 'CORRUPT_FILE', `Cannot unpack ${f.name}: ${(e as Error).message}`, `Không giải nén được ${f.name}`);
    }
  }
  return out;
}
