import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useApp } from '../../app/store';
import { InspectionForm } from './InspectionForm';
import { InspectionsList } from './InspectionsList';
import { ProjectForm } from './ProjectForm';
import { ProjectsTable } from './ProjectsTable';
import { ReviewPanel } from './ReviewPanel';
import { usePlots } from './store';

type Section = 'projects' | 'inspections' | 'review';

/** Bottom panel of the plots tab: tenant projects, inspections, monthly review. */
export function PlotsOverlay() {
  const { t } = useI18n();
  const active = useApp((s) => s.activeTab === 'plots');
  const { plots, projects, inspections, review } = usePlots();
  const [section, setSection] = useState<Section>('projects');
  const [open, setOpen] = useState(true);
  const [adding, setAdding] = useState<Section>();
  const clusterId = usePlots((s) => s.clusterId);
  if (!active || !plots || plots.features.length === 0) return null;
  if (!open) {
    return (
      <button type="button" className="plots-overlay-toggle" onClick={() => setOpen(true)}>
        {t('plots.panel.show')}
      </button>
    );
  }
  const overdue = review?.overdue_violations.length ?? 0;
  const slow = review?.slow_projects.length ?? 0;
  return (
    <section className="plots-overlay" data-testid="plots-overlay" aria-label={t('plots.title')}>
      <header className="plots-overlay-tabs" role="tablist">
        {(
          [
            ['projects', `${t('plots.panel.projects')} (${projects.length})`],
            ['inspections', `${t('plots.panel.inspections')} (${inspections.length})`],
            ['review', `${t('plots.panel.review')} (${slow + overdue})`],
          ] as const
        ).map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={section === id} onClick={() => setSection(id)}>
            {label}
          </button>
        ))}
        <button type="button" className="icon-button" onClick={() => setOpen(false)} aria-label={t('plots.panel.hide')}>▾</button>
      </header>
      <div className="plots-overlay-body">
        {section === 'projects' && clusterId !== undefined && (
          adding === 'projects' ? (
            <ProjectForm clusterId={clusterId} onDone={() => setAdding(undefined)} />
          ) : (
            <button type="button" className="link add" onClick={() => setAdding('projects')}>{t('plots.form.newProject')}</button>
          )
        )}
        {section === 'projects' && <ProjectsTable projects={projects} />}
        {section === 'inspections' && clusterId !== undefined && (
          adding === 'inspections' ? (
            <InspectionForm clusterId={clusterId} projects={projects} onDone={() => setAdding(undefined)} />
          ) : (
            <button type="button" className="link add" onClick={() => setAdding('inspections')}>{t('plots.form.newInspection')}</button>
          )
        )}
        {section === 'inspections' && <InspectionsList inspections={inspections} />}
        {section === 'review' && review && <ReviewPanel review={review} />}
      </div>
    </section>
  );
}
