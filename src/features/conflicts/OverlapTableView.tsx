import { useI18n } from '../../app/i18n';
import { CLUSTERS_LAYER, SEVERITY_COLORS } from '../../core/analysis/severity';
import type { CodeRow, OverlapTable } from '../../core/analysis/table';
import { formatHa, formatNumber } from '../../core/format/number';
import { landCode } from '../../core/land/codes';
import { rowKey } from './overlap-map';

interface Props {
  table: OverlapTable;
  layerNames: Record<string, string>;
  selectedRow: string | undefined;
  onRow: (key: string, row: CodeRow) => void;
}

/** The overlap table: by severity, then by plan layer and land code (click a row to zoom). */
export function OverlapTableView({ table, layerNames, selectedRow, onRow }: Props) {
  const { t, locale } = useI18n();
  const ha = (v: number) => formatNumber(v, 2, locale);
  const pct = (v: number) => formatNumber(v, 1, locale);
  return (
    <div className="conflicts-table">
      <h3>{t('conflicts.bySeverity')}</h3>
      <table data-testid="severity-table">
        <tbody>
          {table.severities.map((s) => (
            <tr key={s.severity} data-severity={s.severity} data-ha={s.overlapHa}>
              <td>
                <span className="swatch" style={{ background: SEVERITY_COLORS[s.severity] }} /> {t(`conflicts.severity.${s.severity}`)}
              </td>
              <td className="num">{formatHa(s.overlapHa, locale)}</td>
              <td className="num">{pct(s.pct)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('conflicts.byLayer')}</h3>
      {table.layers.length === 0 && <p className="muted">{t('conflicts.noOverlap')}</p>}
      {table.layers.map((l) => (
        <table key={l.layerId} data-testid={`layer-${l.layerId}`}>
          <caption>{l.layerId === CLUSTERS_LAYER ? t('conflicts.layer.clusters') : (layerNames[l.layerId] ?? l.layerId)}</caption>
          <thead>
            <tr>
              <th>{t('conflicts.col.code')}</th>
              <th>{t('conflicts.col.land')}</th>
              <th className="num">{t('conflicts.col.ha')}</th>
              <th className="num">{t('conflicts.col.pct')}</th>
            </tr>
          </thead>
          <tbody>
            {l.codes.map((r) => {
              const key = rowKey(l.layerId, r.landCode);
              const name = l.layerId === CLUSTERS_LAYER ? r.features.map((f) => f.name).join(', ') : (landCode(r.landCode)?.[locale] ?? r.landCode);
              return (
                <tr
                  key={`${key}|${r.severity}`}
                  className={`overlap-row${key === selectedRow ? ' selected' : ''}`}
                  data-row={key}
                  data-ha={r.overlapHa}
                  data-severity={r.severity}
                  title={t(`conflicts.severity.${r.severity}`)}
                  onClick={() => onRow(key, r)}
                >
                  <td>
                    <span className="swatch" style={{ background: SEVERITY_COLORS[r.severity] }} /> {r.landCode}
                  </td>
                  <td>{name}</td>
                  <td className="num">{ha(r.overlapHa)}</td>
                  <td className="num">{pct(r.pct)}</td>
                </tr>
              );
            })}
            <tr className="uncovered" data-row={`${l.layerId}|uncovered`} data-ha={l.uncoveredHa}>
              <td>—</td>
              <td>{t('conflicts.uncovered')}</td>
              <td className="num">{ha(l.uncoveredHa)}</td>
              <td className="num">{pct(table.clusterHa ? (100 * l.uncoveredHa) / table.clusterHa : 0)}</td>
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}
