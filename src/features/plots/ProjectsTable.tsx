import { useI18n } from '../../app/i18n';
import { formatDate, formatNumber } from '../../core/format/number';
import type { Project } from './api';
import { formatBn } from './format';
import { usePlots } from './store';

/** Tenant projects (Biểu 01, Circular 14/2024/TT-BCT): one row each, latest period figures. */
export function ProjectsTable({ projects }: { projects: Project[] }) {
  const { t, locale } = useI18n();
  const selectPlot = usePlots((s) => s.selectPlot);
  const totalArea = projects.reduce((s, p) => s + p.leased_area_ha, 0);
  const totalWorkers = projects.reduce((s, p) => s + (p.reports.at(-1)?.workers ?? 0), 0);
  return (
    <div className="table-scroll">
      <table className="plots-table" data-testid="projects-table">
        <thead>
          <tr>
            <th>{t('plots.projects.name')}</th>
            <th>{t('plots.projects.origin')}</th>
            <th>{t('plots.projects.industry')}</th>
            <th>{t('plots.projects.status')}</th>
            <th>{t('plots.projects.plots')}</th>
            <th className="num">{t('plots.projects.area')}</th>
            <th className="num">{t('plots.projects.capital')}</th>
            <th>{t('plots.projects.cert')}</th>
            <th>{t('plots.projects.lease')}</th>
            <th>{t('plots.projects.construction')}</th>
            <th>{t('plots.projects.operation')}</th>
            <th className="num">{t('plots.projects.workers')}</th>
            <th className="num">{t('plots.projects.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => {
            const last = p.reports.at(-1);
            return (
              <tr key={p.id} data-status={p.status}>
                <td>
                  <strong>{p.name}</strong>
                  <div className="muted">{p.investor_name}{p.investor_country ? ` (${p.investor_country})` : ''}</div>
                </td>
                <td>{t(`plots.project.${p.capital_origin}`)}</td>
                <td>{p.industry ?? '—'}</td>
                <td><span className="project-status" data-status={p.status}>{t(`plots.project.status.${p.status}`)}</span></td>
                <td>
                  {p.plots.map((x) => (
                    <button key={x.id} type="button" className="link" onClick={() => selectPlot(x.id)}>{x.code}</button>
                  ))}
                </td>
                <td className="num">{formatNumber(p.leased_area_ha, 2, locale)}</td>
                <td className="num">{formatBn(p.registered_capital_bn_vnd, locale)} / {formatBn(p.disbursed_capital_bn_vnd, locale)}</td>
                <td>{p.investment_cert_no ? `${p.investment_cert_no} · ${formatDate(p.investment_cert_date)}` : '—'}</td>
                <td>{formatDate(p.lease_contract_date)}</td>
                <td>{formatDate(p.construction_start)}</td>
                <td>{formatDate(p.operation_start)}</td>
                <td className="num" title={last ? `${t('plots.projects.latest')}: ${last.period}` : undefined}>
                  {last?.workers === null || last?.workers === undefined ? '—' : formatNumber(last.workers, 0, locale)}
                </td>
                <td className="num">{formatBn(last?.revenue_bn_vnd, locale)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={5}>{t('plots.projects.total')}: {projects.filter((p) => p.status !== 'terminated').length}</td>
            <td className="num">{formatNumber(totalArea, 2, locale)}</td>
            <td colSpan={5} />
            <td className="num">{formatNumber(totalWorkers, 0, locale)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
