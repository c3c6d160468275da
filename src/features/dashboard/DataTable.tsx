import { useI18n } from '../../app/i18n';
import { formatCell, headerWithUnit, type TableModel } from '../../core/reports/model';

export interface DataTableProps {
  table: TableModel;
  heading: string;
  /** Query string of the report scope, for the CSV/XLSX links. */
  query: string;
  onRowClick?: (id: number) => void;
  testId?: string;
}

/** A dashboard table (the same model the server exports), with its CSV and XLSX downloads. */
export function DataTable({ table, heading, query, onRowClick, testId }: DataTableProps) {
  const { locale } = useI18n();
  const href = (format: 'csv' | 'xlsx') => `/api/reports/tables/${table.id}?${query}&format=${format}&locale=${locale}`;
  const numeric = (i: number) => table.columns[i]!.kind !== 'text';
  return (
    <section className="dash-card dash-table" data-testid={testId}>
      <header className="dash-card-header">
        <h3>{heading}</h3>
        <span className="dash-downloads">
          <a href={href('csv')} download>
            CSV
          </a>
          <a href={href('xlsx')} download>
            XLSX
          </a>
        </span>
      </header>
      <div className="dash-table-scroll">
        <table>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.key} className={c.kind === 'text' ? '' : 'num'}>
                  {headerWithUnit(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr
                key={r.id ?? i}
                className={onRowClick && r.id !== undefined ? 'clickable' : undefined}
                data-cluster-id={r.id}
                onClick={onRowClick && r.id !== undefined ? () => onRowClick(r.id!) : undefined}
              >
                {r.cells.map((v, j) => (
                  <td key={j} className={numeric(j) ? 'num' : ''}>
                    {formatCell(v, table.columns[j]!.kind, locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {table.total && (
            <tfoot>
              <tr>
                {table.total.map((v, j) => (
                  <td key={j} className={numeric(j) ? 'num' : ''}>
                    {formatCell(v, table.columns[j]!.kind, locale)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {table.notes.map((n) => (
        <p key={n} className="dash-note">
          {n}
        </p>
      ))}
    </section>
  );
}
