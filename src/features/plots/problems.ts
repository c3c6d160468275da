import type { Translate } from '../../app/i18n';
import { formatNumber, type Locale } from '../../core/format/number';

interface ProblemDetails {
  plot_code?: string;
  other_plot_code?: string;
  outside_m2?: number;
  overlap_m2?: number;
  reason?: string;
  value?: string;
  location?: { point?: [number, number] | null } | null;
}

/**
 * A refusal of the plots API in the user's language: the plot, what is wrong
 * and where (lon, lat of the offending part). Falls back to the server message.
 */
export function describeProblem(t: Translate, locale: Locale, code: string, details: unknown, fallback: string): string {
  const d = (details ?? {}) as ProblemDetails;
  const key = `plots.problem.${code}`;
  const template = t(key);
  if (template === key) return fallback;
  const point = d.location?.point;
  const where = point ? ` ${t('plots.problem.at')} ${point[1].toFixed(6)}, ${point[0].toFixed(6)}` : '';
  return template
    .replace('{plot}', d.plot_code ?? '')
    .replace('{other}', d.other_plot_code ?? '')
    .replace('{m2}', formatNumber(d.outside_m2 ?? d.overlap_m2 ?? 0, 2, locale))
    .replace('{reason}', d.reason ?? '')
    .replace('{value}', d.value ?? '')
    .concat(where);
}
