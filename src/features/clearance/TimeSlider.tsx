import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { addDays, daysBetween, todayInVietnam } from '../../core/clearance/dates';
import { formatDate } from '../../core/format/number';
import { fill } from './format';

interface Props {
  from: string;
  asOf: string | undefined;
  onChange: (date: string | undefined) => void;
}

/** Replays the site as of any day between the first planned date and today (debounced). */
export function TimeSlider({ from, asOf, onChange }: Props) {
  const { t } = useI18n();
  const today = todayInVietnam();
  const span = Math.max(1, daysBetween(from, today));
  const [day, setDay] = useState(asOf ? daysBetween(from, asOf) : span);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => setDay(asOf ? daysBetween(from, asOf) : span), [asOf, from, span]);
  const date = addDays(from, day);
  const change = (d: number) => {
    setDay(d);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange(d >= span ? undefined : addDays(from, d)), 250);
  };
  return (
    <section className="gpmb-card" data-testid="gpmb-time">
      <h3>{t('gpmb.timeSlider')}</h3>
      <input
        type="range"
        min={0}
        max={span}
        step={1}
        value={day}
        onChange={(e) => change(Number(e.target.value))}
        aria-label={t('gpmb.timeSlider')}
        data-testid="gpmb-slider"
      />
      <div className="gpmb-row">
        <span data-testid="gpmb-asof">{fill(t('gpmb.asOf'), { d: formatDate(date) })}</span>
        <button type="button" onClick={() => change(span)} disabled={day >= span}>{t('gpmb.today')}</button>
      </div>
      <input
        type="date"
        min={from}
        max={today}
        value={date}
        onChange={(e) => e.target.value && change(Math.min(span, Math.max(0, daysBetween(from, e.target.value))))}
        data-testid="gpmb-asof-date"
      />
    </section>
  );
}
