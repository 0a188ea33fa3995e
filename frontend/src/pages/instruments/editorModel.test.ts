import { describe, expect, it } from 'vitest';
import type { InstrumentContent, Question } from '../../api/types';
import { acceptDraft, conditionValues, keyFrom, locateContentError, move, newQuestion, serialiseContent, withType } from './editorModel';

describe('editor serialisation', () => {
  it('keeps only the fields each type takes, texts only in the instrument languages', () => {
    const content: InstrumentContent = {
      sections: [{ key: ' care ', title: { en: ' Care ', cy: 'Gofal' } }],
      questions: [
        {
          key: 'visits',
          type: 'number',
          text: { en: ' Visits? ', cy: ' Ymweliadau? ' },
          help: { en: '', cy: '' },
          required: true,
          allow_dont_know: false,
          options: [{ value: 'x', label: { en: 'X', cy: 'X' } }],
          min: 0,
          max: 10,
          max_length: 50,
          conditions: [{ question: '', values: [] }],
          section: '',
          indicator_code: '  ',
        },
        {
          key: 'say',
          type: 'free_text',
          text: { en: 'Say', cy: 'Dweud' },
          required: false,
          allow_dont_know: false,
          options: [],
          min: 3,
          max_length: 200,
          conditions: [{ question: 'visits', values: ['1'] }],
          section: 'care',
          indicator_code: 'SU-1',
          credited_to: 'Sam',
        },
      ],
    };
    const out = serialiseContent(content, ['en']);
    expect(out.sections).toEqual([{ key: 'care', title: { en: 'Care' } }]);
    expect(out.questions?.[0]).toEqual({
      key: 'visits',
      type: 'number',
      text: { en: 'Visits?' },
      help: null,
      required: true,
      allow_dont_know: false,
      options: [],
      min: 0,
      max: 10,
      max_length: null,
      conditions: [],
      section: null,
      indicator_code: null,
    });
    expect(out.questions?.[1]).toMatchObject({ min: null, max: null, max_length: 200, section: 'care', indicator_code: 'SU-1', credited_to: 'Sam', conditions: [{ question: 'visits', values: ['1'] }] });
    expect(serialiseContent(content, ['en', 'cy']).questions?.[0]?.text).toEqual({ en: 'Visits?', cy: 'Ymweliadau?' });
  });

  it('gives each new type what it needs', () => {
    const q = newQuestion('likert', ['question_1']);
    expect(q.key).toBe('question_2');
    expect(q.options).toHaveLength(5);
    expect(withType(q, 'yes_no').options).toEqual([]);
    expect(withType(withType(q, 'yes_no'), 'single_choice').options).toHaveLength(2);
    expect(withType(q, 'multiple_choice').options).toHaveLength(5);
  });

  it('offers the answers a condition can test', () => {
    expect(conditionValues(newQuestion('yes_no', []), 'en').map((v) => v.value)).toEqual(['yes', 'no']);
    expect(conditionValues({ ...newQuestion('yes_no', []), allow_dont_know: true }, 'en').map((v) => v.value)).toContain('dont_know');
    expect(conditionValues(newQuestion('rating', []), 'en')).toHaveLength(11);
    expect(conditionValues(newQuestion('free_text', []), 'en')).toEqual([]);
    // A choice is labelled in the reader's language, else the other, else by its value.
    const choice: Question = {
      ...newQuestion('single_choice', []),
      options: [
        { value: 'bus', label: { en: 'Bus', cy: 'Bws' } },
        { value: 'walk', label: { en: 'Walk', cy: '' } },
        { value: 'car', label: { en: '', cy: '' } },
      ],
    };
    expect(conditionValues(choice, 'cy').map((v) => v.label)).toEqual(['Bws', 'Walk', 'car']);
    expect(conditionValues(choice, 'en').map((v) => v.label)).toEqual(['Bus', 'Walk', 'car']);
  });

  it('places API field errors on the question or section they concern', () => {
    expect(locateContentError('body.content.questions.2.text.cy')).toEqual({ question: 2, field: 'text.cy' });
    expect(locateContentError('body.content.questions.0')).toEqual({ question: 0, field: '' });
    expect(locateContentError('body.content.sections.1.key')).toEqual({ section: 1, field: 'key' });
    expect(locateContentError('body.other')).toBeNull();
  });

  it('makes keys and moves questions', () => {
    expect(keyFrom('Were you given help with money?')).toBe('were_you_given_help_with_money');
    expect(keyFrom('2 things')).toBe('q_2_things');
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});

describe('accepting a co-design suggestion', () => {
  it('puts Welsh words in the Welsh text and English words in the English, never the other way', () => {
    const welsh = { body: 'Oeddech chi’n gallu siarad Cymraeg â’r tîm?', language: 'cy' };
    expect(acceptDraft(welsh, [])).toEqual({ key: 'oeddech_chi_n_gallu_siarad_cymraeg_a_r_tim', textEn: '', textCy: welsh.body });
    expect(acceptDraft({ body: 'Were you listened to?', language: 'en' }, [])).toEqual({ key: 'were_you_listened_to', textEn: 'Were you listened to?', textCy: '' });
    // Not recorded (suggestions made before the language was): as before, English.
    expect(acceptDraft({ body: 'Parking', language: null }, []).textEn).toBe('Parking');
  });

  it('makes a valid key: an ASCII slug with Welsh letters folded, unique among the draft’s keys', () => {
    expect(keyFrom('Ŵyr ŷd, â’r tîm!')).toBe('wyr_yd_a_r_tim');
    expect(keyFrom('Pa mor hawdd oedd hi?', ['pa_mor_hawdd_oedd_hi'])).toBe('pa_mor_hawdd_oedd_hi_2');
    expect(keyFrom('ẞ…', [])).toMatch(/^[a-z][a-z0-9_]*$/);
    for (const body of ['’’’', '1 2 3', 'Éé', 'Ŷ']) expect(keyFrom(body)).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
