// The rules of filling in a survey, as the server applies them
// (backend/gwella/responses/validation.py): which questions are shown, what an
// answer must be, and what is sent. Kept free of React so it is easy to test.
import type { InstrumentContent, Question, Section } from '../api/types';

/** The answer meaning "don't know / prefer not to say", where a question offers it. */
export const DONT_KNOW = 'dont_know';
export const YES_NO_VALUES = ['yes', 'no'] as const;
export const RATING_VALUES = Array.from({ length: 11 }, (_, i) => String(i));

/** What the form holds for one question: text as typed, or the chosen option values. */
export type FormValue = string | string[];
export type FormAnswers = Record<string, FormValue | undefined>;

/** A JSON answer as the API takes it. */
export type ApiAnswer = string | number | string[];

/** A problem with one answer, as a message key (survey.errors.*) and its values. */
export interface AnswerProblem {
  key: string;
  code: 'required' | 'number' | 'min' | 'max' | 'date' | 'maxLength';
  limit?: number;
}

export function isMissing(value: FormValue | undefined): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return value.trim() === '';
}

/**
 * The answer as the API takes it, or an error code. Mirrors the server's checks so
 * the respondent hears about a problem before sending.
 */
export function toApiAnswer(
  question: Question,
  value: FormValue,
): { answer: ApiAnswer } | { problem: AnswerProblem['code']; limit?: number } {
  if (question.allow_dont_know && value === DONT_KNOW) return { answer: DONT_KNOW };
  switch (question.type) {
    case 'multiple_choice':
      return { answer: Array.isArray(value) ? value : [value] };
    case 'rating':
      return { answer: Number(value) };
    case 'number': {
      const text = String(value).trim().replace(',', '.');
      if (!/^-?\d+(\.\d+)?$/.test(text)) return { problem: 'number' };
      const number = Number(text);
      if (question.min !== null && question.min !== undefined && number < question.min) {
        return { problem: 'min', limit: question.min };
      }
      if (question.max !== null && question.max !== undefined && number > question.max) {
        return { problem: 'max', limit: question.max };
      }
      return { answer: number };
    }
    case 'date': {
      const text = String(value).trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
        return { problem: 'date' };
      }
      return { answer: text };
    }
    case 'free_text': {
      const text = String(value).trim();
      if (question.max_length && text.length > question.max_length) {
        return { problem: 'maxLength', limit: question.max_length };
      }
      return { answer: text };
    }
    default:
      return { answer: Array.isArray(value) ? (value[0] ?? '') : value };
  }
}

/**
 * Whether a question's conditions all hold: for each, the referenced answer (or any of
 * a multiple-choice answer) is one of the listed values. `given` holds the valid
 * answers of the questions shown before it, as the server counts them.
 */
export function conditionsHold(question: Question, given: Record<string, ApiAnswer>): boolean {
  for (const condition of question.conditions ?? []) {
    const answer = given[condition.question];
    if (answer === undefined) return false;
    const values = Array.isArray(answer) ? answer : [answer];
    if (!values.some((v) => condition.values.includes(String(v)))) return false;
  }
  return true;
}

export interface Evaluation {
  /** The keys of the questions shown, in order. */
  shown: string[];
  /** What would be sent: the valid answers of the questions shown. */
  answers: Record<string, ApiAnswer>;
  /** Problems with the questions shown (missing required answers, bad values). */
  problems: AnswerProblem[];
}

/** Walk the questions in order, as the server does, with the form's answers. */
export function evaluate(content: InstrumentContent, form: FormAnswers): Evaluation {
  const shown: string[] = [];
  const answers: Record<string, ApiAnswer> = {};
  const problems: AnswerProblem[] = [];
  for (const question of content.questions ?? []) {
    if (!conditionsHold(question, answers)) continue;
    shown.push(question.key);
    const value = form[question.key];
    if (value === undefined || isMissing(value)) {
      if (question.required) problems.push({ key: question.key, code: 'required' });
      continue;
    }
    const result = toApiAnswer(question, value);
    if ('answer' in result) {
      answers[question.key] = result.answer;
    } else {
      problems.push({
        key: question.key,
        code: result.problem,
        ...(result.limit !== undefined ? { limit: result.limit } : {}),
      });
    }
  }
  return { shown, answers, problems };
}

/** Questions grouped by section, in the order they come (questions without a section on their own). */
export function groupBySection(
  content: InstrumentContent,
  keys: string[],
): { section: Section | null; questions: Question[] }[] {
  const wanted = new Set(keys);
  const groups: { section: Section | null; questions: Question[] }[] = [];
  for (const question of content.questions ?? []) {
    if (!wanted.has(question.key)) continue;
    const section = (content.sections ?? []).find((s) => s.key === question.section) ?? null;
    const last = groups[groups.length - 1];
    if (last && (last.section?.key ?? null) === (section?.key ?? null)) {
      last.questions.push(question);
    } else {
      groups.push({ section, questions: [question] });
    }
  }
  return groups;
}

// --- One submission id per filled-in form ------------------------------------------

const SUBMISSION_PREFIX = 'gwella.submission.';

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers: a version 4 UUID from getRandomValues.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const memoryIds = new Map<string, string>();

/**
 * The submission id of the form being filled in for this survey link: made once, kept
 * in sessionStorage (so a reload or a retry after a lost connection sends the same id
 * and the server never records a second response), forgotten once the response is in.
 */
export function submissionIdFor(scope: string): string {
  const storageKey = SUBMISSION_PREFIX + scope;
  try {
    const kept = window.sessionStorage.getItem(storageKey);
    if (kept) return kept;
    const id = newId();
    window.sessionStorage.setItem(storageKey, id);
    return id;
  } catch {
    // No storage (private mode): keep it for as long as the page lives.
    const kept = memoryIds.get(storageKey);
    if (kept) return kept;
    const id = newId();
    memoryIds.set(storageKey, id);
    return id;
  }
}

/** After a response has been received: the next form filled in gets a new id. */
export function forgetSubmissionId(scope: string): void {
  const storageKey = SUBMISSION_PREFIX + scope;
  memoryIds.delete(storageKey);
  try {
    window.sessionStorage.removeItem(storageKey);
  } catch {
    // nothing kept
  }
}

/** The question key of an API field error such as `body.answers.plan_useful`. */
export function answerKeyOf(field: string): string | null {
  const match = /(?:^|\.)answers\.([a-z][a-z0-9_]*)$/.exec(field);
  return match ? (match[1] ?? null) : null;
}
