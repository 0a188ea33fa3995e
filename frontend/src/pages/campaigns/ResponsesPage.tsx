import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { editorOrganisationIds } from '../instruments/permissions';
import { BackLink } from '../../components/actions';
import { Button, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { Empty, LoadError, Loading, Tag } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { useVersion } from '../../features/instruments/api';
import { useCampaign, useCampaignResponses, useCommentsToModerate, useModerateMutation } from '../../features/campaigns/api';
import { HeldResponsesSection, answerText } from './HeldResponses';
import { localized, nameIn } from '../../i18n/localized';

/**
 * A campaign's raw responses (staff of its services only) and the moderation of free text.
 * Anyone else (a service user or carer who typed the address) is told plainly who sees them and
 * where the results are, and nothing is asked that the server would refuse.
 */
export function ResponsesPage({ user }: { user: User }) {
  const { campaignId = '' } = useParams();
  // As the server decides (raw_response_org_ids): staff, managers and administrators only.
  if (editorOrganisationIds(user).length > 0) return <StaffResponses campaignId={campaignId} />;
  return <ForStaffOnly campaignId={campaignId} />;
}

function ForStaffOnly({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  usePageTitle(t('campaigns.responsesTitle'));
  return (
    <>
      <BackLink to="/results">{t('resultsIndex.title')}</BackLink>
      <h1>{t('campaigns.responsesTitle')}</h1>
      <p data-testid="responses-for-staff">{t('campaigns.responsesForStaff')}</p>
      <p>
        <Link to={`/campaigns/${campaignId}/results`}>{t('results.campaignLink')}</Link>
      </p>
    </>
  );
}

function StaffResponses({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const campaign = useCampaign(campaignId);
  const versionId = campaign.data?.instrument_version_id ?? '';
  const version = useVersion(versionId);
  const responses = useCampaignResponses(campaignId);
  usePageTitle(t('campaigns.responsesTitle'));
  const content = version.data?.content;
  const questionText = (key: string) => {
    const q = content?.questions?.find((x) => x.key === key);
    return q ? localized(q.text, i18n.language) : key;
  };

  return (
    <>
      <BackLink to={`/campaigns/${campaignId}`}>{campaign.data ? nameIn(campaign.data.name, campaign.data.name_cy, i18n.language) : t('campaigns.title')}</BackLink>
      <h1>{t('campaigns.responsesTitle')}</h1>
      <p>{t('campaigns.responsesIntro')}</p>
      {campaign.data && campaign.data.anonymity !== 'identified' ? (
        <p>{t('campaigns.responsesReleased', { n: campaign.data.min_cell_size })}</p>
      ) : null}
      <HeldResponsesSection campaignId={campaignId} content={content} questionText={questionText} />
      <ModerationSection campaignId={campaignId} questionText={questionText} />
      <h2>{t('campaigns.rawResponses')}</h2>
      {responses.isError ? (
        <LoadError error={responses.error} onRetry={() => void responses.refetch()} />
      ) : !responses.data ? (
        <Loading />
      ) : responses.data.items.length === 0 ? (
        <Empty>{t('campaigns.noResponses')}</Empty>
      ) : (
        <ul className="app-card-list" data-testid="responses">
          {responses.data.items.map((r) => (
            <li key={r.id} className="nhsuk-card">
              <div className="nhsuk-card__content">
                <h3 className="nhsuk-heading-xs">
                  {formatDateTime(r.submitted_at)} · {t(`campaigns.channel.${r.channel as 'web' | 'paper' | 'partner'}`)} · {t(r.language === 'cy' ? 'campaigns.answeredIn.cy' : 'campaigns.answeredIn.en')}
                </h3>
                <dl className="nhsuk-summary-list">
                  {r.answers.map((a) => (
                    <div className="nhsuk-summary-list__row" key={a.id}>
                      <dt className="nhsuk-summary-list__key">{questionText(a.question_key)}</dt>
                      <dd className="nhsuk-summary-list__value app-pre-wrap">
                        {a.moderation === 'redacted' ? <Tag colour="grey">{t('campaigns.moderation.redacted')}</Tag> : answerText(content, a, i18n.language, { dontKnow: t('survey.dontKnow'), yes: t('survey.yes'), no: t('survey.no') })}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ModerationSection({ campaignId, questionText }: { campaignId: string; questionText: (key: string) => string }) {
  const { t } = useTranslation();
  const comments = useCommentsToModerate(campaignId);
  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('campaigns.moderation.title')}</h2>
      <p>{t('campaigns.moderation.intro')}</p>
      {comments.isError ? (
        <LoadError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : !comments.data ? (
        <Loading />
      ) : comments.data.items.length === 0 ? (
        <Empty>{t('campaigns.moderation.none')}</Empty>
      ) : (
        <ul className="app-card-list" data-testid="moderation">
          {comments.data.items.map((comment) => (
            <li key={comment.answer_id}>
              <ModerationCard
                campaignId={campaignId}
                answerId={comment.answer_id}
                question={questionText(comment.question_key)}
                text={comment.text}
                submittedAt={comment.submitted_at}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ModerationCard({ campaignId, answerId, question, text, submittedAt }: { campaignId: string; answerId: string; question: string; text: string; submittedAt: string }) {
  const { t } = useTranslation();
  const moderate = useModerateMutation(campaignId, answerId);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  function decide(moderation: 'published' | 'redacted') {
    if (moderation === 'redacted' && note.trim() === '') {
      setError(t('campaigns.moderation.noteMissing'));
      return;
    }
    setError(null);
    // On success the card leaves the list; its buttons stay busy until then.
    moderate.mutate({ moderation, note: note.trim() || null }, { onError: (problem) => setError(describeProblem(problem, t)) });
  }

  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-heading-xs">{question}</h3>
        <p className="app-pre-wrap">{text}</p>
        <p className="nhsuk-body-s">{formatDateTime(submittedAt)}</p>
        <TextInput
          id={`note-${answerId}`}
          label={t('campaigns.moderation.note')}
          hint={t('campaigns.moderation.noteHint')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={error ?? undefined}
        />
        <div className="app-button-row">
          <Button type="button" small busy={moderate.isPending || moderate.isSuccess} onClick={() => decide('published')}>
            {t('campaigns.moderation.publish')}
          </Button>
          <Button type="button" small variant="warning" busy={moderate.isPending || moderate.isSuccess} onClick={() => decide('redacted')}>
            {t('campaigns.moderation.redact')}
          </Button>
        </div>
      </div>
    </div>
  );
}
