// The title and description of an action in English and Welsh: the same four fields on the
// propose page and the edit form, with the API's field errors in place. Either language will
// do (Welsh is not second to English); the page's own language comes first.
import { useTranslation } from 'react-i18next';
import { TextInput, Textarea } from '../../components/fields';
import type { FormErrorsState } from '../../components/useFormErrors';

export interface TitleDescription {
  titleEn: string;
  titleCy: string;
  descriptionEn: string;
  descriptionCy: string;
}

export function TitleDescriptionFields({
  values,
  onChange,
  errors,
  titleHint,
  descriptionHint,
}: {
  values: TitleDescription;
  onChange: (key: keyof TitleDescription, value: string) => void;
  errors: FormErrorsState;
  titleHint?: string;
  descriptionHint?: string;
}) {
  const { t, i18n } = useTranslation();
  const languages: ('en' | 'cy')[] = i18n.language === 'cy' ? ['cy', 'en'] : ['en', 'cy'];
  const either = t('common.oneLanguageHint');
  // The first field of each pair carries the API's error (title, description); the second is
  // named title_cy / description_cy or title_en / description_en after its language.
  const id = (field: 'title' | 'description', index: number, language: 'en' | 'cy') =>
    errors.idFor(index === 0 ? field : `${field}_${language}`);
  return (
    <>
      {languages.map((language, index) => (
        <TextInput
          key={`title-${language}`}
          id={id('title', index, language)}
          lang={language}
          label={t(language === 'en' ? 'improvement.propose.titleEn' : 'improvement.propose.titleCy')}
          hint={index === 0 ? [either, titleHint].filter(Boolean).join(' ') : undefined}
          value={language === 'en' ? values.titleEn : values.titleCy}
          maxLength={200}
          onChange={(e) => onChange(language === 'en' ? 'titleEn' : 'titleCy', e.target.value)}
          error={index === 0 ? (errors.fieldError('title') ?? errors.fieldError('en') ?? errors.fieldError('cy')) : undefined}
        />
      ))}
      {languages.map((language, index) => (
        <Textarea
          key={`description-${language}`}
          id={id('description', index, language)}
          lang={language}
          label={t(language === 'en' ? 'improvement.propose.descriptionEn' : 'improvement.propose.descriptionCy')}
          hint={index === 0 ? descriptionHint : undefined}
          value={language === 'en' ? values.descriptionEn : values.descriptionCy}
          onChange={(e) => onChange(language === 'en' ? 'descriptionEn' : 'descriptionCy', e.target.value)}
          error={index === 0 ? errors.fieldError('description') : undefined}
        />
      ))}
    </>
  );
}
