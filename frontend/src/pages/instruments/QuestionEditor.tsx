import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Question, QuestionType, Section } from '../../api/types';
import { Button, Checkbox, CheckboxGroup, Select, TextInput, Textarea } from '../../components/fields';
import { CHOICE_TYPES, QUESTION_TYPES, conditionValues, withType } from './editorModel';
import { useContributorNames } from '../../features/instruments/api';
import { localized } from '../../i18n/localized';

/** Choose a question type and add a question of it. */
export function AddQuestion({ onAdd }: { onAdd: (type: QuestionType) => void }) {
  const { t } = useTranslation();
  const [type, setType] = useState<QuestionType>('likert');
  return (
    <div className="app-editor-card">
      <Select id="add-question-type" label={t('instruments.editor.newQuestionType')} value={type} onChange={(e) => setType(e.target.value as QuestionType)} options={QUESTION_TYPES.map((value) => ({ value, label: t(`instruments.types.${value}`) }))} />
      <Button type="button" variant="secondary" onClick={() => onAdd(type)}>
        {t('instruments.editor.addQuestion')}
      </Button>
    </div>
  );
}

interface QuestionEditorProps {
  index: number;
  question: Question;
  earlier: Question[];
  sections: Section[];
  languages: string[];
  errors: string[];
  onChange: (question: Question) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  last: boolean;
}

