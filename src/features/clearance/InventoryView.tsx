import { useI18n } from '../../app/i18n';
import type { ParcelInventory } from '../../core/clearance/inventory';
import { formatDate, formatNumber } from '../../core/format/number';

const UNIT = { m2: 'm²', m: 'm', item: '' } as const;

/** The inventory of a parcel: structures, trees, crops, livestock, graves. */
export function InventoryView({ inv }: { inv: ParcelInventory }) {
  const { t, locale } = useI18n();
  const n = (v: number, d = 0) => formatNumber(v, d, locale);
  const rows: [string, string[]][] = [
    ['gpmb.structures', (inv.structures ?? []).map((s) => `${s.kind}: ${n(s.quantity, s.unit === 'item' ? 0 : 1)} ${UNIT[s.unit]}${s.grade ? ` (${s.grade})` : ''}`.trim())],
    ['gpmb.trees', (inv.trees ?? []).map((x) => `${x.species}: ${n(x.count)}${x.class ? ` (${x.class})` : ''}`)],
    ['gpmb.crops', (inv.crops ?? []).map((c) => `${c.kind}: ${n(c.area_m2)} m²`)],
    ['gpmb.livestock', (inv.livestock ?? []).map((l) => `${l.kind}: ${n(l.count)}`)],
    ['gpmb.gravesShort', inv.graves ? [`${n(inv.graves.relocated)} / ${n(inv.graves.total)}`] : []],
  ];
  const shown = rows.filter(([, items]) => items.length);
  if (!shown.length) return <p className="muted">{t('gpmb.inventoryNone')}</p>;
  return (
    <dl className="facts gpmb-inventory" data-testid="parcel-inventory">
      {shown.map(([k, items]) => (
        <div key={k} className="contents">
          <dt>{t(k)}</dt>
          <dd>{items.join('; ')}</dd>
        </div>
      ))}
      {inv.recorded_on && <><dt>{t('gpmb.date')}</dt><dd>{formatDate(inv.recorded_on)}</dd></>}
    </dl>
  );
}
