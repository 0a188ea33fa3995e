import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { Empty, LoadError, Loading, Tag } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { safeAppLink, useMarkReadMutation, useNotifications, type Notification } from '../../features/notifications/api';
import '../../components/charts/charts.css';
import { localized } from '../../i18n/localized';

function NotificationItem({ note, onRead, busy }: { note: Notification; onRead: () => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const link = safeAppLink(note.link);
  const title = localized(note.title, i18n.language);
  return (
    <li className="nhsuk-card" data-testid="notification" data-unread={note.read_at ? undefined : 'true'}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s">
          {note.read_at ? null : (
            <span className="nhsuk-u-margin-right-2">
              <Tag colour="blue">{t('notifications.new')}</Tag>
            </span>
          )}
          {link ? <Link to={link}>{title}</Link> : title}
        </h2>
        <p className="app-pre-wrap">{localized(note.body, i18n.language)}</p>
        <p className="nhsuk-body-s">{formatDateTime(note.created_at)}</p>
        {note.read_at ? null : (
          <Button type="button" variant="secondary" small busy={busy} onClick={onRead}>
            {t('notifications.markRead')}
            <span className="nhsuk-u-visually-hidden"> {title}</span>
          </Button>
        )}
      </div>
    </li>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const [problem, setProblem] = useState<string | null>(null);
  const list = useNotifications();
  const markRead = useMarkReadMutation();
  const busy = (id: string | null) => markRead.isPending && markRead.variables === id;

  /** Mark one notification read (its id), or all of them (null). */
  function read(id: string | null) {
    setProblem(null);
    markRead.mutate(id, { onError: (error) => setProblem(describeProblem(error, t)) });
  }

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((n) => !n.read_at);
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <p className="nhsuk-lede-text">{t('notifications.lede')}</p>
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('notifications.none')}</Empty>
      ) : (
        <>
          {anyUnread ? (
            <Button
              type="button"
              variant="secondary"
              busy={busy(null)}
              onClick={() => read(null)}
            >
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
          <ul className="nhsuk-list" data-testid="notification-list">
            {items.map((note) => (
              <NotificationItem
                key={note.id}
                note={note}
                busy={busy(note.id)}
                onRead={() => read(note.id)}
              />
            ))}
          </ul>
          {list.hasNextPage ? (
            <Button type="button" variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {t('notifications.more')}
            </Button>
          ) : null}
        </>
      )}
    </>
  );
}
