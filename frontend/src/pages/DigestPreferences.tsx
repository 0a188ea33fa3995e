import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  DIGEST_FREQUENCIES,
  useNotificationPreferences,
  useUpdateNotificationPreferences,
  type DigestFrequency,
} from '../features/notifications/api';
import { ErrorSummary } from '../components/ErrorSummary';
import { Button, Radios } from '../components/fields';
import { Loading, LoadError, SuccessBanner } from '../components/status';
import { useFormErrors } from '../components/useFormErrors';

function isFrequency(value: string): value is DigestFrequency {
  return (DIGEST_FREQUENCIES as readonly string[]).includes(value);
}

/** The profile's choice of e-mail digests: none (the default), daily or weekly. */
export function DigestPreferences({ email }: { email: string }) {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  const stored = preferences.data?.digest;
  const [choice, setChoice] = useState<DigestFrequency>('off');
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('digest-', { digest: t('digest.legend') });

  useEffect(() => {
    if (stored) setChoice(stored);
  }, [stored]);

  if (preferences.isPending) return <Loading />;
  if (preferences.isError) return <LoadError error={preferences.error} onRetry={() => void preferences.refetch()} />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    form.clear();
    update.mutate(choice, { onSuccess: () => setSaved(true), onError: form.setProblem });
  }

  return (
    <section aria-labelledby="digest-heading">
      <h2 id="digest-heading">{t('digest.title')}</h2>
      {saved ? <SuccessBanner title={t('digest.saved')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <form onSubmit={onSubmit} noValidate>
        <Radios
          id={form.idFor('digest')}
          name="digest"
          legend={t('digest.legend')}
          hint={t('digest.hint')}
          value={choice}
          onChange={(value) => {
            if (isFrequency(value)) setChoice(value);
          }}
          error={form.fieldError('digest')}
          options={DIGEST_FREQUENCIES.map((value) => ({ value, label: t(`digest.options.${value}`) }))}
        />
        <p data-testid="digest-explained" aria-live="polite">
          {t(`digest.explained.${choice}`, { email })}{' '}
          <Link to="/notifications">{t('digest.seeNotifications')}</Link>
        </p>
        <Button busy={update.isPending}>{t('digest.save')}</Button>
      </form>
    </section>
  );
}
