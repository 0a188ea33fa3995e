import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { Button } from '../../components/fields';
import { describeProblem } from '../../components/useFormErrors';
import { useSupportMutation } from '../../features/actions/api';
import { canSupport, isClosed, percentText, type Action } from '../../features/actions/actionsModel';

/** Supporters: the count, the share from service users, and a button for service users and carers. */
export function Supporters({ action, user }: { action: Action; user: User }) {
  const { t, i18n } = useTranslation();
  const support = useSupportMutation(action.id);
  const [problem, setProblem] = useState<string | null>(null);
  const share = percentText(action.service_user_support_share, i18n.language);

  function toggle() {
    setProblem(null);
    support.mutate(!action.supported_by_me, { onError: (error) => setProblem(describeProblem(error, t)) });
  }

  return (
    <section aria-labelledby="support-heading" data-testid="supporters">
      <h2 id="support-heading">{t('improvement.support.title')}</h2>
      <p data-testid="support-count">
        {t('improvement.supportersCount', { count: action.support_count })}
        {share ? ` ${t('improvement.support.share', { share })}` : ''}
      </p>
      {canSupport(user) && !isClosed(action.status) ? (
        <>
          <Button type="button" variant={action.supported_by_me ? 'secondary' : 'primary'} busy={support.isPending} onClick={toggle}>
            {action.supported_by_me ? t('improvement.support.withdraw') : t('improvement.support.add')}
          </Button>
          {action.supported_by_me ? <p className="nhsuk-body-s">{t('improvement.support.youSupport')}</p> : null}
        </>
      ) : null}
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
