import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { dateError } from '../../components/dateText';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Textarea } from '../../components/fields';
import { useFormErrors } from '../../components/useFormErrors';
import {
  useDeleteAnnotationMutation,
  useUpdateAnnotationMutation,
  type AnnotationRead,
} from '../../features/indicators/apiAnnotations';
import { formatDate } from '../../components/format';
import { localized } from '../../i18n/localized';

/**
 * The chart's annotations in date order, numbered as on the chart. Their author (only) can
 * correct one (its day or words) or remove it, after saying yes.
 */
export function AnnotationList({
  indicatorId,
  annotations,
  numbers,
  userId,
}: {
  indicatorId: string;
  annotations: AnnotationRead[];
  numbers: Map<string, number>;
  userId: string;
}) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useDeleteAnnotationMutation(indicatorId);
  const [removeError, setRemoveError] = useState<string | null>(null);

  if (annotations.length === 0) return <p>{t('indicators.noAnnotations')}</p>;
  return (
    <ol className="nhsuk-list" data-testid="annotation-list">
      {[...annotations]
        .sort((a, b) => a.on_date.localeCompare(b.on_date))
        .map((a) => (
          <li key={a.id} data-testid="annotation">
            <strong>
              {numbers.has(a.id) ? `${numbers.get(a.id)}. ` : ''}
              {formatDate(a.on_date)}
            </strong>
            : {localized(a.text, i18n.language)}
            {numbers.has(a.id) ? null : <span className="nhsuk-body-s"> ({t('indicators.annotationOutside')})</span>}
            {a.created_by_id === userId && editing !== a.id ? (
              <span className="app-inline-actions">
                {' '}
                <Button type="button" variant="secondary" small onClick={() => { setEditing(a.id); setRemoving(null); }}>
                  {t('indicators.annotationEdit.change')}
                  <span className="nhsuk-u-visually-hidden"> {t('indicators.annotationEdit.which', { date: formatDate(a.on_date) })}</span>
                </Button>{' '}
                <Button type="button" variant="secondary" small onClick={() => { setRemoving(a.id); setRemoveError(null); }}>
                  {t('indicators.annotationEdit.remove')}
                  <span className="nhsuk-u-visually-hidden"> {t('indicators.annotationEdit.which', { date: formatDate(a.on_date) })}</span>
                </Button>
              </span>
            ) : null}
            {removing === a.id ? (
              <div className="nhsuk-warning-callout" data-testid="annotation-remove">
                <p>{t('indicators.annotationEdit.confirm')}</p>
                {removeError ? <p className="nhsuk-error-message">{removeError}</p> : null}
                <Button
                  type="button"
                  variant="warning"
                  busy={remove.isPending}
                  onClick={() =>
                    remove.mutate(a, {
                      onSuccess: () => setRemoving(null),
                      onError: () => setRemoveError(t('indicators.annotationEdit.removeFailed')),
                    })
                  }
                >
                  {t('indicators.annotationEdit.yesRemove')}
                </Button>{' '}
                <Button type="button" variant="secondary" onClick={() => setRemoving(null)}>
                  {t('indicators.annotationEdit.keep')}
                </Button>
              </div>
            ) : null}
            {editing === a.id ? (
              <EditAnnotation indicatorId={indicatorId} annotation={a} onDone={() => setEditing(null)} />
            ) : null}
          </li>
        ))}
    </ol>
  );
}

function EditAnnotation({ indicatorId, annotation, onDone }: { indicatorId: string; annotation: AnnotationRead; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors(`annotation-${annotation.id}-`, {
    on_date: t('indicators.annotate.date'),
    en: t('indicators.annotate.textEn'),
    cy: t('indicators.annotate.textCy'),
  });
  const [onDate, setOnDate] = useState(annotation.on_date);
  const [textEn, setTextEn] = useState(annotation.text.en ?? '');
  const [textCy, setTextCy] = useState(annotation.text.cy ?? '');
  const update = useUpdateAnnotationMutation(indicatorId);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    const badDate = onDate ? dateError(t, onDate, t('indicators.annotate.date')) : t('indicators.annotate.dateMissing');
    if (badDate) problems.push({ name: 'on_date', message: badDate });
    if (!textEn.trim() && !textCy.trim()) problems.push({ name: 'en', message: t('indicators.annotate.textMissing') });
    if (problems.length > 0) {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    update.mutate(
      { annotation, body: { on_date: onDate, text: { en: textEn.trim() || null, cy: textCy.trim() || null } } },
      { onSuccess: onDone, onError: form.setProblem },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="annotation-edit-form" className="nhsuk-u-margin-top-3">
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <DateInput id={form.idFor('on_date')} label={t('indicators.annotate.date')} value={onDate} onChange={setOnDate} error={form.fieldError('on_date')} />
      <Textarea id={form.idFor('en')} lang="en" rows={2} label={t('indicators.annotate.textEn')} value={textEn} onChange={(e) => setTextEn(e.target.value)} error={form.fieldError('en')} />
      <Textarea id={form.idFor('cy')} lang="cy" rows={2} label={t('indicators.annotate.textCy')} value={textCy} onChange={(e) => setTextCy(e.target.value)} error={form.fieldError('cy')} />
      <Button type="submit" busy={update.isPending}>
        {t('indicators.annotationEdit.save')}
      </Button>{' '}
      <Button type="button" variant="secondary" onClick={onDone}>
        {t('indicators.annotationEdit.cancel')}
      </Button>
    </form>
  );
}
