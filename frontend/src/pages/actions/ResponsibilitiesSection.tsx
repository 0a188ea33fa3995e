import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../i18n/localized';
import type { User } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Radios, Select, Textarea } from '../../components/fields';
import { formatDate } from '../../components/format';
import { Tag } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import {
  useAnswerResponsibilityMutation,
  useAskOrganisationMutation,
  useOrganisationPeople,
  useSetOwnerMutation,
} from '../../features/actions/api';
import { usePartnershipMembers } from '../../features/partnerships/api';
import { isClosed, managesOrganisation, mayDecide, type Action, type Responsibility } from '../../features/actions/actionsModel';

function OwnerName({ responsibility, user, canSeePeople }: { responsibility: Responsibility; user: User; canSeePeople: boolean }) {
  const { t } = useTranslation();
  const people = useOrganisationPeople(responsibility.organisation_id, canSeePeople && Boolean(responsibility.owner_id));
  if (!responsibility.owner_id) return <>{t('improvement.parts.noOwner')}</>;
  if (responsibility.owner_id === user.id) return <>{t('improvement.parts.ownerYou')}</>;
  const person = people.data?.items.find((m) => m.user_id === responsibility.owner_id);
  return <>{person ? person.user_display_name : t('improvement.parts.ownerNamed')}</>;
}

/** Accept (naming an owner) or decline (saying why) an organisation's part. */
function AnswerPart({ action, responsibility }: { action: Action; responsibility: Responsibility }) {
  const { t, i18n } = useTranslation();
  const people = useOrganisationPeople(responsibility.organisation_id, true);
  const [answer, setAnswer] = useState<'accept' | 'decline'>('accept');
  const [ownerId, setOwnerId] = useState('');
  const [note, setNote] = useState('');
  const answerPart = useAnswerResponsibilityMutation(action.id, responsibility.organisation_id);
  const prefix = `part-${responsibility.organisation_id}-`;
  const errors = useFormErrors(prefix, { owner_id: t('improvement.parts.owner'), note: t('improvement.parts.note') });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (answer === 'decline' && note.trim() === '') {
      errors.setFieldErrors([{ name: 'note', message: t('improvement.parts.noteMissing') }]);
      return;
    }
    errors.clear();
    const body = { ...(ownerId && answer === 'accept' ? { owner_id: ownerId } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    answerPart.mutate({ answer: answer === 'accept' ? 'accept' : 'decline', body }, { onError: errors.setProblem });
  }

  return (
    <form noValidate onSubmit={submit} data-testid="answer-part">
      <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
      <Radios
        id={`${prefix}answer`}
        name={`${prefix}answer`}
        legend={t('improvement.parts.answerLegend', { organisation: nameIn(responsibility.organisation_name, responsibility.organisation_name_cy, i18n.language), role: t(`improvement.role.${responsibility.role}`) })}
        value={answer}
        onChange={(value) => setAnswer(value === 'decline' ? 'decline' : 'accept')}
        inline
        options={[
          { value: 'accept', label: t('improvement.parts.accept') },
          { value: 'decline', label: t('improvement.parts.decline') },
        ]}
      />
      {answer === 'accept' ? (
        <Select
          id={errors.idFor('owner_id')}
          label={t('improvement.parts.owner')}
          hint={t('improvement.parts.ownerHint')}
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          error={errors.fieldError('owner_id')}
          options={[{ value: '', label: t('improvement.parts.noOwner') }, ...ownerOptions(people.data?.items)]}
        />
      ) : null}
      <Textarea
        id={errors.idFor('note')}
        label={answer === 'decline' ? t('improvement.parts.noteRequired') : t('improvement.parts.note')}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={errors.fieldError('note')}
      />
      <Button type="submit" small busy={answerPart.isPending}>
        {answer === 'accept' ? t('improvement.parts.acceptSubmit') : t('improvement.parts.declineSubmit')}
      </Button>
    </form>
  );
}

/** The people of an organisation as owner options (each person once). */
function ownerOptions(items: { user_id: string; user_display_name: string }[] | undefined) {
  return [...new Map((items ?? []).map((m) => [m.user_id, m.user_display_name])).entries()].map(([id, name]) => ({ value: id, label: name }));
}

/** After acceptance, the organisation's managers may hand its part to another owner (or to nobody). */
function ChangeOwner({ action, responsibility }: { action: Action; responsibility: Responsibility }) {
  const { t, i18n } = useTranslation();
  const people = useOrganisationPeople(responsibility.organisation_id, true);
  const [ownerId, setOwnerId] = useState(responsibility.owner_id ?? '');
  const setOwner = useSetOwnerMutation(action.id, responsibility);
  const [saved, setSaved] = useState(false);
  const prefix = `owner-${responsibility.organisation_id}-`;
  const errors = useFormErrors(prefix, { owner_id: t('improvement.parts.newOwner') });

  // A newer version of the part (saved here or elsewhere) shows its owner.
  useEffect(() => {
    setOwnerId(responsibility.owner_id ?? '');
  }, [responsibility.version, responsibility.owner_id]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (ownerId === (responsibility.owner_id ?? '')) {
      errors.setFieldErrors([{ name: 'owner_id', message: t('improvement.parts.ownerSame') }]);
      return;
    }
    errors.clear();
    setOwner.mutate(ownerId || null, { onSuccess: () => setSaved(true), onError: errors.setProblem });
  }

  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0" open={errors.hasErrors || saved ? true : undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {t('improvement.parts.changeOwner')}
          <span className="nhsuk-u-visually-hidden"> {nameIn(responsibility.organisation_name, responsibility.organisation_name_cy, i18n.language)}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        {saved ? (
          <p className="nhsuk-body" role="status">
            {t('improvement.parts.ownerChanged')}
          </p>
        ) : null}
        <form noValidate onSubmit={submit} data-testid="change-owner">
          <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
          <Select
            id={errors.idFor('owner_id')}
            label={t('improvement.parts.newOwner')}
            hint={t('improvement.parts.ownerHint')}
            value={ownerId}
            onChange={(e) => {
              setOwnerId(e.target.value);
              setSaved(false);
            }}
            error={errors.fieldError('owner_id')}
            options={[{ value: '', label: t('improvement.parts.noOwner') }, ...ownerOptions(people.data?.items)]}
          />
          <Button type="submit" variant="secondary" small busy={setOwner.isPending}>
            {t('improvement.parts.changeOwnerSubmit')}
          </Button>
        </form>
      </div>
    </details>
  );
}

