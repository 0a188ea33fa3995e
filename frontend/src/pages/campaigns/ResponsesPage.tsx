import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { BackLink } from '../../components/actions';
import { Button, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { Empty, LoadError, Loading, Tag } from '../../components/status';
import { describeProblem } from '../../components/useFormErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { versionQuery } from '../../features/instruments/api';
import { campaignQuery } from './CampaignPage';
import { HeldResponsesSection, answerText } from './HeldResponses';
import { localized } from '../../i18n/localized';

/** A campaign's raw responses (staff of its services only) and the moderation of free text. */
export function ResponsesPage() {
  const { campaignId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const campaign = useQuery(campaignQuery(campaignId));
  const versionId = campaign.data?.instrument_version_id ?? '';
  const version = useQuery({ ...versionQuery(versionId), enabled: versionId !== '' });
  const responses = useQuery({
    queryKey: ['campaigns', campaignId, 'responses'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/campaigns/{campaign_id}/responses', { params: { path: { campaign_id: campaignId }, query: { limit: 100 } } })),
  });
  usePageTitle(t('campaigns.responsesTitle'));
  const content = version.data?.content;
  const questionText = (key: string) => {
    const q = content?.questions?.find((x) => x.key === key);
    return q ? localized(q.text, i18n.language) : key;
  };

  return (
    <>
      <BackLink to={`/campaigns/${campaignId}`}>{campaign.data?.name ?? t('campaigns.title')}</BackLink>
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
                  {formatDateTime(r.submitted_at)} · {t(`campaigns.channel.${r.channel as 'web' | 'paper' | 'partner'}`)} · {r.language === 'cy' ? 'Cymraeg' : 'English'}
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
  const comments = useQuery({
    queryKey: ['campaigns', campaignId, 'comments', 'new'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/campaigns/{campaign_id}/comments', {
          params: { path: { campaign_id: campaignId }, query: { moderation: 'new', limit: 100 } },
        }),
      ),
  });
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
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function decide(moderation: 'published' | 'redacted') {
    if (moderation === 'redacted' && note.trim() === '') {
      setError(t('campaigns.moderation.noteMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/answers/{answer_id}/moderation', {
          params: { path: { answer_id: answerId } },
          body: { moderation, note: note.trim() || null },
        }),
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'comments'] }),
        queryClient.invalidateQueries({ queryKey: ['campaigns', campaignId, 'responses'] }),
      ]);
    } catch (problem) {
      setError(describeProblem(problem, t));
      setBusy(false);
    }
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
          <Button type="button" small busy={busy} onClick={() => void decide('published')}>
            {t('campaigns.moderation.publish')}
          </Button>
          <Button type="button" small variant="warning" busy={busy} onClick={() => void decide('redacted')}>
            {t('campaigns.moderation.redact')}
          </Button>
        </div>
      </div>
    </div>
  );
}
