import { useEffect, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, TextInput, Textarea } from '../../components/fields';
import { SuccessBanner } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { TitleDescriptionFields } from './TitleDescriptionFields';
import { ACTIONS_KEY, actionKey, useStandards } from '../../features/actions/api';
import { checkEdit, editBody, editFormOf, type Action, type EditForm } from './actionsModel';
import { localized } from '../../i18n/localized';

/**
 * Edit an action's texts (title, description, the public "you said, we did" summary, in
 * English and Welsh), its standard and due date. Sent with If-Match: if someone else saved
 * a change meanwhile, the API answers 412, which is explained and the latest version loaded.
 */
export function EditActionForm({ action }: { action: Action }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const standards = useStandards();
  const [form, setForm] = useState<EditForm>(() => editFormOf(action));
  const [busy, setBusy] = useState(false);
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

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setUnchanged(false);
    const problems = checkEdit(form);
    if (problems.length > 0) {
      errors.setFieldErrors(
        problems.map((p) => ({ name: p.name, message: t(`improvement.propose.errors.${p.key}` as 'improvement.propose.errors.titleMissing') })),
      );
      return;
    }
    const body = editBody(form, action);
    errors.clear();
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    try {
      const updated = await unwrap(
        api.PATCH('/api/v1/actions/{action_id}', {
          params: { path: { action_id: action.id }, header: { 'If-Match': `"${action.version}"` } },
          body,
        }),
      );
      queryClient.setQueryData(actionKey(action.id), updated);
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ACTIONS_KEY });
    } catch (error) {
      errors.setProblem(error);
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: actionKey(action.id) });
      }
    } finally {
      setBusy(false);
    }
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
          <form noValidate onSubmit={(event) => void submit(event)} data-testid="edit-action-form">
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
            <TextInput
              id={errors.idFor('due_date')}
              type="date"
              label={t('improvement.propose.dueDate')}
              hint={t('improvement.edit.dueDateHint')}
              widthClass="nhsuk-input--width-10"
              value={form.dueDate}
              onChange={(e) => set('dueDate', e.target.value)}
              error={errors.fieldError('due_date')}
            />
            <Button type="submit" busy={busy}>
              {t('improvement.edit.submit')}
            </Button>
          </form>
        </div>
      </details>
    </section>
  );
}
