// A small instrument for tests: conditions on yes/no and multiple choice, every input type.
import type { InstrumentContent } from '../api/types';

const text = (en: string) => ({ en, cy: `${en} (cy)` });

export const CONTENT: InstrumentContent = {
  sections: [
    { key: 'care', title: text('Your care') },
    { key: 'better', title: text('Better') },
  ],
  questions: [
    { key: 'has_plan', type: 'yes_no', text: text('Plan?'), required: true, allow_dont_know: true, section: 'care', options: [], conditions: [] },
    {
      key: 'plan_useful',
      type: 'rating',
      text: text('Useful?'),
      required: true,
      allow_dont_know: false,
      section: 'care',
      options: [],
      conditions: [{ question: 'has_plan', values: ['yes'] }],
    },
    {
      key: 'helped',
      type: 'multiple_choice',
      text: text('Who helped?'),
      required: false,
      allow_dont_know: false,
      section: 'care',
      options: [
        { value: 'gp', label: text('GP') },
        { value: 'nurse', label: text('Nurse') },
      ],
      conditions: [],
    },
    {
      key: 'nurse_good',
      type: 'yes_no',
      text: text('Nurse good?'),
      required: true,
      allow_dont_know: false,
      section: 'care',
      options: [],
      conditions: [{ question: 'helped', values: ['nurse'] }],
    },
    { key: 'visits', type: 'number', text: text('Visits'), required: false, allow_dont_know: false, min: 0, max: 50, options: [], conditions: [], section: 'better' },
    { key: 'when', type: 'date', text: text('When'), required: false, allow_dont_know: false, options: [], conditions: [], section: 'better' },
    { key: 'say', type: 'free_text', text: text('Say'), required: false, allow_dont_know: false, max_length: 5, options: [], conditions: [], section: 'better' },
  ],
};
