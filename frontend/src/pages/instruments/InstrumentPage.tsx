import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../../i18n/localized';
import { useOrganisation } from '../../features/organisations/api';
import type { User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { LoadError, Loading } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { VersionStatusTag } from '../../components/tags';
import { canEditIn } from './permissions';
import { useInstrument, useInvolvement, useNewDraftMutation } from '../../features/instruments/api';
import { localized } from '../../i18n/localized';

/** One instrument: its versions, a new draft, and how service users and carers took part. */
export function InstrumentPage({ user }: { user: User }) {
  const { instrumentId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const localName = useLocalName();
  const instrument = useInstrument(instrumentId);
  const organisation = useOrganisation(instrument.data?.organisation_id);
  const involvement = useInvolvement(instrumentId);
  const newDraft = useNewDraftMutation(instrumentId);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(instrument.data ? localized(instrument.data.title, i18n.language) : t('instruments.title'));

  if (instrument.isError) return <LoadError error={instrument.error} onRetry={() => void instrument.refetch()} />;
  if (!instrument.data) return <Loading />;
  const inst = instrument.data;
  const editor = canEditIn(user, inst.organisation_id);
  const versions = [...inst.versions].sort((a, b) => b.number - a.number);
  const hasOpenDraft = versions.some((v) => v.status !== 'published');

  function startDraft() {
    setError(null);
    newDraft.mutate(undefined, {
      onSuccess: (draft) => void navigate(`/instrument-versions/${draft.id}`),
      onError: (problem) => setError(describeProblem(problem, t)),
    });
  }

  const inv = involvement.data;
  const lay = (counts: { service_user?: number; carer?: number } | undefined) => (counts?.service_user ?? 0) + (counts?.carer ?? 0);

  return (
    <>
      <BackLink to="/instruments">{t('instruments.title')}</BackLink>
      <span className="nhsuk-caption-l">
        {inst.code}
        {organisation.data ? ` · ${localName(organisation.data.data)}` : ''}
      </span>
      <h1>{localized(inst.title, i18n.language)}</h1>
      {inst.description ? <p>{localized(inst.description, i18n.language)}</p> : null}
      <ErrorSummary detail={error} items={[]} />
      <h2>{t('instruments.versions')}</h2>
      <ul className="nhsuk-list" data-testid="versions">
        {versions.map((v) => (
          <li key={v.id}>
            <Link to={`/instrument-versions/${v.id}`}>{t('instruments.version.number', { number: v.number })}</Link>{' '}
            <VersionStatusTag status={v.status} />
            {v.published_at ? ` ${t('instruments.version.publishedOn', { when: formatDateTime(v.published_at) })}` : ''}
          </li>
        ))}
      </ul>
      {editor && !hasOpenDraft ? (
        <>
          <p>{t('instruments.version.newDraftHint')}</p>
          <Button type="button" busy={newDraft.isPending || newDraft.isSuccess} onClick={startDraft}>
            {t('instruments.version.newDraft')}
          </Button>
        </>
      ) : null}
      <h2>{t('instruments.involvement.title')}</h2>
      {involvement.isError ? (
        <LoadError error={involvement.error} onRetry={() => void involvement.refetch()} />
      ) : !inv ? (
        <Loading />
      ) : (
        <dl className="nhsuk-summary-list" data-testid="involvement">
          {(
            [
              ['suggestions', lay(inv.suggestions)],
              ['accepted', lay(inv.suggestions_accepted)],
              ['comments', lay(inv.comments)],
              ['votes', lay(inv.votes)],
            ] as const
          ).map(([key, value]) => (
            <div className="nhsuk-summary-list__row" key={key}>
              <dt className="nhsuk-summary-list__key">{t(`instruments.involvement.${key}`)}</dt>
              <dd className="nhsuk-summary-list__value">{value}</dd>
            </div>
          ))}
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">{t('instruments.involvement.share')}</dt>
            <dd className="nhsuk-summary-list__value">
              {inv.service_user_and_carer_share == null ? t('common.notGiven') : `${Math.round(inv.service_user_and_carer_share * 100)}%`}
            </dd>
          </div>
        </dl>
      )}
    </>
  );
}
