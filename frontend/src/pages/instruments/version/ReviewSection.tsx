import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Instrument, InstrumentVersion, ReviewState, User } from '../../../api/types';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, Radios, Textarea } from '../../../components/fields';
import { formatDateTime } from '../../../components/format';
import { LoadError, Loading, SuccessBanner, Tag } from '../../../components/status';
import { RoleTag, isRole } from '../../../components/tags';
import { describeProblem, useFormErrors, type FieldError } from '../../../components/useFormErrors';
import {
  usePublishMutation,
  useRequestReviewMutation,
  useReviewMutation,
  useReviewState,
  type ReviewDecision,
} from '../../../features/instruments/api';
import { useOrganisationOptions } from '../../../features/organisations/api';
import { softMutation, useLocalName } from '../../../i18n/localized';
import { canReview } from '../permissions';

// Review of a draft: the policy and progress, asking for review, reviewing, publishing.

/** Role names inside a sentence: in lower case, and in Welsh softened after "neu"
 * ("defnyddiwr gwasanaeth neu ofalwr"), not "Defnyddiwr gwasanaeth neu Gofalwr". */
export function rolesInSentence(roles: readonly string[], t: TFunction, language: string): string {
  return roles
    .map((r) => (isRole(r) ? t(`roles.${r}`) : r))
    .map((word) => word.charAt(0).toLocaleLowerCase() + word.slice(1))
    .map((word, n) => (n > 0 && language === 'cy' ? softMutation(word) : word))
    .join(` ${t('instruments.review.or')} `);
}

export function ReviewSection({
  user,
  instrument,
  version,
  editor,
}: {
  user: User;
  instrument: Instrument;
  version: InstrumentVersion;
  editor: boolean;
}) {
  const { t } = useTranslation();
  const review = useReviewState(version);
  const requestReview = useRequestReviewMutation(version.id);
  const publish = usePublishMutation(version.id);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function act(action: 'request' | 'publish') {
    setError(null);
    setDone(null);
    const mutation = action === 'request' ? requestReview : publish;
    mutation.mutate(undefined, {
      onSuccess: () => setDone(action === 'request' ? t('instruments.review.requested') : t('instruments.review.published')),
      onError: (problem) => setError(describeProblem(problem, t)),
    });
  }

  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">{t('instruments.review.title')}</h2>
      {done ? <SuccessBanner title={done} /> : null}
      <ErrorSummary detail={error} items={[]} />
      {review.isError ? (
        <LoadError error={review.error} onRetry={() => void review.refetch()} />
      ) : !review.data ? (
        <Loading />
      ) : (
        <ReviewBody
          state={review.data}
          version={version}
          editor={editor}
          reviewer={canReview(user, instrument, version)}
          busy={requestReview.isPending || publish.isPending}
          onRequest={() => act('request')}
          onPublish={() => act('publish')}
        />
      )}
    </section>
  );
}

