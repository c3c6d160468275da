/** A small horizontal bar chart in SVG (no chart library): one labelled bar per row. */
export interface Bar {
  key: string | number;
  label: string;
  value: number;
  /** Text at the end of the bar, e.g. "3 cụm · 216,3 ha". */
  text: string;
  color: string;
  /** A lighter background bar (e.g. the whole of which `value` is a part). */
  whole?: number;
  title?: string;
}

export interface HBarChartProps {
  bars: Bar[];
  /** Value at the right end of the axis (default: the largest value or whole). */
  max?: number;
  /** A vertical reference line (e.g. the average) with its label. */
  reference?: { value: number; label: string };
  /** Axis ticks as [value, label]. */
  ticks?: [number, string][];
  testId?: string;
  ariaLabel: string;
}

const W = 570;
const LABEL_W = 190;
const TEXT_W = 125;
const ROW_H = 24;
const BAR_H = 14;

export function HBarChart({ bars, max, reference, ticks, testId, ariaLabel }: HBarChartProps) {
  const top = reference ? 18 : 6;
  const axisH = ticks ? 18 : 4;
  const h = top + bars.length * ROW_H + axisH;
  const m = max ?? Math.max(1, ...bars.map((b) => Math.max(b.value, b.whole ?? 0)));
  const plotW = W - LABEL_W - TEXT_W;
  const x = (v: number) => LABEL_W + (plotW * Math.max(0, Math.min(v, m))) / m;
  return (
    <svg className="hbar-chart" viewBox={`0 0 ${W} ${h}`} width="100%" role="img" aria-label={ariaLabel} data-testid={testId}>
      {ticks?.map(([v, label]) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top - 2} y2={h - axisH + 2} stroke="#d8dee4" strokeWidth={1} />
          <text x={x(v)} y={h - 4} fontSize={10} textAnchor="middle" fill="#57606a">
            {label}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = top + i * ROW_H;
        return (
          <g key={b.key}>
            {b.title && <title>{b.title}</title>}
            <text x={LABEL_W - 8} y={y + ROW_H / 2 + 4} fontSize={12} textAnchor="end" fill="#1f2328">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            {b.whole !== undefined && (
              <rect x={LABEL_W} y={y + (ROW_H - BAR_H) / 2} width={x(b.whole) - LABEL_W} height={BAR_H} fill="#e6e9ee" rx={2} />
            )}
            <rect data-bar={b.key} x={LABEL_W} y={y + (ROW_H - BAR_H) / 2} width={Math.max(b.value > 0 ? 2 : 0, x(b.value) - LABEL_W)} height={BAR_H} fill={b.color} rx={2} />
            <text x={Math.max(x(b.value), x(b.whole ?? 0)) + 6} y={y + ROW_H / 2 + 4} fontSize={11.5} fill="#1f2328">
              {b.text}
            </text>
          </g>
        );
      })}
      {reference && (
        <g>
          <line x1={x(reference.value)} x2={x(reference.value)} y1={12} y2={top + bars.length * ROW_H} stroke="#1f2328" strokeWidth={1.5} strokeDasharray="4 3" />
          <text x={x(reference.value)} y={10} fontSize={11} textAnchor="middle" fill="#1f2328" fontWeight={600}>
            {reference.label}
          </text>
        </g>
      )}
    </svg>
  );
}
