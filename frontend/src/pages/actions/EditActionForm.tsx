import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, Textarea } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { SuccessBanner } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { TitleDescriptionFields } from './TitleDescriptionFields';
import { useEditActionMutation, useStandards } from '../../features/actions/api';
import { checkEdit, editBody, editFormOf, type Action, type EditForm } from '../../features/actions/actionsModel';
import { localized } from '../../i18n/localized';

/**
 * Edit an action's texts (title, description, the public "you said, we did" summary, in
 * English and Welsh), its standard and due date. Sent with If-Match: if someone else saved
 * a change meanwhile, the API answers 412, which is explained and the latest version loaded.
 */
export function EditActionForm({ action }: { action: Action }) {
  const { t, i18n } = useTranslation();
  const edit = useEditActionMutation(action);
  const standards = useStandards();
  const [form, setForm] = useState<EditForm>(() => editFormOf(action));
  const [saved, setSaved] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const errors = useFormErrors('edit-', {
    title: t('improvement.propose.titleEn'),
    en: t('improvement.propose.titleEn'),
    description: t('improvement.propose.descriptionEn'),
    summary: t('improvement.propose.summaryEn'),
    standard_id: t('improvement.propose.standard'),
    due_date: t('improvement.propose.dueDate'),
  });

  // A newer version (saved here or by someone else) refills the form; messages stay.
  useEffect(() => {
    setForm(editFormOf(action));
    // Only a new version of the action refills what the person is typing.
  }, [action.version]);

  function set<K extends keyof EditForm>(key: K, value: EditForm[K]) {
    setForm((previous) => ({ ...previous, [key]: value }));
    setSaved(false);
    setUnchanged(false);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setUnchanged(false);
    const problems = checkEdit(form);
    if (problems.length > 0) {
      errors.setFieldErrors(
        problems.map((p) => ({
          name: p.name,
          message:
            (p.name === 'due_date' ? dateError(t, form.dueDate, t('improvement.propose.dueDate')) : undefined) ??
            t(`improvement.propose.errors.${p.key}` as 'improvement.propose.errors.titleMissing'),
        })),
      );
      return;
    }
    const body = editBody(form, action);
    errors.clear();
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    edit.mutate(body, { onSuccess: () => setSaved(true), onError: errors.setProblem });
  }

  return (
    <section aria-labelledby="edit-heading" data-testid="edit-action">
      <details className="nhsuk-details" open={errors.hasErrors || saved || unchanged ? true : undefined}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text" id="edit-heading">
            {t('improvement.edit.title')}
          </span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{t('improvement.edit.lede')}</p>
          {saved ? <SuccessBanner title={t('improvement.edit.saved')} /> : null}
          {unchanged ? (
            <p className="nhsuk-body" role="status">
              {t('improvement.edit.unchanged')}
            </p>
          ) : null}
          <form noValidate onSubmit={submit} data-testid="edit-action-form">
            <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
            <TitleDescriptionFields values={form} onChange={set} errors={errors} />
            <Textarea
              id={errors.idFor('summary')}
              label={t('improvement.edit.summaryEn')}
              hint={t('improvement.edit.summaryHint')}
              value={form.summaryEn}
              onChange={(e) => set('summaryEn', e.target.value)}
              error={errors.fieldError('summary')}
            />
            <Textarea
              id={errors.idFor('summary_cy')}
              lang="cy"
              label={t('improvement.edit.summaryCy')}
              value={form.summaryCy}
              onChange={(e) => set('summaryCy', e.target.value)}
            />
            <Select
              id={errors.idFor('standard_id')}
              label={t('improvement.propose.standard')}
              value={form.standardId}
              onChange={(e) => set('standardId', e.target.value)}
              error={errors.fieldError('standard_id')}
              options={[
                { value: '', label: t('common.notGiven') },
                ...(standards.data ?? []).map((s) => ({ value: s.id, label: `${s.code}: ${localized(s.title, i18n.language)}` })),
              ]}
            />
            <DateInput
              id={errors.idFor('due_date')}
              label={t('improvement.propose.dueDate')}
              hint={t('improvement.edit.dueDateHint')}
              value={form.dueDate}
              onChange={(value) => set('dueDate', value)}
              error={errors.fieldError('due_date')}
            />
            <Button type="submit" busy={edit.isPending}>
              {t('improvement.edit.submit')}
            </Button>
          </form>
        </div>
      </details>
    </section>
  );
}