/** Ask a member organisation to lead or support. */
function AskOrganisation({ action }: { action: Action }) {
  const { t, i18n } = useTranslation();
  const members = usePartnershipMembers(action.partnership_id);
  const hasLead = action.responsibilities.some((r) => r.role === 'lead' && r.state !== 'declined');
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<'lead' | 'supporting'>(hasLead ? 'supporting' : 'lead');
  const ask = useAskOrganisationMutation(action.id);
  const errors = useFormErrors('ask-', { organisation_id: t('improvement.parts.askOrganisation'), role: t('improvement.parts.askRole') });
  const asked = new Set(action.responsibilities.filter((r) => r.state !== 'declined').map((r) => r.organisation_id));
  const options = (members.data ?? []).filter((m) => !asked.has(m.organisation_id));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!organisationId) {
      errors.setFieldErrors([{ name: 'organisation_id', message: t('improvement.parts.askMissing') }]);
      return;
    }
    errors.clear();
    ask.mutate({ organisation_id: organisationId, role }, { onSuccess: () => setOrganisationId(''), onError: errors.setProblem });
  }

  if (options.length === 0) return null;
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{t('improvement.parts.askTitle')}</span>
      </summary>
      <div className="nhsuk-details__text">
        <form noValidate onSubmit={submit}>
          <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
          <Select
            id={errors.idFor('organisation_id')}
            label={t('improvement.parts.askOrganisation')}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            error={errors.fieldError('organisation_id')}
            options={[{ value: '', label: t('common.choose') }, ...options.map((m) => ({ value: m.organisation_id, label: nameIn(m.organisation_name, m.organisation_name_cy, i18n.language) }))]}
          />
          <Radios
            id={errors.idFor('role')}
            name="ask-role"
            legend={t('improvement.parts.askRole')}
            value={role}
            inline
            onChange={(value) => setRole(value === 'lead' ? 'lead' : 'supporting')}
            error={errors.fieldError('role')}
            options={[
              { value: 'lead', label: t('improvement.role.lead') },
              { value: 'supporting', label: t('improvement.role.supporting') },
            ]}
          />
          <Button type="submit" variant="secondary" small busy={ask.isPending}>
            {t('improvement.parts.askSubmit')}
          </Button>
        </form>
      </div>
    </details>
  );
}

const STATE_COLOUR = { pending: 'yellow', accepted: 'green', declined: 'grey' } as const;

/** The organisations responsible: one lead, any supporting, each accepting or declining. */
export function ResponsibilitiesSection({ action, user }: { action: Action; user: User }) {
  const { t, i18n } = useTranslation();
  const parts = [...action.responsibilities].sort((a, b) => (a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1));
  return (
    <section aria-labelledby="parts-heading" data-testid="responsibilities">
      <h2 id="parts-heading">{t('improvement.parts.title')}</h2>
      {parts.length === 0 ? <p>{t('improvement.parts.none')}</p> : null}
      {parts.map((part) => (
        <div className="nhsuk-card" key={part.id} data-testid="responsibility" data-organisation={part.organisation_name}>
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading nhsuk-heading-s">
              {nameIn(part.organisation_name, part.organisation_name_cy, i18n.language)}: {t(`improvement.role.${part.role}`)}
            </h3>
            <dl className="nhsuk-summary-list">
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">{t('improvement.parts.answer')}</dt>
                <dd className="nhsuk-summary-list__value">
                  <Tag colour={STATE_COLOUR[part.state]}>{t(`improvement.partState.${part.state}`)}</Tag>
                  {part.decided_at ? ` ${formatDate(part.decided_at)}` : ''}
                </dd>
              </div>
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">{t('improvement.parts.owner')}</dt>
                <dd className="nhsuk-summary-list__value">
                  <OwnerName responsibility={part} user={user} canSeePeople={managesOrganisation(user, part.organisation_id)} />
                </dd>
              </div>
              {part.decision_note ? (
                <div className="nhsuk-summary-list__row">
                  <dt className="nhsuk-summary-list__key">{t('improvement.parts.note')}</dt>
                  <dd className="nhsuk-summary-list__value">{part.decision_note}</dd>
                </div>
              ) : null}
            </dl>
            {part.state === 'pending' && !isClosed(action.status) && managesOrganisation(user, part.organisation_id) ? (
              <AnswerPart action={action} responsibility={part} />
            ) : null}
            {part.state === 'accepted' && !isClosed(action.status) && managesOrganisation(user, part.organisation_id) ? (
              <ChangeOwner key={part.id} action={action} responsibility={part} />
            ) : null}
          </div>
        </div>
      ))}
      {!isClosed(action.status) && mayDecide(user) ? <AskOrganisation action={action} /> : null}
    </section>
  );
}
