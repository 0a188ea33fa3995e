import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, TextInput, Textarea } from '../../components/fields';
import { formatDate } from '../../components/format';
import { LoadError } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { usePostUpdateMutation, useUpdates } from '../../features/actions/api';
import { bilingual, worksFor, written, type Action } from '../../features/actions/actionsModel';
import { LocalText } from '../../components/LocalText';
import { nameIn } from '../../i18n/localized';

/** Progress notes with a percentage, by a responsible organisation that accepted its part. */
export function UpdatesSection({ action, user }: { action: Action; user: User }) {
  const { t, i18n } = useTranslation();
  const postUpdate = usePostUpdateMutation(action.id);
  const updates = useUpdates(action.id);
  const accepted = action.responsibilities.filter((r) => r.state === 'accepted');
  const mine = user.is_platform_admin ? accepted : accepted.filter((r) => worksFor(user, r.organisation_id));
  const canWrite = mine.length > 0 && (action.status === 'agreed' || action.status === 'in_progress');
  const names = new Map(action.responsibilities.map((r) => [r.organisation_id, nameIn(r.organisation_name, r.organisation_name_cy, i18n.language)]));
  const [organisationId, setOrganisationId] = useState('');
  const [noteEn, setNoteEn] = useState('');
  const [noteCy, setNoteCy] = useState('');
  const [percent, setPercent] = useState(String(action.progress));
  const errors = useFormErrors('update-', {
    organisation_id: t('improvement.updates.organisation'),
    note: t('improvement.updates.noteEn'),
    en: t('improvement.updates.noteEn'),
    percent: t('improvement.updates.percent'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    const value = Number(percent);
    const writer = organisationId || (mine.length === 1 ? (mine[0]?.organisation_id ?? '') : '');
    if (mine.length > 1 && !writer) problems.push({ name: 'organisation_id', message: t('improvement.updates.organisationMissing') });
    if (!written(noteEn, noteCy)) problems.push({ name: 'note', message: t('improvement.updates.noteMissing') });
    if (percent.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) {
      problems.push({ name: 'percent', message: t('improvement.updates.percentInvalid') });
    }
    if (problems.length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    errors.clear();
    postUpdate.mutate(
      {
        note: bilingual(noteEn, noteCy),
        percent: value,
        ...(writer ? { organisation_id: writer } : {}),
      },
      {
        onSuccess: () => {
          setNoteEn('');
          setNoteCy('');
        },
        onError: errors.setProblem,
      },
    );
  }

  return (
    <section aria-labelledby="updates-heading" data-testid="updates">
      <h2 id="updates-heading">{t('improvement.updates.title')}</h2>
      {updates.isError && !updates.data ? <LoadError error={updates.error} onRetry={() => void updates.refetch()} /> : null}
      {updates.data && updates.data.length === 0 ? <p>{t('improvement.updates.none')}</p> : null}
      {updates.data && updates.data.length > 0 ? (
        <ol className="nhsuk-list">
          {updates.data.map((u) => (
            <li key={u.id} className="nhsuk-u-margin-bottom-3" data-testid="update">
              <strong>{formatDate(u.created_at)}</strong> · {names.get(u.organisation_id) ?? ''} ·{' '}
              {t('improvement.percent', { n: u.percent })}
              <span className="nhsuk-u-display-block">
                <LocalText text={u.note} />
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {canWrite ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{t('improvement.updates.add')}</span>
          </summary>
          <div className="nhsuk-details__text">
            <form noValidate onSubmit={submit} data-testid="update-form">
              <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
              {mine.length > 1 ? (
                <Select
                  id={errors.idFor('organisation_id')}
                  label={t('improvement.updates.organisation')}
                  value={organisationId}
                  onChange={(e) => setOrganisationId(e.target.value)}
                  error={errors.fieldError('organisation_id')}
                  options={[{ value: '', label: t('common.choose') }, ...mine.map((r) => ({ value: r.organisation_id, label: nameIn(r.organisation_name, r.organisation_name_cy, i18n.language) }))]}
                />
              ) : null}
              <Textarea id={errors.idFor('note')} label={t('improvement.updates.noteEn')} hint={`${t('common.oneLanguageHint')} ${t('improvement.updates.noteHint')}`} rows={3} value={noteEn} onChange={(e) => setNoteEn(e.target.value)} error={errors.fieldError('note') ?? errors.fieldError('en')} />
              <Textarea id={errors.idFor('note_cy')} lang="cy" label={t('improvement.updates.noteCy')} rows={3} value={noteCy} onChange={(e) => setNoteCy(e.target.value)} />
              <TextInput
                id={errors.idFor('percent')}
                inputMode="numeric"
                label={t('improvement.updates.percent')}
                hint={t('improvement.updates.percentHint')}
                widthClass="nhsuk-input--width-3"
                value={percent}
                onChange={(e) => setPercent(e.target.value)}
                error={errors.fieldError('percent')}
              />
              <Button type="submit" busy={postUpdate.isPending}>
                {t('improvement.updates.submit')}
              </Button>
            </form>
          </div>
        </details>
      ) : null}
    </section>
  );
}
