import { useEffect } from 'react';
import { useI18n } from '../../app/i18n';
import { onMapClick } from '../../app/map-clicks';
import { useApp } from '../../app/store';
import { formatHa, formatNumber } from '../../core/format/number';
import { downloadReport, analysisApi } from './api';
import { ComparePanel } from './ComparePanel';
import { overlapCollection, zoomToRow } from './overlap-map';
import { OverlapTableView } from './OverlapTableView';
import { RulesView } from './RulesView';
import { useConflicts } from './store';
import { TrimPanel } from './TrimPanel';
import { serverOptions, subjectPayload, useConflictAnalysis, useConflictSubject } from './useConflictAnalysis';
import './conflicts.css';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** Sidebar tab "Kiểm tra xung đột": overlap table, legal rules, trim, report, compare. */
export function ConflictsTab() {
  const { t, locale } = useI18n();
  const st = useConflicts();
  const draft = useApp((s) => s.draft);
  const subject = useConflictSubject();
  useConflictAnalysis(subject);

  const server = subject && st.server?.key === subject.key ? st.server.result : undefined;
  const local = subject && st.local?.key === subject.key ? st.local : undefined;
  const showServer = st.source === 'server' && !!server;
  const table = showServer ? server.table : local?.table;
  const trimmed = subject && st.trim?.key === subject.key ? st.trim.result.geometry : undefined;
  const layerNames = Object.fromEntries((server?.layers ?? st.server?.result.layers ?? []).map((l) => [l.id, locale === 'vi' ? l.name_vi : l.name_en]));

  // The overlaps on the map, while this tab is open.
  useEffect(() => {
    useApp.getState().setMapSource('overlap', overlapCollection(subject?.geometry, table, st.selectedRow, trimmed));
  }, [subject, table, st.selectedRow, trimmed]);
  useEffect(() => () => useApp.getState().setMapSource('overlap', EMPTY), []);
  useEffect(() => onMapClick('overlap', (_id, p) => useConflicts.getState().set({ selectedRow: typeof p.row === 'string' ? p.row : undefined })), []);

  // Flags ticked for one subject do not carry over to the next (a cluster has its own).
  useEffect(() => {
    const o = useConflicts.getState().options;
    if (o.mountainous !== undefined || o.craftVillage !== undefined)
      useConflicts.getState().set({ options: { ...o, mountainous: undefined, craftVillage: undefined } });
  }, [subject?.key]);

  // A new boundary being drawn becomes the subject when no cluster is selected.
  useEffect(() => {
    if (draft && useConflicts.getState().mode === 'cluster' && !useApp.getState().selectedClusterId) useConflicts.getState().set({ mode: 'draft' });
  }, [draft]);

  return (
    <div className="conflicts" data-testid="conflicts">
      <h2>{t('conflicts.title')}</h2>
      <div className="conflicts-subject">
        <label>
          <input type="radio" checked={st.mode === 'cluster'} onChange={() => st.set({ mode: 'cluster' })} /> {t('conflicts.subject.cluster')}
        </label>
        <label>
          <input type="radio" checked={st.mode === 'draft'} disabled={!draft} onChange={() => st.set({ mode: 'draft' })} /> {t('conflicts.subject.draft')}
        </label>
      </div>
      {!subject ? (
        <p className="muted">{t('conflicts.noSubject')}</p>
      ) : (
        <>
          <p className="conflicts-name" data-testid="conflicts-name">{subject.name ?? t('conflicts.subject.draft')}</p>
          <div className="conflicts-options">
            <label>
              {t('conflicts.date')} <input type="date" value={st.options.date} onChange={(e) => e.target.value && st.setOption('date', e.target.value)} />
            </label>
            <label>
              {t('conflicts.kind')}{' '}
              <select value={st.options.kind} onChange={(e) => st.setOption('kind', e.target.value as 'new' | 'expansion')}>
                <option value="new">{t('conflicts.kind.new')}</option>
                <option value="expansion">{t('conflicts.kind.expansion')}</option>
              </select>
            </label>
            <label>
              <input type="checkbox" checked={server?.rules.find((r) => r.ruleId === 'area_band')?.numbers.mountainous === true} onChange={(e) => st.setOption('mountainous', e.target.checked)} /> {t('conflicts.mountainous')}
            </label>
            <label>
              <input type="checkbox" checked={server?.rules.find((r) => r.ruleId === 'area_band')?.numbers.craft_village === true} onChange={(e) => st.setOption('craftVillage', e.target.checked)} /> {t('conflicts.craftVillage')}
            </label>
          </div>
          <div className="conflicts-source" role="radiogroup" aria-label={t('conflicts.source')}>
            {t('conflicts.source')}:{' '}
            <label>
              <input type="radio" name="conflicts-source" value="server" checked={st.source === 'server'} onChange={() => st.set({ source: 'server' })} /> {t('conflicts.source.server')}
            </label>{' '}
            <label>
              <input type="radio" name="conflicts-source" value="local" checked={st.source === 'local'} onChange={() => st.set({ source: 'local' })} /> {t('conflicts.source.local')}
            </label>
          </div>
          <p className={`badge-source ${showServer ? 'server' : 'local'}`} data-testid="conflicts-badge" data-source={showServer ? 'server' : local ? 'local' : 'none'}>
            {showServer
              ? `${t('conflicts.serverBadge')} · ${formatNumber(server.timingMs, 0, locale)} ms`
              : local
                ? `${st.source === 'server' ? t('conflicts.localPending') : t('conflicts.localBadge')} · ${local.features} ${t('conflicts.localFeatures')} · ${formatNumber(local.ms, 1, locale)} ms`
                : st.loading ? t('conflicts.running') : ''}
          </p>
          {st.error && <p role="alert" className="error">{t('conflicts.error')}: {st.error}</p>}
          {table && (
            <>
              <dl className="conflicts-area">
                <dt>{t('conflicts.area')}</dt>
                <dd data-testid="conflicts-area" data-ha={table.clusterHa}>{formatHa(table.clusterHa, locale)}</dd>
                {server && (
                  <>
                    <dt>{t('conflicts.ellipsoidal')}</dt>
                    <dd>{formatHa(server.area.ellipsoidalHa, locale)}</dd>
                  </>
                )}
              </dl>
              <OverlapTableView
                table={table}
                layerNames={layerNames}
                selectedRow={st.selectedRow}
                onRow={(key, row) => {
                  st.set({ selectedRow: key });
                  zoomToRow(row);
                }}
              />
            </>
          )}
          {server && <RulesView rules={server.rules} />}
          {server && (
            <section className="conflicts-report">
              <h3>{t('conflicts.report')}</h3>
              {subject.kind === 'cluster' ? (
                <>
                  <a href={analysisApi.reportUrl(subject.clusterId!, 'pdf', st.options.date)} data-testid="report-pdf">{t('conflicts.report.pdf')}</a>{' '}
                  <a href={analysisApi.reportUrl(subject.clusterId!, 'xlsx', st.options.date)}>{t('conflicts.report.xlsx')}</a>
                </>
              ) : (
                <>
                  <button type="button" onClick={() => void downloadReport(subjectPayload(subject), serverOptions(subject), 'pdf')}>{t('conflicts.report.pdf')}</button>{' '}
                  <button type="button" onClick={() => void downloadReport(subjectPayload(subject), serverOptions(subject), 'xlsx')}>{t('conflicts.report.xlsx')}</button>
                </>
              )}
            </section>
          )}
          <TrimPanel subject={subject} />
        </>
      )}
      <ComparePanel />
    </div>
  );
}
