import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem } from './useFormErrors';

/** Announced politely to screen readers while data loads. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="app-loading" role="status" aria-live="polite">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A problem loading something: said plainly, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div className="nhsuk-error-summary" role="alert" aria-labelledby={titleId}>
      <h2 className="nhsuk-error-summary__heading" id={titleId}>
        {t('errors.loadTitle')}
      </h2>
      <div className="nhsuk-error-summary__body">
        <p>{describeProblem(error, t)}</p>
        {onRetry ? (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={onRetry}>
            {t('common.tryAgain')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">{t('common.information')}</span>{' '}
      <p>{children}</p>
    </div>
  );
}

type TagColour = 'white' | 'grey' | 'green' | 'aqua-green' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`nhsuk-tag${colour ? ` nhsuk-tag--${colour}` : ''}`}>{children}</strong>;
}

/** A success message after an action, announced and easy to find. */
export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div
      className="nhsuk-notification-banner nhsuk-notification-banner--success"
      role="alert"
      aria-labelledby={titleId}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {t('common.success')}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}

/** The NHS warning callout (a warning card). */
export function WarningCallout({ heading, children, headingLevel = 2 }: { heading: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">{heading}</Heading>
        {children}
      </div>
    </div>
  );
}
