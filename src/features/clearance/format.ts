import { formatNumber, type Locale } from '../../core/format/number';

/** Money in billions: 45.120.000.000 → "45,12 tỷ đồng" (vi) / "45.12 bn VND" (en). */
export const formatBn = (v: number, locale: Locale) => `${formatNumber(v / 1e9, 2, locale)} ${locale === 'vi' ? 'tỷ đồng' : 'bn VND'}`;

/** Money in full: "480.000.000 đồng". */
export const formatVnd = (v: number | null | undefined, locale: Locale) =>
  v === null || v === undefined ? '—' : `${formatNumber(v, 0, locale)} ${locale === 'vi' ? 'đồng' : 'VND'}`;

/** A share: "42,5 %". */
export const formatPct = (v: number, locale: Locale) => `${formatNumber(v, 1, locale)} %`;

/** A message template: fill("Tờ {sheet}", { sheet: 27 }). */
export const fill = (tpl: string, vars: Record<string, string | number>) => tpl.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
