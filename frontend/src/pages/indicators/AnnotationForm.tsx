import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Textarea } from '../../components/fields';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { SuccessBanner } from '../../components/status';
import { useFormErrors } from '../../components/useFormErrors';
import { useAnnotateMutation } from '../../features/indicators/api';

/** Add a note to a point of the chart (for those who may edit the indicator). */
export function AnnotationForm({
  indicatorId,
  organisationId,
  serviceId,
}: {
  indicatorId: string;
  organisationId: string;
  serviceId: string | null;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('annotation-', {
    on_date: t('indicators.annotate.date'),
    en: t('indicators.annotate.textEn'),
    cy: t('indicators.annotate.textCy'),
  });
  const [onDate, setOnDate] = useState('');
  const [textEn, setTextEn] = useState('');
  const [textCy, setTextCy] = useState('');
  const annotate = useAnnotateMutation(indicatorId);
  const [done, setDone] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const missing = [];
    const badDate = dateError(t, onDate, t('indicators.annotate.date'));
    if (!onDate) missing.push({ name: 'on_date', message: t('indicators.annotate.dateMissing') });
    else if (badDate) missing.push({ name: 'on_date', message: badDate });
    if (!textEn.trim() && !textCy.trim()) missing.push({ name: 'en', message: t('indicators.annotate.textMissing') });
    if (missing.length > 0) {
      form.setFieldErrors(missing);
      return;
    }
    form.clear();
    annotate.mutate(
      {
        organisation_id: organisationId,
        service_id: serviceId,
        on_date: onDate,
        text: { en: textEn.trim() || null, cy: textCy.trim() || null },
      },
      {
        onSuccess: () => {
          setOnDate('');
          setTextEn('');
          setTextCy('');
          setDone(true);
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="annotation-form">
      {done ? <SuccessBanner title={t('indicators.annotate.added')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <DateInput
        id={form.idFor('on_date')}
        label={t('indicators.annotate.date')}
        value={onDate}
        onChange={setOnDate}
        error={form.fieldError('on_date')}
      />
      <Textarea id={form.idFor('en')} lang="en" rows={2} label={t('indicators.annotate.textEn')} value={textEn} onChange={(e) => setTextEn(e.target.value)} error={form.fieldError('en')} />
      <Textarea
        id={form.idFor('cy')}
        lang="cy"
        rows={2}
        label={t('indicators.annotate.textCy')}
        hint={t('common.optional')}
        value={textCy}
        onChange={(e) => setTextCy(e.target.value)}
        error={form.fieldError('cy')}
      />
      <Button type="submit" busy={annotate.isPending}>
        {t('indicators.annotate.submit')}
      </Button>
    </form>
  );
}
