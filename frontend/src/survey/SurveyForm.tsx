import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { InstrumentContent, Question } from '../api/types';
import { ApiProblem } from '../api/problem';
import { ErrorSummary, type SummaryItem } from '../components/ErrorSummary';
import { Button, Checkbox, CheckboxGroup, Radios, TextInput, Textarea } from '../components/fields';
import { DateInput } from '../components/DateInput';
import { describeProblem } from '../components/useFormErrors';
import {
  DONT_KNOW,
  RATING_VALUES,
  YES_NO_VALUES,
  answerKeyOf,
  evaluate,
  groupBySection,
  type AnswerProblem,
  type ApiAnswer,
  type FormAnswers,
  type FormValue,
} from './logic';
import { localized } from '../i18n/localized';

export interface SurveyFormProps {
  content: InstrumentContent;
  /** The language the questions are shown in. */
  language: 'en' | 'cy';
  /** Prefix of the input ids, so two forms on a page do not clash. */
  idPrefix?: string;
  submitLabel: string;
  /** Sends the answers; throws (an ApiProblem) when they were not taken. */
  onSubmit: (answers: Record<string, ApiAnswer>) => Promise<void>;
  /** A sentence for a problem that is not about one answer, or null to use the default. */
  describeError?: (error: unknown) => string | null;
  /** Extra fields shown before the button (consent, say). */
  children?: ReactNode;
  /** Field errors from the API that are not about an answer (consent, say), by field name. */
  onOtherFieldErrors?: (errors: { field: string; message: string }[]) => void;
  /**
   * How such an error reads in the error summary (with the id of its input to link to), or
   * null to leave it out of the summary.
   */
  describeOtherField?: (error: { field: string; message: string }) => SummaryItem | null;
}

export function questionInputId(prefix: string, key: string): string {
  return `${prefix}${key}`;
}

/**
 * A survey as a respondent fills it in: only the questions whose conditions hold are
 * shown (re-evaluated with every answer), what is missing is said in an NHS error
 * summary and beside each question, and a second press while sending does nothing.
 */
