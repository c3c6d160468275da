/**
 * Folds Vietnamese text for search: lower case, diacritics removed, đ → d.
 * @example foldVietnamese('Đình Lập') // → 'dinh lap'
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
