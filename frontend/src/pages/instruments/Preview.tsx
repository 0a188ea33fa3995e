import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentContent } from '../../api/types';
import { QuestionField } from '../../survey/SurveyForm';
import { evaluate, groupBySection, type FormAnswers } from '../../survey/logic';
import { localized } from '../../i18n/localized';

/** One language of the preview: answers can be tried, and conditions work as they will for respondents. */
function PreviewColumn({ content, language }: { content: InstrumentContent; language: 'en' | 'cy' }) {
  const [form, setForm] = useState<FormAnswers>({});
  const evaluation = useMemo(() => evaluate(content, form), [content, form]);
  const groups = groupBySection(content, evaluation.shown);
  return (
    <div lang={language}>
      {groups.map((group, index) => (
        <div key={`${group.section?.key ?? 'none'}-${index}`}>
          {group.section ? <h4 className="nhsuk-heading-s">{localized(group.section.title, language)}</h4> : null}
          {group.questions.map((question) => (
            <QuestionField
              key={question.key}
              id={`preview-${language}-${question.key}`}
              question={question}
              language={language}
              value={form[question.key]}
              error={undefined}
              onChange={(value) => setForm((previous) => ({ ...previous, [question.key]: value }))}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

/** The instrument as respondents will see it, in English and Welsh side by side. */
export function BilingualPreview({ content, languages }: { content: InstrumentContent; languages: string[] }) {
  const { t } = useTranslation();
  const shown = (['en', 'cy'] as const).filter((l) => languages.includes(l));
  if ((content.questions ?? []).length === 0) {
    return <p>{t('instruments.preview.empty')}</p>;
  }
  return (
    <div className="app-preview" data-testid="bilingual-preview">
      <p className="nhsuk-body-s">{t('instruments.preview.hint')}</p>
      <div className="nhsuk-grid-row">
        {shown.map((language) => (
          <div key={language} className={shown.length > 1 ? 'nhsuk-grid-column-one-half' : 'nhsuk-grid-column-full'}>
            <h3 className="nhsuk-heading-s app-preview__language">{t(`instruments.preview.${language}`)}</h3>
            <div className="app-preview__frame">
              <PreviewColumn content={content} language={language} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
