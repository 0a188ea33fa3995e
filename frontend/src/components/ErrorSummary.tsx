import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  text: string;
  /** The id of the input this error belongs to, if it is shown on the page. */
  targetId?: string;
}

interface ErrorSummaryProps {
  /** A description of the problem that is not about one field. */
  detail?: string | null;
  items: SummaryItem[];
}

function focusTarget(event: MouseEvent<HTMLAnchorElement>, targetId: string): void {
  const target = document.getElementById(targetId);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView?.({ block: 'center' });
  target.focus();
}

/**
 * The NHS error summary: shown at the top of a form when something went wrong,
 * focused when it appears so screen reader and keyboard users land on it, with
 * links that move focus to the field concerned.
 */
export function ErrorSummary({ detail, items }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const visible = Boolean(detail) || items.length > 0;
  const signature = `${detail ?? ''}|${items.map((i) => i.text).join('|')}`;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, signature]);

  if (!visible) return null;
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id={titleId}>
          {t('errors.summaryTitle')}
        </h2>
        <div className="nhsuk-error-summary__body">
          {detail ? <p>{detail}</p> : null}
          {items.length > 0 ? (
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {items.map((item, index) => (
                <li key={`${item.targetId ?? 'general'}-${index}`}>
                  {item.targetId ? (
                    <a
                      href={`#${item.targetId}`}
                      onClick={(event) => focusTarget(event, item.targetId as string)}
                    >
                      {item.text}
                    </a>
                  ) : (
                    item.text
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
