import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, describedBy } from './fields';
import { partsOf, textOf, type DateParts } from './dateText';

interface DateInputProps {
  /** The id of the day field (an error summary links to it); month and year add -month, -year. */
  id: string;
  label: ReactNode;
  /** Shown under the label, before the pattern's own example ("For example, 28 2 2027"). */
  hint?: ReactNode;
  error?: string | undefined;
  /** The date text: "YYYY-MM-DD", "" or what was typed (see dateText.ts). */
  value: string;
  onChange: (value: string) => void;
  /** The language of the field's words when it is not the page's (a survey's own language). */
  language?: string;
  disabled?: boolean;
}

/**
 * The NHS date input: day, month and year in three fields, grouped under one legend, with
 * the NHS error style. Every date a person types in Gwella is asked for with it.
 */
export function DateInput({ id, label, hint, error, value, onChange, language, disabled }: DateInputProps) {
  const { t } = useTranslation(undefined, language ? { lng: language } : undefined);
  // What was typed is kept as typed ("2", not "02") while it still stands for the value.
  const [parts, setParts] = useState<DateParts>(() => partsOf(value));
  const shown = textOf(parts) === value ? parts : partsOf(value);
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;

  function change(field: keyof DateParts, typed: string) {
    const next = { ...shown, [field]: typed.replace(/-/g, '') };
    setParts(next);
    onChange(textOf(next));
  }

  const fields: { field: keyof DateParts; inputId: string; width: string; autoComplete?: string }[] = [
    { field: 'day', inputId: id, width: 'nhsuk-input--width-2' },
    { field: 'month', inputId: `${id}-month`, width: 'nhsuk-input--width-2' },
    { field: 'year', inputId: `${id}-year`, width: 'nhsuk-input--width-4' },
  ];
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend">{label}</legend>
        <div className="nhsuk-hint" id={hintId}>
          {hint ? (
            <>
              {hint} {t('dateInput.hint')}
            </>
          ) : (
            t('dateInput.hint')
          )}
        </div>
        {error && errorId ? <ErrorMessage id={errorId} message={error} /> : null}
        <div className="nhsuk-date-input" id={`${id}-date`} data-testid={`${id}-date`}>
          {fields.map(({ field, inputId, width }) => (
            <div className="nhsuk-date-input__item" key={field}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={inputId}>
                  {t(`dateInput.${field}`)}
                </label>
                <input
                  className={`nhsuk-input nhsuk-date-input__input ${width}${error ? ' nhsuk-input--error' : ''}`}
                  id={inputId}
                  name={`${id}[${field}]`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  value={shown[field]}
                  disabled={disabled}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => change(field, event.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
