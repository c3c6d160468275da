import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { FIELD_LABELS, type ClusterField } from '../../core/clusters/record';
import { formatDate, formatHa, formatNumber } from '../../core/format/number';
import type { ClusterFull } from './api';

/** The record of a cluster (DOMAIN.md §2–3) as label / value rows. */
export function ClusterRecordView({ c }: { c: ClusterFull }) {
  const { t, locale } = useI18n();
  const label = (f: ClusterField) => FIELD_LABELS[f][locale];
  const num = (v: number | null, digits = 0) => (v === null ? '—' : formatNumber(v, digits, locale));
  const row = (key: string, term: ReactNode, value: ReactNode, testId?: string) => (
    <div className="fact" key={key}>
      <dt>{term}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  const communesNow = (c.commune_names_current ?? []).join(', ');
  const communesThen = (c.commune_names ?? []).join(', ');
  return (
    <section aria-label={t('record.title')}>
      <h3>{t('record.title')}</h3>
      <dl className="facts record">
        {row('loc', t('panel.location'), communesThen || '—')}
        {communesNow && communesNow !== communesThen && row('now', label('commune_codes_current'), communesNow)}
        {row('district', t('panel.district'), c.district_name ?? '—')}
        {row('flags', t('record.flags'), [c.is_mountainous && label('is_mountainous'), c.is_craft_village && label('is_craft_village')].filter(Boolean).join(' · ') || '—')}
        {row(
          'investor',
          t('panel.investor'),
          c.investor_name
            ? `${c.investor_name}${c.investor_type ? ` (${t(`investor.${c.investor_type}`)})` : ''}`
            : c.investor_type
              ? t(`investor.${c.investor_type}`)
              : t('panel.none'),
        )}
        {row('industries', label('industries'), c.industries.length ? c.industries.join('; ') : '—')}
        {row('industrial', label('industrial_land_ha'), formatHa(c.industrial_land_ha, locale))}
        {row('ready', label('ready_land_ha'), formatHa(c.ready_land_ha, locale))}
        {row('leased', label('leased_land_ha'), formatHa(c.leased_land_ha, locale))}
        {row('approved', label('investment_approved_land_ha'), formatHa(c.investment_approved_land_ha, locale))}
        {c.occupancy_source === 'computed' && c.occupancy_pct !== null ? (
          <>
            {row(
              'occupancy',
              <abbr title={t('record.occupancyDef')}>{t('record.occupancy')}</abbr>,
              <>
                <span data-testid="occupancy">{`${formatNumber(c.occupancy_pct, 2, locale)} %`}</span>
                <small className="occupancy-source" style={{ display: 'block', fontSize: 11.5, color: '#57606a' }} title={t('record.occupancyFromPlotsDef')} data-testid="occupancy-source">
                  {t('record.occupancyFromPlots')}
                </small>
              </>,
            )}
            {row(
              'record-occupancy-typed',
              t('record.occupancyTyped'),
              c.occupancy_typed_pct === null ? t('record.occupancyNone') : `${formatNumber(c.occupancy_typed_pct, 2, locale)} %`,
              'record-occupancy-typed',
            )}
          </>
        ) : (
          row(
            'occupancy',
            <abbr title={t('record.occupancyDef')}>{t('record.occupancy')}</abbr>,
            c.occupancy_pct === null ? t('record.occupancyNone') : `${formatNumber(c.occupancy_pct, 1, locale)} %`,
            'occupancy',
          )
        )}
        {row('projects', label('projects_count'), `${num(c.projects_count)} (${t('record.fdi')} ${num(c.fdi_projects_count)}, ${t('record.operating')} ${num(c.operating_projects_count)})`)}
        {row('capital', label('registered_capital_bn_vnd'), num(c.registered_capital_bn_vnd, 2))}
        {row('workers', label('workers'), num(c.workers), 'workers')}
        {row('wwtp', t('record.wwtp'), c.wwtp_built ? `${t('record.wwtpBuilt')} · ${c.wwtp_compliant ? t('record.wwtpCompliant') : t('record.wwtpNotCompliant')}` : t('record.wwtpNone'))}
        {row('established', label('established_on'), formatDate(c.established_on))}
        {row('dp', label('detailed_plan_approved_on'), formatDate(c.detailed_plan_approved_on))}
        {row('asof', label('figures_as_of'), formatDate(c.figures_as_of))}
        {c.notes && row('notes', label('notes'), c.notes)}
      </dl>
    </section>
  );
}
