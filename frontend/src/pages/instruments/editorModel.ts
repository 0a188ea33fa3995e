// The instrument editor's model: questions as the form holds them, and their
// serialisation into the API's content (only the fields each type takes).
import type { InstrumentContent, Question, QuestionType } from '../../api/types';
import { localized } from '../../i18n/localized';

export const QUESTION_TYPES: QuestionType[] = [
  'likert',
  'single_choice',
  'multiple_choice',
  'rating',
  'yes_no',
  'number',
  'date',
  'free_text',
];

export const CHOICE_TYPES: QuestionType[] = ['likert', 'single_choice', 'multiple_choice'];

const LIKERT: [string, string][] = [
  ['Strongly disagree', 'Anghytuno’n gryf'],
  ['Disagree', 'Anghytuno'],
  ['Neither agree nor disagree', 'Ddim yn cytuno nac yn anghytuno'],
  ['Agree', 'Cytuno'],
  ['Strongly agree', 'Cytuno’n gryf'],
];

/** The usual five-point agreement scale, in both languages. */
export function likertOptions(): NonNullable<Question['options']> {
  return LIKERT.map(([en, cy], i) => ({ value: String(i + 1), label: { en, cy } }));
}

/**
 * A question key from a wording: an ASCII slug, letters with accents or a circumflex (Welsh
 * â ê î ô û ŵ ŷ, and the like) folded to their plain letter so words stay whole; a key is made
 * unique among `taken` by a number.
 */
export function keyFrom(text: string, taken: readonly string[] = []): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 48);
  const base = slug === '' ? 'question' : /^[a-z]/.test(slug) ? slug : `q_${slug}`;
  let key = base;
  for (let n = 2; taken.includes(key); n += 1) key = `${base.slice(0, 44)}_${n}`;
  return key;
}

/**
 * What accepting a suggestion starts from: its own question if it proposed one, else its words
 * in the language they were written in (English when that was not recorded), the other
 * language left for the editor to write, and a key made from the words.
 */
export function acceptDraft(
  contribution: { body: string; language?: string | null; proposed_question?: Question | null },
  taken: readonly string[],
): { key: string; textEn: string; textCy: string } {
  const proposed = contribution.proposed_question ?? null;
  if (proposed) return { key: proposed.key, textEn: proposed.text.en ?? '', textCy: proposed.text.cy ?? '' };
  const welsh = contribution.language === 'cy';
  return {
    key: keyFrom(contribution.body, taken),
    textEn: welsh ? '' : contribution.body,
    textCy: welsh ? contribution.body : '',
  };
}

/** A new question of a type, with what that type needs. */
export function newQuestion(type: QuestionType, existingKeys: string[]): Question {
  let n = existingKeys.length + 1;
  while (existingKeys.includes(`question_${n}`)) n += 1;
  return withType({ key: `question_${n}`, type, text: { en: '', cy: '' }, required: false, allow_dont_know: false, options: [], conditions: [] }, type);
}

/** Change a question's type: keep what still applies, add what the new type needs. */
export function withType(question: Question, type: QuestionType): Question {
  const next: Question = { ...question, type };
  if (type === 'likert' && (question.options ?? []).length !== 5) next.options = likertOptions();
  else if (CHOICE_TYPES.includes(type)) {
    if ((question.options ?? []).length === 0) {
      next.options = [
        { value: 'option_1', label: { en: '', cy: '' } },
        { value: 'option_2', label: { en: '', cy: '' } },
      ];
    }
  } else next.options = [];
  if (type === 'free_text' && !next.max_length) next.max_length = 1000;
  return next;
}

function cleanText<T extends { en?: string | null; cy?: string | null }>(text: T, languages: string[]) {
  const out: { en?: string | null; cy?: string | null } = {};
  for (const lang of ['en', 'cy'] as const) {
    if (languages.includes(lang)) out[lang] = (text[lang] ?? '').trim();
  }
  return out;
}

/**
 * The content to save: each question carries only the fields its type takes, texts
 * only in the instrument's languages, empty help and conditions without values left out.
 */
export function serialiseContent(content: InstrumentContent, languages: string[]): InstrumentContent {
  const questions = (content.questions ?? []).map((q) => {
    const help = q.help && (q.help.en ?? '').trim() + (q.help.cy ?? '').trim() !== '' ? cleanText(q.help, languages) : null;
    const out: Question = {
      key: q.key.trim(),
      type: q.type,
      text: cleanText(q.text, languages),
      help,
      required: Boolean(q.required),
      allow_dont_know: Boolean(q.allow_dont_know),
      options: CHOICE_TYPES.includes(q.type)
        ? (q.options ?? []).map((o) => ({ value: o.value.trim(), label: cleanText(o.label, languages) }))
        : [],
      min: q.type === 'number' ? (q.min ?? null) : null,
      max: q.type === 'number' ? (q.max ?? null) : null,
      max_length: q.type === 'free_text' ? (q.max_length ?? null) : null,
      conditions: (q.conditions ?? []).filter((c) => c.question !== '' && c.values.length > 0),
      section: q.section || null,
      indicator_code: (q.indicator_code ?? '').trim() || null,
    };
    if (q.credited_to) out.credited_to = q.credited_to;
    return out;
  });
  const sections = (content.sections ?? []).map((s) => ({ key: s.key.trim(), title: cleanText(s.title, languages) }));
  return { sections, questions };
}

/** The answers a condition on this (earlier) question can test, labelled in the reader's language. */
export function conditionValues(question: Question, language: string): { value: string; label: string }[] {
  switch (question.type) {
    case 'yes_no':
      return [
        { value: 'yes', label: 'yes' },
        { value: 'no', label: 'no' },
        ...(question.allow_dont_know ? [{ value: 'dont_know', label: 'dont_know' }] : []),
      ];
    case 'rating':
      return Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));
    case 'likert':
    case 'single_choice':
    case 'multiple_choice':
      return [
        ...(question.options ?? []).map((o) => ({ value: o.value, label: localized(o.label, language) || o.value })),
        ...(question.allow_dont_know ? [{ value: 'dont_know', label: 'dont_know' }] : []),
      ];
    default:
      return [];
  }
}

/** Move an item up or down a list. */
export function move<T>(items: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return items;
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/**
 * Where an API field error belongs in the editor: `body.content.questions.2.text.cy` →
 * question 2, field `text.cy`.
 */
export function locateContentError(field: string): { question: number; field: string } | { section: number; field: string } | null {
  const q = /content\.questions\.(\d+)(?:\.(.+))?$/.exec(field);
  if (q) return { question: Number(q[1]), field: q[2] ?? '' };
  const s = /content\.sections\.(\d+)(?:\.(.+))?$/.exec(field);
  if (s) return { section: Number(s[1]), field: s[2] ?? '' };
  return null;
}
