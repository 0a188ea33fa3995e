import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { OverdueFlag, Progress, StatusTag } from '../actions/ActionBits';
import { percentText, type PublicAction } from '../../features/actions/actionsModel';
import '../actions/actions.css';
import { localized } from '../../i18n/localized';
import { LocalText } from '../../components/LocalText';
import { usePublicActions } from '../../features/actions/api';

function PublicActionCard({ action }: { action: PublicAction }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const title = localized(action.title, lang);
  const summary = localized(action.summary, lang);
  const reason = localized(action.reason_not_taken_forward, lang);
  const weDid = localized(action.we_did, lang);
  const share = percentText(action.service_user_support_share, lang);
  return (
    <li className="nhsuk-card" data-testid="public-action">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">
          <LocalText text={action.title} />
        </h3>
        <p>
          <StatusTag status={action.status} /> {action.overdue ? <OverdueFlag dueDate={action.due_date} /> : null}
        </p>
        <p className="nhsuk-body-s">
          {t(`improvement.public.origin.${action.origin}`)}
          {action.support_count > 0
            ? ` · ${t('improvement.supportersCount', { count: action.support_count })}${share ? ` ${t('improvement.support.share', { share })}` : ''}`
            : ''}
        </p>
        {summary ? (
          <>
            <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{t('improvement.youSaidWeDid')}</h4>
            <p data-testid="public-summary">
              <LocalText text={action.summary} />
            </p>
          </>
        ) : null}
        {action.status === 'completed' && (weDid || action.completed_on) ? (
          <div data-testid="public-we-did">
            <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{t('improvement.public.weDid')}</h4>
            {weDid ? (
              <p className="app-pre-wrap">
                <LocalText text={action.we_did} />
              </p>
            ) : null}
            {action.completed_on ? <p className="nhsuk-body-s">{t('improvement.public.completedOn', { date: formatDate(action.completed_on) })}</p> : null}
          </div>
        ) : null}
        {reason ? (
          <>
            <h4 className="nhsuk-heading-xs nhsuk-u-margin-bottom-1">{t('improvement.reasonNotTaken')}</h4>
            <p data-testid="public-reason">
              <LocalText text={action.reason_not_taken_forward} />
            </p>
          </>
        ) : null}
        {action.status !== 'not_taken_forward' ? <Progress percent={action.progress} label={t('improvement.progressOf', { title })} /> : null}
        {action.due_date ? <p className="nhsuk-body-s">{t('improvement.dueOn', { date: formatDate(action.due_date) })}</p> : null}
        {action.organisations.length > 0 ? (
          <p className="nhsuk-body-s">
            {action.organisations
              .map((o) => `${localized(o.organisation_name, lang)} (${t(`improvement.role.${o.role}`)})`)
              .join(', ')}
          </p>
        ) : null}
        {action.updates.length > 0 ? (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">{t('improvement.public.updates', { count: action.updates.length })}</span>
            </summary>
            <div className="nhsuk-details__text">
              <ol className="nhsuk-list" data-testid="public-updates">
                {action.updates.map((u, index) => (
                  <li key={`${u.on}-${index}`}>
                    <strong>{formatDate(u.on)}</strong> · {localized(u.organisation_name, lang)} · {t('improvement.percent', { n: u.percent })}
                    <span className="nhsuk-u-display-block">
                      <LocalText text={u.note} />
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          </details>
        ) : null}
      </div>
    </li>
  );
}

function Group({ id, title, actions, empty }: { id: string; title: string; actions: PublicAction[]; empty: string }) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {actions.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="nhsuk-list">
          {actions.map((a) => (
            <PublicActionCard key={a.id} action={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The public "you said, we did" page of a partnership: no sign-in, English or Welsh,
 * no personal data (the API gives none).
 */
export function PublicActionsPage() {
  const { partnershipId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const page = usePublicActions(partnershipId);
  const name = page.data ? localized(page.data.partnership_name, i18n.language) : '';
  usePageTitle(name ? t('improvement.public.title', { partnership: name }) : t('improvement.public.pageTitle'));

  if (page.isError && !page.data) {
    if (page.error instanceof ApiProblem && (page.error.status === 404 || page.error.status === 422)) {
      return (
        <>
          <h1>{t('improvement.public.pageTitle')}</h1>
          <p>{t('improvement.public.notFound')}</p>
        </>
      );
    }
    return <LoadError error={page.error} onRetry={() => void page.refetch()} />;
  }
  if (!page.data) return <Loading />;
  const actions = page.data.actions;
  const doing = actions.filter((a) => a.status === 'agreed' || a.status === 'in_progress');
  const done = actions.filter((a) => a.status === 'completed');
  const notTaken = actions.filter((a) => a.status === 'not_taken_forward');

  return (
    <>
      <span className="nhsuk-caption-l">{name}</span>
      <h1>{t('improvement.public.heading')}</h1>
      <p className="nhsuk-lede-text">{t('improvement.public.lede')}</p>
      {actions.length === 0 ? <Empty>{t('improvement.public.none')}</Empty> : null}
      <Group id="public-doing" title={t('improvement.public.doing')} actions={doing} empty={t('improvement.public.doingNone')} />
      <Group id="public-done" title={t('improvement.public.done')} actions={done} empty={t('improvement.public.doneNone')} />
      <Group id="public-not-taken" title={t('improvement.public.notTaken')} actions={notTaken} empty={t('improvement.public.notTakenNone')} />
    </>
  );
}