/** One question of the draft: its texts, type, options, conditions and credits. */
export function QuestionEditor({ index, question: q, earlier, sections, languages, errors, onChange, onRemove, onMove, last }: QuestionEditorProps) {
  const { t, i18n } = useTranslation();
  const { versionId = '' } = useParams();
  const names = useContributorNames(versionId);
  const p = `q${index}`;
  const langs = languages.filter((l): l is 'en' | 'cy' => l === 'en' || l === 'cy');
  const options = q.options ?? [];
  const conditions = q.conditions ?? [];
  const numberOrNull = (value: string) => (value.trim() === '' || Number.isNaN(Number(value)) ? null : Number(value));

  return (
    <fieldset className={`nhsuk-fieldset app-editor-card${errors.length ? ' nhsuk-form-group--error' : ''}`} data-testid="question-editor">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        {t('instruments.editor.questionN', { n: index + 1, key: q.key })}
      </legend>
      {errors.map((e) => (
        <p className="nhsuk-error-message" key={e}>{e}</p>
      ))}
      {q.credited_to ? (
        <p className="nhsuk-body-s">
          {t('instruments.editor.credited', { name: names.get(q.credited_to)?.name ?? t('instruments.codesign.aContributor') })}
        </p>
      ) : null}
      <TextInput id={`${p}-key`} label={t('instruments.editor.key')} hint={t('instruments.editor.keyHint')} widthClass="nhsuk-input--width-20" value={q.key} onChange={(e) => onChange({ ...q, key: e.target.value })} />
      <Select id={`${p}-type`} label={t('instruments.editor.type')} value={q.type} onChange={(e) => onChange(withType(q, e.target.value as QuestionType))} options={QUESTION_TYPES.map((value) => ({ value, label: t(`instruments.types.${value}`) }))} />
      {langs.map((lang) => (
        <Textarea key={lang} id={`${p}-text-${lang}`} lang={lang} rows={2} label={t(`instruments.editor.text_${lang}`)} value={q.text[lang] ?? ''} onChange={(e) => onChange({ ...q, text: { ...q.text, [lang]: e.target.value } })} />
      ))}
      {langs.map((lang) => (
        <TextInput key={lang} id={`${p}-help-${lang}`} lang={lang} label={t(`instruments.editor.help_${lang}`)} hint={t('common.optional')} value={q.help?.[lang] ?? ''} onChange={(e) => onChange({ ...q, help: { ...(q.help ?? {}), [lang]: e.target.value } })} />
      ))}
      {sections.length > 0 ? (
        <Select id={`${p}-section`} label={t('instruments.editor.section')} value={q.section ?? ''} onChange={(e) => onChange({ ...q, section: e.target.value || null })} options={[{ value: '', label: t('instruments.editor.noSection') }, ...sections.map((s) => ({ value: s.key, label: localized(s.title, i18n.language) || s.key }))]} />
      ) : null}
      <Checkbox id={`${p}-required`} label={t('instruments.editor.required')} checked={Boolean(q.required)} onChange={(checked) => onChange({ ...q, required: checked })} />
      <Checkbox id={`${p}-allow_dont_know`} label={t('instruments.editor.allowDontKnow')} checked={Boolean(q.allow_dont_know)} onChange={(checked) => onChange({ ...q, allow_dont_know: checked })} />

      {CHOICE_TYPES.includes(q.type) ? (
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{t('instruments.editor.options')}</legend>
          {q.type === 'likert' ? <p className="nhsuk-hint">{t('instruments.editor.likertHint')}</p> : null}
          {options.map((option, o) => (
            <div className="app-editor-option" key={o}>
              <TextInput id={`${p}-options-${o}-value`} label={t('instruments.editor.optionValue', { n: o + 1 })} widthClass="nhsuk-input--width-10" value={option.value} onChange={(e) => onChange({ ...q, options: options.map((x, i) => (i === o ? { ...x, value: e.target.value } : x)) })} />
              {langs.map((lang) => (
                <TextInput key={lang} id={`${p}-options-${o}-label-${lang}`} lang={lang} label={t(`instruments.editor.optionLabel_${lang}`, { n: o + 1 })} value={option.label[lang] ?? ''} onChange={(e) => onChange({ ...q, options: options.map((x, i) => (i === o ? { ...x, label: { ...x.label, [lang]: e.target.value } } : x)) })} />
              ))}
              {q.type !== 'likert' ? (
                <Button type="button" variant="secondary" small onClick={() => onChange({ ...q, options: options.filter((_, i) => i !== o) })}>
                  {t('instruments.editor.removeOption', { n: o + 1 })}
                </Button>
              ) : null}
            </div>
          ))}
          {q.type !== 'likert' ? (
            <Button type="button" variant="secondary" small onClick={() => onChange({ ...q, options: [...options, { value: `option_${options.length + 1}`, label: { en: '', cy: '' } }] })}>
              {t('instruments.editor.addOption')}
            </Button>
          ) : null}
        </fieldset>
      ) : null}
      {q.type === 'number' ? (
        <>
          <TextInput id={`${p}-min`} label={t('instruments.editor.min')} hint={t('common.optional')} inputMode="decimal" widthClass="nhsuk-input--width-5" value={q.min?.toString() ?? ''} onChange={(e) => onChange({ ...q, min: numberOrNull(e.target.value) })} />
          <TextInput id={`${p}-max`} label={t('instruments.editor.max')} hint={t('common.optional')} inputMode="decimal" widthClass="nhsuk-input--width-5" value={q.max?.toString() ?? ''} onChange={(e) => onChange({ ...q, max: numberOrNull(e.target.value) })} />
        </>
      ) : null}
      {q.type === 'free_text' ? (
        <TextInput id={`${p}-max_length`} label={t('instruments.editor.maxLength')} hint={t('common.optional')} inputMode="numeric" widthClass="nhsuk-input--width-5" value={q.max_length?.toString() ?? ''} onChange={(e) => onChange({ ...q, max_length: numberOrNull(e.target.value) })} />
      ) : null}
      <TextInput id={`${p}-indicator_code`} label={t('instruments.editor.indicator')} hint={t('instruments.editor.indicatorHint')} widthClass="nhsuk-input--width-20" value={q.indicator_code ?? ''} onChange={(e) => onChange({ ...q, indicator_code: e.target.value })} />

      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{t('instruments.editor.conditions')}</legend>
        <p className="nhsuk-hint">{earlier.length === 0 ? t('instruments.editor.conditionsFirst') : t('instruments.editor.conditionsHint')}</p>
        {conditions.map((condition, c) => {
          const target = earlier.find((e) => e.key === condition.question);
          return (
            <div className="app-editor-option" key={c}>
              <Select
                id={`${p}-conditions-${c}-question`}
                label={t('instruments.editor.conditionQuestion')}
                value={condition.question}
                onChange={(e) => onChange({ ...q, conditions: conditions.map((x, i) => (i === c ? { question: e.target.value, values: [] } : x)) })}
                options={[{ value: '', label: t('common.choose') }, ...earlier.filter((e) => conditionValues(e, i18n.language).length > 0).map((e) => ({ value: e.key, label: `${e.key}: ${localized(e.text, i18n.language)}` }))]}
              />
              {target ? (
                <CheckboxGroup
                  id={`${p}-conditions-${c}-values`}
                  legend={t('instruments.editor.conditionValues')}
                  options={conditionValues(target, i18n.language).map((o) => ({ value: o.value, label: o.value === o.label ? o.value : `${o.label} (${o.value})` }))}
                  values={condition.values}
                  onChange={(values) => onChange({ ...q, conditions: conditions.map((x, i) => (i === c ? { ...x, values } : x)) })}
                />
              ) : null}
              <Button type="button" variant="secondary" small onClick={() => onChange({ ...q, conditions: conditions.filter((_, i) => i !== c) })}>
                {t('instruments.editor.removeCondition')}
              </Button>
            </div>
          );
        })}
        {earlier.length > 0 ? (
          <Button type="button" variant="secondary" small onClick={() => onChange({ ...q, conditions: [...conditions, { question: '', values: [] }] })}>
            {t('instruments.editor.addCondition')}
          </Button>
        ) : null}
      </fieldset>
      <div className="app-button-row">
        <Button type="button" variant="secondary" small disabled={index === 0} onClick={() => onMove(-1)}>
          {t('instruments.editor.moveUp')}<span className="nhsuk-u-visually-hidden"> {q.key}</span>
        </Button>
        <Button type="button" variant="secondary" small disabled={last} onClick={() => onMove(1)}>
          {t('instruments.editor.moveDown')}<span className="nhsuk-u-visually-hidden"> {q.key}</span>
        </Button>
        <Button type="button" variant="warning" small onClick={onRemove}>
          {t('instruments.editor.removeQuestion')}<span className="nhsuk-u-visually-hidden"> {q.key}</span>
        </Button>
      </div>
    </fieldset>
  );
}
