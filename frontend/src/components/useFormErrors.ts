import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiProblem, lastSegment } from '../api/problem';
import type { SummaryItem } from './ErrorSummary';

export interface FieldError {
  name: string;
  message: string;
  /** The server's words ("This cannot be longer than 200 characters."), not the form's own. */
  fromApi?: boolean;
}

export interface FormErrors {
  detail: string | null;
  fields: FieldError[];
}

export const NO_ERRORS: FormErrors = { detail: null, fields: [] };

/** Describe any thrown value as form errors, in the user's language where we can. */
export function errorsFromProblem(error: unknown, t: TFunction): FormErrors {
  if (!(error instanceof ApiProblem)) {
    return { detail: t('errors.unexpected'), fields: [] };
  }
  if (error.status === 0) return { detail: t('errors.network'), fields: [] };
  if (error.status === 412) return { detail: t('errors.stale'), fields: [] };
  const fields = error.errors.map((e) => ({ name: lastSegment(e.field), message: e.message, fromApi: true }));
  if (fields.length > 0) return { detail: null, fields };
  return { detail: describeProblem(error, t), fields: [] };
}

/** One sentence for a problem without field errors. */
export function describeProblem(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiProblem)) return t('errors.unexpected');
  if (error.status === 0) return t('errors.network');
  if (error.status === 412) return t('errors.stale');
  const text = error.detail || error.title;
  if (text) return text;
  if (error.status === 401) return t('errors.unauthorised');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status >= 500) return t('errors.server');
  return t('errors.status', { status: error.status });
}

/**
 * A field message from the API may be a fragment ("must be at least 10 characters");
 * make it a sentence by putting the field's label in front.
 */
export function sentence(label: string | undefined, message: string): string {
  if (!label) return message;
  const first = message.charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase()
    ? `${label} ${message}`
    : message;
}

/**
 * A field problem in the error summary, where it stands away from its field: the server's
 * whole sentences ("This cannot be longer than 200 characters.") say which field they are
 * about ("Name: This cannot..."); fragments read on from the label; the form's own messages
 * already name their field.
 */
export function summaryText(label: string | undefined, error: FieldError): string {
  const text = sentence(label, error.message);
  return error.fromApi && label && text === error.message ? `${label}: ${error.message}` : text;
}

/**
 * Form error state: client-side checks and API problems in one shape, with
 * the input id of each field so the summary can link to it.
 *
 * @param idPrefix prefix of the input ids (`${idPrefix}${field}`)
 * @param labels the form's fields and their labels
 */
export function useFormErrors(idPrefix: string, labels: Record<string, string>) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const idFor = useCallback((name: string) => `${idPrefix}${name}`, [idPrefix]);

  const setProblem = useCallback((error: unknown) => setErrors(errorsFromProblem(error, t)), [t]);
  const setFieldErrors = useCallback(
    (fields: FieldError[]) => setErrors({ detail: null, fields }),
    [],
  );
  const clear = useCallback(() => setErrors(NO_ERRORS), []);

  const labelsKey = JSON.stringify(labels);
  const fieldError = useCallback(
    (name: string) => {
      const found = errors.fields.find((f) => f.name === name);
      const known = JSON.parse(labelsKey) as Record<string, string>;
      return found ? sentence(known[name], found.message) : undefined;
    },
    // labels is a new object on every render; labelsKey stands for its content.
    [errors, labelsKey],
  );

  const summaryItems: SummaryItem[] = useMemo(() => {
    const known = JSON.parse(labelsKey) as Record<string, string>;
    return errors.fields.map((f) =>
      f.name in known
        ? { text: summaryText(known[f.name], f), targetId: idFor(f.name) }
        : { text: sentence(f.name, f.message) },
    );
  }, [errors, labelsKey, idFor]);

  return {
    errors,
    detail: errors.detail,
    summaryItems,
    hasErrors: errors.detail !== null || errors.fields.length > 0,
    idFor,
    fieldError,
    setProblem,
    setFieldErrors,
    clear,
  };
}

export type FormErrorsState = ReturnType<typeof useFormErrors>;
