// The title and description of an action in English and Welsh: the same four fields on the
// propose page and the edit form, with the API's field errors in place.
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
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        id={errors.idFor('title')}
        label={t('improvement.propose.titleEn')}
        hint={titleHint}
        value={values.titleEn}
        maxLength={200}
        onChange={(e) => onChange('titleEn', e.target.value)}
        error={errors.fieldError('title') ?? errors.fieldError('en')}
      />
      <TextInput
        id={errors.idFor('title_cy')}
        lang="cy"
        label={t('improvement.propose.titleCy')}
        value={values.titleCy}
        maxLength={200}
        onChange={(e) => onChange('titleCy', e.target.value)}
      />
      <Textarea
        id={errors.idFor('description')}
        label={t('improvement.propose.descriptionEn')}
        hint={descriptionHint}
        value={values.descriptionEn}
        onChange={(e) => onChange('descriptionEn', e.target.value)}
        error={errors.fieldError('description')}
      />
      <Textarea
        id={errors.idFor('description_cy')}
        lang="cy"
        label={t('improvement.propose.descriptionCy')}
        value={values.descriptionCy}
        onChange={(e) => onChange('descriptionCy', e.target.value)}
      />
    </>
  );
}
