import type { ExpressionSpecification } from 'maplibre-gl';
import { LAND_CODES, landCode } from '../src/core/land/codes';
import type { LegendItem } from './types';

/** A `match` on a feature's land code giving its colour (Vietnamese land-use map convention). */
export function landCodeColor(fallback = '#dddddd', prop = 'land_code'): ExpressionSpecification {
  return ['match', ['get', prop], ...LAND_CODES.flatMap((c) => [c.code, c.color]), fallback] as unknown as ExpressionSpecification;
}

/** Legend rows for some land codes, labelled `land.<CODE>` (see src/features/layers/messages.ts). */
export function landLegend(codes: readonly string[], kind: LegendItem['kind'] = 'fill'): LegendItem[] {
  return codes.map((code) => ({ kind, color: landCode(code)?.color ?? '#dddddd', labelKey: `land.${code}` }));
}
