import { CLUSTER_STATUS_COLORS } from '../../../layers/clusters.layer';
import { useI18n } from '../../app/i18n';
import { shortClusterName } from '../../core/clusters/record';
import { CLUSTER_STATUSES, type ClusterStatus } from '../../core/clusters/status';
import { filterClusters, matchesQuery, type ClusterFilter } from '../../core/clusters/search';
import { formatHa } from '../../core/format/number';
import type { ClusterCollection } from './store';
import { useClusters } from './store';
import { useUnits } from './units';

export interface ClusterListProps {
  clusters: ClusterCollection;
  selectedId: number | undefined;
  onSelect: (id: number) => void;
}

/** Search (with or without diacritics) and filters of the cluster list. */
function ClusterFilters({ clusters }: { clusters: ClusterCollection }) {
  const { t } = useI18n();
  const { filter, setFilter } = useClusters();
  const units = useUnits();
  const props = clusters.features.map((f) => f.properties);
  const districtCodes = new Set(props.map((p) => p.district_code_at_decision).filter((c): c is string => !!c));
  const communeCodes = new Set(props.flatMap((p) => [...p.commune_codes_at_decision, ...(p.commune_codes_current ?? [])]));
  const collator = new Intl.Collator('vi');
  const districts = (units?.district ?? []).filter((u) => districtCodes.has(u.code)).sort((a, b) => collator.compare(a.name, b.name));
  const communes = (units?.commune ?? [])
    .filter((u) => communeCodes.has(u.code) && (!filter.district || u.parent_code === filter.district))
    .sort((a, b) => collator.compare(a.name, b.name));
  const select = (key: keyof ClusterFilter, label: string, options: [string, string][]) => (
    <label className="filter">
      <span>{label}</span>
      <select
        value={filter[key]}
        onChange={(e) => setFilter({ [key]: e.target.value, ...(key === 'district' ? { commune: '' } : {}) } as Partial<ClusterFilter>)}
      >
        <option value="">{t('filter.any')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  const active = filter.q || filter.status || filter.district || filter.commune || filter.investorType;
  return (
    <div className="cluster-filters">
      <input
        type="search"
        className="search"
        placeholder={t('filter.searchPlaceholder')}
        aria-label={t('filter.search')}
        value={filter.q}
        onChange={(e) => setFilter({ q: e.target.value })}
      />
      <div className="filter-row">
        {select('status', t('panel.status'), CLUSTER_STATUSES.map((s) => [s, t(`status.${s}`)]))}
        {select('investorType', t('filter.investorType'), [
          ['enterprise', t('investor.enterprise')],
          ['state', t('investor.state')],
          ['none', t('investor.none')],
        ])}
      </div>
      <div className="filter-row">
        {select('district', t('filter.district'), districts.map((d) => [d.code, d.name]))}
        {select('commune', t('filter.commune'), communes.map((c) => [c.code, c.full_name]))}
      </div>
      {active && (
        <button type="button" className="link-button" onClick={() => setFilter({ q: '', status: '', district: '', commune: '', investorType: '' })}>
          {t('filter.clear')}
        </button>
      )}
    </div>
  );
}

/** The province's clusters, searched and filtered, sorted by Vietnamese collation. */
export function ClusterList({ clusters, selectedId, onSelect }: ClusterListProps) {
  const { t, locale } = useI18n();
  const filter = useClusters((s) => s.filter);
  const collator = new Intl.Collator('vi');
  // Clusters whose own name matches come first (a district or commune match follows).
  const rank = (name: string) => (filter.q && !matchesQuery([name], filter.q) ? 1 : 0);
  const items = filterClusters(
    clusters.features.map((f) => f.properties),
    filter,
  ).sort((a, b) => rank(a.name) - rank(b.name) || collator.compare(a.name, b.name));
  const total = clusters.features.length;
  return (
    <nav className="cluster-list" aria-label={t('panel.clusters')}>
      <h2>
        {t('panel.clusters')} ({items.length === total ? total : `${items.length}/${total}`})
      </h2>
      <ClusterFilters clusters={clusters} />
      {items.length === 0 && <p className="muted">{t('filter.noMatch')}</p>}
      <ul>
        {items.map((p) => (
          <li key={p.id}>
            <button type="button" aria-current={p.id === selectedId} onClick={() => onSelect(p.id)}>
              <span className="swatch" style={{ background: CLUSTER_STATUS_COLORS[p.status as ClusterStatus] }} />
              <span className="name">
                {shortClusterName(p.name)}
                <small className="muted">
                  {p.district_name ? `${p.district_name} · ` : ''}
                  {t(`status.${p.status}`)}
                </small>
              </span>
              <span className="ha">{p.declared_area_ha === null ? t('panel.notFixed') : formatHa(p.declared_area_ha, locale)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
