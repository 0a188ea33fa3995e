import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contribution, Instrument, InstrumentVersion } from '../../../api/types';
import { Button } from '../../../components/fields';
import { formatDateTime } from '../../../components/format';
import { Tag } from '../../../components/status';
import { RoleTag, isRole } from '../../../components/tags';
import { describeProblem } from '../../../components/useFormErrors';
import { useVoteMutation } from '../../../features/instruments/api';
import { localized } from '../../../i18n/localized';
import { AcceptForm, DeclineForm } from './DecideForms';

function statusColour(status: Contribution['status']) {
  return status === 'accepted' ? 'green' : status === 'declined' ? 'grey' : 'blue';
}

export function ContributionCard({
  contribution: c,
  version,
  instrument,
  editor,
  canVote,
}: {
  contribution: Contribution;
  version: InstrumentVersion;
  instrument: Instrument;
  editor: boolean;
  canVote: boolean;
}) {
  const { t, i18n } = useTranslation();
  const voting = useVoteMutation(version.id, c.id);
  const [error, setError] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<'accept' | 'decline' | null>(null);
  const question = c.question_key ? (version.content.questions ?? []).find((q) => q.key === c.question_key) : undefined;
  const headingId = `contribution-${c.id}`;

  function vote(add: boolean) {
    setError(null);
    voting.mutate(add, { onError: (problem) => setError(describeProblem(problem, t)) });
  }

  const votable = c.kind !== 'comment' && c.status === 'open';
  return (
    <article className="nhsuk-card" aria-labelledby={headingId} data-testid="contribution">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-s" id={headingId}>
          {t(`instruments.codesign.kindNames.${c.kind}`)}
          {question ? `: ${localized(question.text, i18n.language)}` : ''}{' '}
          <Tag colour={statusColour(c.status)}>{t(`instruments.codesign.status.${c.status}`)}</Tag>
        </h3>
        <p className="app-pre-wrap" lang={c.language ?? undefined}>
          {c.body}
        </p>
        {c.rationale ? (
          <p className="app-pre-wrap">
            <strong>{t('instruments.codesign.why')}</strong> <span lang={c.language ?? undefined}>{c.rationale}</span>
          </p>
        ) : null}
        <p className="nhsuk-body-s">
          {t('instruments.codesign.by', { name: c.author_display_name ?? t('common.notGiven'), when: formatDateTime(c.created_at) })}{' '}
          {isRole(c.author_role) ? <RoleTag role={c.author_role} /> : null}
        </p>
        {c.status === 'declined' && c.decision_reason ? (
          <div className="nhsuk-inset-text">
            <p>
              <strong>{t('instruments.codesign.declinedBecause')}</strong> {c.decision_reason}
            </p>
          </div>
        ) : null}
        {c.status === 'accepted' ? (
          <p>
            {t('instruments.codesign.acceptedNote')}
            {c.decision_reason ? ` ${c.decision_reason}` : ''}
          </p>
        ) : null}
        {c.kind !== 'comment' ? (
          <p data-testid="votes">
            {t('instruments.codesign.votes', { n: c.votes })}
            {c.voted_by_me ? ` ${t('instruments.codesign.youVoted')}` : ''}
          </p>
        ) : null}
        {error ? (
          <p className="nhsuk-error-message" role="alert">
            {error}
          </p>
        ) : null}
        {votable && canVote ? (
          <Button type="button" variant="secondary" small busy={voting.isPending} onClick={() => vote(!c.voted_by_me)}>
            {c.voted_by_me ? t('instruments.codesign.unvote') : t('instruments.codesign.vote')}
            <span className="nhsuk-u-visually-hidden"> {c.body.slice(0, 60)}</span>
          </Button>
        ) : null}
        {votable && editor && version.status === 'draft' ? (
          deciding === 'accept' ? (
            <AcceptForm contribution={c} version={version} instrument={instrument} onDone={() => setDeciding(null)} />
          ) : deciding === 'decline' ? (
            <DeclineForm contribution={c} version={version} onDone={() => setDeciding(null)} />
          ) : (
            <div className="app-button-row">
              <Button type="button" small onClick={() => setDeciding('accept')}>
                {t('instruments.codesign.accept')}
              </Button>
              <Button type="button" small variant="secondary" onClick={() => setDeciding('decline')}>
                {t('instruments.codesign.decline')}
              </Button>
            </div>
          )
        ) : null}
      </div>
    </article>
  );
}