export function SurveyForm({
  content,
  language,
  idPrefix = 'answer-',
  submitLabel,
  onSubmit,
  describeError,
  children,
  onOtherFieldErrors,
  describeOtherField,
}: SurveyFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormAnswers>({});
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [otherItems, setOtherItems] = useState<SummaryItem[]>([]);
  const [detail, setDetail] = useState<string | null>(null);
  // The sending is a mutation (its pending state keeps the button busy); the ref refuses
  // a second press that comes before the page has re-rendered as busy.
  const sendingRef = useRef(false);
  const send = useMutation({
    mutationFn: onSubmit,
    onError: showSubmitError,
    onSettled: () => {
      sendingRef.current = false;
    },
    // onSubmit decides how it reaches the network; this mutation only carries its state.
    networkMode: 'always',
  });
  const sending = send.isPending;

  const evaluation = useMemo(() => evaluate(content, form), [content, form]);
  const byKey = useMemo(() => new Map((content.questions ?? []).map((q) => [q.key, q])), [content]);
  const groups = useMemo(() => groupBySection(content, evaluation.shown), [content, evaluation.shown]);
  const shownSet = new Set(evaluation.shown);

  function problemText(problem: AnswerProblem): string {
    const question = byKey.get(problem.key);
    const text = question ? localized(question.text, language) : problem.key;
    switch (problem.code) {
      case 'required':
        return question && isChoice(question)
          ? t('survey.errors.requiredChoice', { question: text })
          : t('survey.errors.required', { question: text });
      case 'number':
        return t('survey.errors.number', { question: text });
      case 'min':
        return t('survey.errors.min', { question: text, limit: problem.limit });
      case 'max':
        return t('survey.errors.max', { question: text, limit: problem.limit });
      case 'date':
        return t('survey.errors.date', { question: text });
      case 'maxLength':
        return t('survey.errors.maxLength', { question: text, limit: problem.limit });
    }
  }

  // Problems are shown only for questions still on screen.
  const visibleProblems = problems.filter((p) => shownSet.has(p.key));
  const errorFor = (key: string): string | undefined => {
    const problem = visibleProblems.find((p) => p.key === key);
    if (problem) return problemText(problem);
    return shownSet.has(key) ? serverErrors[key] : undefined;
  };
  const summaryItems: SummaryItem[] = [
    ...visibleProblems.map((p) => ({ text: problemText(p), targetId: questionInputId(idPrefix, p.key) })),
    ...Object.entries(serverErrors)
      .filter(([key]) => shownSet.has(key) && !visibleProblems.some((p) => p.key === key))
      .map(([key, message]) => {
        const question = byKey.get(key);
        return {
          text: `${question ? localized(question.text, language) : key}: ${message}`,
          targetId: questionInputId(idPrefix, key),
        };
      }),
    ...otherItems,
  ];

  function setAnswer(key: string, value: FormValue | undefined) {
    setForm((previous) => ({ ...previous, [key]: value }));
    // Once a question is answered again its old message goes; the rest stay until the next try.
    setProblems((previous) => previous.filter((p) => p.key !== key));
    setServerErrors((previous) => {
      if (!(key in previous)) return previous;
      const next = { ...previous };
      delete next[key];
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (sendingRef.current) return;
    setDetail(null);
    setServerErrors({});
    setOtherItems([]);
    const current = evaluate(content, form);
    setProblems(current.problems);
    if (current.problems.length > 0) return;
    if (Object.keys(current.answers).length === 0) {
      // A blank form says nothing (the API refuses it too): said here at once.
      setDetail(t('survey.errors.noAnswer'));
      return;
    }
    sendingRef.current = true;
    send.mutate(current.answers);
  }

  /** Say why the answers were not taken: beside the answers named, else in the summary. */
  function showSubmitError(error: unknown) {
    const answerErrors: Record<string, string> = {};
    const other: { field: string; message: string }[] = [];
    if (error instanceof ApiProblem && error.status === 422 && error.errors.length > 0) {
      for (const fieldError of error.errors) {
        const key = answerKeyOf(fieldError.field);
        if (key) answerErrors[key] = fieldError.message;
        else other.push(fieldError);
      }
      setServerErrors(answerErrors);
      onOtherFieldErrors?.(other);
      const described = describeOtherField ? other.map(describeOtherField).filter((item): item is SummaryItem => item !== null) : [];
      setOtherItems(described);
      if (Object.keys(answerErrors).length === 0 && other.length === 0) {
        setDetail(describeError?.(error) ?? describeProblem(error, t));
      } else if (other.length > described.length && !onOtherFieldErrors) {
        setDetail(other.map((o) => o.message).join(' '));
      }
    } else {
      setDetail(describeError?.(error) ?? describeProblem(error, t));
    }
  }

  return (
    <form noValidate onSubmit={submit} data-testid="survey-form">
      <ErrorSummary detail={detail} items={summaryItems} />
      <div lang={language}>
        {groups.map((group, index) => (
          <section key={`${group.section?.key ?? 'none'}-${index}`} className="app-survey-section">
            {group.section ? <h2 className="nhsuk-heading-m">{localized(group.section.title, language)}</h2> : null}
            {group.questions.map((question) => (
              <QuestionField
                key={question.key}
                id={questionInputId(idPrefix, question.key)}
                question={question}
                language={language}
                value={form[question.key]}
                error={errorFor(question.key)}
                onChange={(value) => setAnswer(question.key, value)}
              />
            ))}
          </section>
        ))}
      </div>
      {children}
      <Button type="submit" busy={sending} disabled={sending} data-testid="survey-submit">
        {sending ? t('survey.sending') : submitLabel}
      </Button>
    </form>
  );
}

function isChoice(question: Question): boolean {
  return ['likert', 'single_choice', 'multiple_choice', 'rating', 'yes_no'].includes(question.type);
}

interface QuestionFieldProps {
  id: string;
  question: Question;
  language: 'en' | 'cy';
  value: FormValue | undefined;
  error: string | undefined;
  onChange: (value: FormValue | undefined) => void;
}

/** One question, drawn with the NHS input that fits its type. */
export function QuestionField({ id, question, language, value, error, onChange }: QuestionFieldProps) {
  const { i18n } = useTranslation();
  // Answer choices are in the survey's language, whatever the page language is.
  const tl = i18n.getFixedT(language);
  const label = (
    <>
      {localized(question.text, language)}
      {question.required ? null : <span className="nhsuk-u-secondary-text-color"> {tl('survey.optional')}</span>}
    </>
  );
  const helpText = question.help ? localized(question.help, language) : '';
  const hint = helpText !== '' ? helpText : undefined;
  const dontKnow = question.allow_dont_know ? [{ value: DONT_KNOW, label: tl('survey.dontKnow') }] : [];
  const text = typeof value === 'string' ? value : '';
  const isDontKnow = value === DONT_KNOW;

  switch (question.type) {
    case 'likert':
    case 'single_choice':
      return (
        <Radios
          id={id}
          name={id}
          legend={label}
          hint={hint}
          error={error}
          value={text}
          onChange={onChange}
          options={[
            ...(question.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, language) })),
            ...dontKnow,
          ]}
        />
      );
    case 'yes_no':
      return (
        <Radios
          id={id}
          name={id}
          legend={label}
          hint={hint}
          error={error}
          value={text}
          onChange={onChange}
          inline={!question.allow_dont_know}
          options={[
            ...YES_NO_VALUES.map((v) => ({ value: v, label: tl(`survey.${v}`) })),
            ...dontKnow,
          ]}
        />
      );
    case 'rating':
      return (
        <div className="app-rating">
          <Radios
            id={id}
            name={id}
            legend={label}
            hint={hint ?? tl('survey.ratingHint')}
            error={error}
            value={text}
            onChange={onChange}
            inline
            options={[...RATING_VALUES.map((v) => ({ value: v, label: v })), ...dontKnow]}
          />
        </div>
      );
    case 'multiple_choice':
      return (
        <CheckboxGroup
          id={id}
          legend={label}
          hint={hint ?? tl('survey.chooseAll')}
          error={error}
          values={Array.isArray(value) ? value : isDontKnow ? [DONT_KNOW] : []}
          onChange={(values) => {
            // "Don't know" is an answer of its own: choosing it clears the others, and back.
            const picked = values.filter((v) => !(Array.isArray(value) ? value : [value]).includes(v));
            if (picked.includes(DONT_KNOW)) onChange(DONT_KNOW);
            else onChange(values.filter((v) => v !== DONT_KNOW));
          }}
          options={[
            ...(question.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, language) })),
            ...dontKnow,
          ]}
        />
      );
    default: {
      const rangeHint =
        question.type === 'number' && (question.min != null || question.max != null)
          ? question.min != null && question.max != null
            ? tl('survey.numberBetween', { min: question.min, max: question.max })
            : question.min != null
              ? tl('survey.numberAtLeast', { min: question.min })
              : tl('survey.numberAtMost', { max: question.max })
          : undefined;
      const fullHint = [hint, rangeHint].filter(Boolean).join(' ') || undefined;
      const input =
        question.type === 'free_text' ? (
          <Textarea
            id={id}
            label={label}
            hint={fullHint}
            error={error}
            value={isDontKnow ? '' : text}
            disabled={isDontKnow}
            limit={question.max_length ?? undefined}
            countLanguage={language}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : question.type === 'date' ? (
          <DateInput
            id={id}
            label={label}
            hint={fullHint}
            error={error}
            language={language}
            value={isDontKnow ? '' : text}
            disabled={isDontKnow}
            onChange={onChange}
          />
        ) : (
          <TextInput
            id={id}
            label={label}
            hint={fullHint}
            error={error}
            type="text"
            inputMode={question.type === 'number' ? 'decimal' : undefined}
            widthClass={question.type === 'number' ? 'nhsuk-input--width-10' : undefined}
            value={isDontKnow ? '' : text}
            disabled={isDontKnow}
            onChange={(event) => onChange(event.target.value)}
          />
        );
      return (
        <div className="app-question">
          {input}
          {question.allow_dont_know ? (
            <Checkbox
              id={`${id}-dont-know`}
              label={tl('survey.dontKnow')}
              checked={isDontKnow}
              onChange={(checked) => onChange(checked ? DONT_KNOW : undefined)}
            />
          ) : null}
        </div>
      );
    }
  }
}
