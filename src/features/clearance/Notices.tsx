import { useI18n } from '../../app/i18n';
import type { Notice } from './store';

/** The outcome of a write: done, or refused with each parcel's reason (Vietnamese by default). */
export function Notices({ notice, okText }: { notice: Notice; okText: (text: string) => string }) {
  const { t, locale } = useI18n();
  if (notice.kind === 'ok') return <p className="gpmb-ok" role="status" data-testid="gpmb-notice">{okText(notice.text)}</p>;
  return (
    <div className="error" role="alert" data-testid="gpmb-notice">
      <strong>{t('gpmb.refused')}</strong>
      {notice.refusals?.length ? (
        <ul>
          {notice.refusals.slice(0, 10).map((r, i) => (
            <li key={i}>{r.parcel ? `${r.parcel}: ` : ''}{locale === 'vi' ? r.message_vi : r.message}</li>
          ))}
        </ul>
      ) : (
        <p>{notice.text}</p>
      )}
    </div>
  );
}