function ReviewBody({
  state,
  version,
  editor,
  reviewer,
  busy,
  onRequest,
  onPublish,
}: {
  state: ReviewState;
  version: InstrumentVersion;
  editor: boolean;
  reviewer: boolean;
  busy: boolean;
  onRequest: () => void;
  onPublish: () => void;
}) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const orgName = (id: string) => {
    const org = organisations.data?.items.find((o) => o.id === id);
    return org ? localName(org) : '';
  };
  const roles = rolesInSentence(state.approver_roles, t, i18n.language);
  return (
    <>
      <p>{t('instruments.review.policy', { count: state.approvals_needed, roles })}</p>
      <p data-testid="review-progress">
        {t('instruments.review.progress', { approved: state.qualifying_approvals, needed: state.approvals_needed })}
      </p>
      {state.reviews.length > 0 ? (
        <ul className="app-card-list">
          {state.reviews.map((r) => (
            <li key={r.id} className="nhsuk-inset-text">
              <p>
                <Tag colour={r.decision === 'approved' ? 'green' : 'orange'}>{t(`instruments.review.decisions.${r.decision}`)}</Tag>{' '}
                {isRole(r.reviewer_role) ? <RoleTag role={r.reviewer_role} /> : null} {orgName(r.reviewer_organisation_id)} ·{' '}
                {formatDateTime(r.created_at)}
                {r.revision !== state.revision ? ` · ${t('instruments.review.earlierRevision')}` : ''}
              </p>
              {r.decision === 'approved' && !r.counts && r.not_counted_because ? (
                <p data-testid="review-not-counted">
                  {t('instruments.review.notCounted', {
                    reason: (i18n.language === 'cy' ? r.not_counted_because_cy : null) ?? r.not_counted_because,
                  })}
                </p>
              ) : null}
              {r.comment ? <p className="app-pre-wrap">{r.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editor && version.status === 'draft' ? (
        <>
          <p>{t('instruments.review.requestHint')}</p>
          <Button type="button" busy={busy} onClick={onRequest}>
            {t('instruments.review.request')}
          </Button>
        </>
      ) : null}
      {reviewer && version.status === 'in_review' ? <ReviewForm version={version} /> : null}
      {editor && version.status !== 'published' ? (
        <div className="nhsuk-u-margin-top-4">
          <h3>{t('instruments.review.publishTitle')}</h3>
          {state.blocking_reasons.length > 0 ? (
            <div className="nhsuk-warning-callout" data-testid="blocking-reasons">
              <h4 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">{t('common.information')} </span>
                  {t('instruments.review.cannotPublish')}
                </span>
              </h4>
              <ul id="publish-blocked">
                {(i18n.language === 'cy' && state.blocking_reasons_cy.length === state.blocking_reasons.length
                  ? state.blocking_reasons_cy
                  : state.blocking_reasons
                ).map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Button
            type="button"
            busy={busy}
            disabled={!state.can_publish}
            aria-describedby={state.can_publish ? undefined : 'publish-blocked'}
            onClick={onPublish}
          >
            {t('instruments.review.publish')}
          </Button>
        </div>
      ) : null}
      {version.status === 'published' ? (
        <p>{t('instruments.review.publishedOn', { when: formatDateTime(version.published_at) })}</p>
      ) : null}
    </>
  );
}

function ReviewForm({ version }: { version: InstrumentVersion }) {
  const { t } = useTranslation();
  const mutation = useReviewMutation(version.id);
  const [decision, setDecision] = useState('');
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormErrors('review-', { decision: t('instruments.review.decision'), comment: t('instruments.review.comment') });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (decision === '') problems.push({ name: 'decision', message: t('instruments.review.decisionMissing') });
    if (decision === 'changes_requested' && comment.trim() === '') problems.push({ name: 'comment', message: t('instruments.review.commentMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    setSent(false);
    mutation.mutate(
      { decision: decision as ReviewDecision, comment: comment.trim() || null },
      {
        onSuccess: () => {
          setSent(true);
          setComment('');
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="review-form-title">
      <h3 id="review-form-title">{t('instruments.review.yourReview')}</h3>
      {sent ? <SuccessBanner title={t('instruments.review.sent')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <Radios
        id={form.idFor('decision')}
        name="review-decision"
        legend={t('instruments.review.decision')}
        value={decision}
        onChange={setDecision}
        error={form.fieldError('decision')}
        options={[
          { value: 'approved', label: t('instruments.review.approve') },
          { value: 'changes_requested', label: t('instruments.review.askChanges') },
        ]}
      />
      <Textarea
        id={form.idFor('comment')}
        label={t('instruments.review.comment')}
        hint={t('instruments.review.commentHint')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={form.fieldError('comment')}
      />
      <Button type="submit" busy={mutation.isPending}>
        {t('instruments.review.send')}
      </Button>
    </form>
  );
}
