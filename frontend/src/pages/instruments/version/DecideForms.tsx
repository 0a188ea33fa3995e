import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contribution, Instrument, InstrumentVersion, Question, QuestionType } from '../../../api/types';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, Select, TextInput, Textarea } from '../../../components/fields';
import { useFormErrors, type FieldError } from '../../../components/useFormErrors';
import { useAcceptContributionMutation, useDeclineContributionMutation } from '../../../features/instruments/api';
import { acceptDraft, likertOptions } from '../editorModel';

// An editor's decision on a co-design suggestion: accept it as a question, or decline it with a reason.

const ACCEPT_TYPES: QuestionType[] = ['free_text', 'yes_no', 'rating', 'likert'];

/** Accept a suggestion: it becomes a question (the editor may edit it first), credited to its author. */
export function AcceptForm({
  contribution: c,
  version,
  instrument,
  onDone,
}: {
  contribution: Contribution;
  version: InstrumentVersion;
  instrument: Instrument;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const accept = useAcceptContributionMutation(version.id, c.id);
  const proposed = c.proposed_question ?? null;
  const prefix = `accept-${c.id}-`;
  const [draft] = useState(() => acceptDraft(c, (version.content.questions ?? []).map((q) => q.key)));
  const [key, setKey] = useState(draft.key);
  const [type, setType] = useState<QuestionType>(proposed?.type ?? 'free_text');
  const [textEn, setTextEn] = useState(draft.textEn);
  const [textCy, setTextCy] = useState(draft.textCy);
  const [reason, setReason] = useState('');
  const form = useFormErrors(prefix, {
    key: t('instruments.editor.key'),
    en: t('instruments.editor.textEn'),
    cy: t('instruments.editor.textCy'),
    type: t('instruments.editor.type'),
  });
  const needsCy = instrument.languages.includes('cy');
  const needsEn = instrument.languages.includes('en');

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!/^[a-z][a-z0-9_]*$/.test(key)) problems.push({ name: 'key', message: t('instruments.editor.keyInvalid') });
    if (needsEn && textEn.trim() === '') problems.push({ name: 'en', message: t('instruments.editor.textMissing') });
    if (needsCy && textCy.trim() === '') problems.push({ name: 'cy', message: t('instruments.editor.textMissing') });
    if (problems.length) {
      form.setFieldErrors(problems);
      return;
    }
    const question: Question = {
      ...(proposed ?? {}),
      key,
      type,
      text: { ...(needsEn ? { en: textEn.trim() } : {}), ...(needsCy ? { cy: textCy.trim() } : {}) },
      required: proposed?.required ?? false,
      allow_dont_know: proposed?.allow_dont_know ?? false,
      options: type === 'likert' ? likertOptions() : type === proposed?.type ? (proposed.options ?? []) : [],
      conditions: proposed?.conditions ?? [],
      max_length: type === 'free_text' ? (proposed?.max_length ?? 1000) : null,
    };
    form.clear();
    accept.mutate({ question, reason: reason.trim() || null }, { onSuccess: onDone, onError: form.setProblem });
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('instruments.codesign.acceptTitle')}>
      <h4 className="nhsuk-heading-s">{t('instruments.codesign.acceptTitle')}</h4>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput id={form.idFor('key')} label={t('instruments.editor.key')} hint={t('instruments.editor.keyHint')} value={key} onChange={(e) => setKey(e.target.value)} error={form.fieldError('key')} />
      <Select
        id={form.idFor('type')}
        label={t('instruments.editor.type')}
        value={type}
        onChange={(e) => setType(e.target.value as QuestionType)}
        options={ACCEPT_TYPES.map((value) => ({ value, label: t(`instruments.types.${value}`) }))}
        error={form.fieldError('type')}
      />
      {needsEn ? (
        <Textarea id={form.idFor('en')} lang="en" rows={2} label={t('instruments.editor.textEn')} value={textEn} onChange={(e) => setTextEn(e.target.value)} error={form.fieldError('en')} />
      ) : null}
      {needsCy ? (
        <Textarea id={form.idFor('cy')} lang="cy" rows={2} label={t('instruments.editor.textCy')} value={textCy} onChange={(e) => setTextCy(e.target.value)} error={form.fieldError('cy')} />
      ) : null}
      <Textarea id={`${prefix}reason`} rows={2} label={t('instruments.codesign.acceptReason')} hint={t('common.optional')} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="app-button-row">
        <Button type="submit" busy={accept.isPending}>
          {t('instruments.codesign.acceptConfirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

export function DeclineForm({ contribution: c, version, onDone }: { contribution: Contribution; version: InstrumentVersion; onDone: () => void }) {
  const { t } = useTranslation();
  const decline = useDeclineContributionMutation(version.id, c.id);
  const [reason, setReason] = useState('');
  const form = useFormErrors(`decline-${c.id}-`, { reason: t('instruments.codesign.declineReason') });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === '') {
      form.setFieldErrors([{ name: 'reason', message: t('instruments.codesign.declineReasonMissing') }]);
      return;
    }
    form.clear();
    decline.mutate(reason.trim(), { onSuccess: onDone, onError: form.setProblem });
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('instruments.codesign.decline')}>
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <Textarea
        id={form.idFor('reason')}
        rows={2}
        label={t('instruments.codesign.declineReason')}
        hint={t('instruments.codesign.declineReasonHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={form.fieldError('reason')}
      />
      <div className="app-button-row">
        <Button type="submit" variant="warning" busy={decline.isPending}>
          {t('instruments.codesign.declineConfirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
