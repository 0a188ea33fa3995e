import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT } from './fixtures';
import {
  DONT_KNOW,
  answerKeyOf,
  conditionsHold,
  evaluate,
  forgetSubmissionId,
  groupBySection,
  submissionIdFor,
} from './logic';

const QUESTIONS = CONTENT.questions ?? [];

describe('conditions', () => {
  it('holds when the referenced answer is one of the values, as the server decides', () => {
    const q = QUESTIONS[1]!;
    expect(conditionsHold(q, { has_plan: 'yes' })).toBe(true);
    expect(conditionsHold(q, { has_plan: 'no' })).toBe(false);
    expect(conditionsHold(q, { has_plan: DONT_KNOW })).toBe(false);
    expect(conditionsHold(q, {})).toBe(false);
  });

  it('holds for any of a multiple-choice answer, and compares numbers as text', () => {
    expect(conditionsHold(QUESTIONS[3]!, { helped: ['gp', 'nurse'] })).toBe(true);
    expect(conditionsHold(QUESTIONS[3]!, { helped: ['gp'] })).toBe(false);
    const onRating = { ...QUESTIONS[0]!, conditions: [{ question: 'r', values: ['7'] }] };
    expect(conditionsHold(onRating, { r: 7 })).toBe(true);
  });

  it('hides a question and drops its answer when an earlier answer changes', () => {
    const shown = evaluate(CONTENT, { has_plan: 'yes', plan_useful: '8' });
    expect(shown.shown).toContain('plan_useful');
    expect(shown.answers).toEqual({ has_plan: 'yes', plan_useful: 8 });

    const hidden = evaluate(CONTENT, { has_plan: 'no', plan_useful: '8' });
    expect(hidden.shown).not.toContain('plan_useful');
    expect(hidden.answers).toEqual({ has_plan: 'no' });
    expect(hidden.problems).toEqual([]);
  });
});

describe('validation', () => {
  it('asks for required answers of the questions shown only', () => {
    expect(evaluate(CONTENT, {}).problems).toEqual([{ key: 'has_plan', code: 'required' }]);
    expect(evaluate(CONTENT, { has_plan: 'yes' }).problems).toEqual([{ key: 'plan_useful', code: 'required' }]);
    expect(evaluate(CONTENT, { has_plan: 'no', helped: ['nurse'] }).problems).toEqual([
      { key: 'nurse_good', code: 'required' },
    ]);
    expect(evaluate(CONTENT, { has_plan: '  ' }).problems).toEqual([{ key: 'has_plan', code: 'required' }]);
  });

  it('checks numbers, dates and lengths, and sends the typed values', () => {
    const base = { has_plan: DONT_KNOW };
    expect(evaluate(CONTENT, { ...base, visits: 'lots' }).problems).toEqual([{ key: 'visits', code: 'number' }]);
    expect(evaluate(CONTENT, { ...base, visits: '51' }).problems).toEqual([{ key: 'visits', code: 'max', limit: 50 }]);
    expect(evaluate(CONTENT, { ...base, visits: '-1' }).problems).toEqual([{ key: 'visits', code: 'min', limit: 0 }]);
    expect(evaluate(CONTENT, { ...base, when: '2026-02-30x' }).problems).toEqual([{ key: 'when', code: 'date' }]);
    expect(evaluate(CONTENT, { ...base, say: 'too long' }).problems).toEqual([{ key: 'say', code: 'maxLength', limit: 5 }]);
    const ok = evaluate(CONTENT, { ...base, visits: '2,5', when: '2026-01-31', say: ' hi ', helped: ['gp'] });
    expect(ok.problems).toEqual([]);
    expect(ok.answers).toEqual({ has_plan: DONT_KNOW, visits: 2.5, when: '2026-01-31', say: 'hi', helped: ['gp'] });
  });

  it('groups the questions shown by section, in order', () => {
    const groups = groupBySection(CONTENT, ['has_plan', 'visits', 'say']);
    expect(groups.map((g) => [g.section?.key, g.questions.map((q) => q.key)])).toEqual([
      ['care', ['has_plan']],
      ['better', ['visits', 'say']],
    ]);
  });

  it('reads the question key from an API field error', () => {
    expect(answerKeyOf('body.answers.plan_useful')).toBe('plan_useful');
    expect(answerKeyOf('body.consent')).toBeNull();
  });
});

describe('submission id', () => {
  afterEach(() => window.sessionStorage.clear());

  it('is made once per form and kept until the response is in', () => {
    const first = submissionIdFor('tok');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(submissionIdFor('tok')).toBe(first);
    expect(window.sessionStorage.getItem('gwella.submission.tok')).toBe(first);
    expect(submissionIdFor('other')).not.toBe(first);
    forgetSubmissionId('tok');
    expect(submissionIdFor('tok')).not.toBe(first);
  });
});
