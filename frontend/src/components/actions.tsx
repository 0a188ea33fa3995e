import { useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from './fields';

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="nhsuk-back-link" to={to}>
      {children}
    </Link>
  );
}

interface ConfirmActionProps {
  /** The button that starts the action. */
  label: string;
  /** Said to screen readers after the label, e.g. whose role is removed (for buttons in lists). */
  hiddenContext?: string;
  /** What will happen, asked before doing it. */
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  busy?: boolean;
  variant?: 'warning' | 'secondary';
  small?: boolean;
}

/**
 * A destructive action in two steps: the first press asks, the second does it.
 * Focus moves to the question so keyboard users hear it.
 */
export function ConfirmAction({ label, hiddenContext, question, confirmLabel, onConfirm, busy, variant = 'warning', small }: ConfirmActionProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);

  if (!asking) {
    return (
      <Button
        type="button"
        variant="secondary"
        small={small}
        onClick={() => {
          setAsking(true);
          window.setTimeout(() => questionRef.current?.focus(), 0);
        }}
      >
        {label}
        {hiddenContext ? <span className="nhsuk-u-visually-hidden"> {hiddenContext}</span> : null}
      </Button>
    );
  }
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <p className="nhsuk-card__description" ref={questionRef} tabIndex={-1}>
          {question}
        </p>
        <div className="app-actions">
          <Button
            type="button"
            variant={variant}
            small={small}
            busy={busy}
            onClick={() => {
              void Promise.resolve(onConfirm()).finally(() => setAsking(false));
            }}
          >
            {confirmLabel}
          </Button>
          <Button type="button" variant="secondary" small={small} onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </div>
  );
}

/** Copies text to the clipboard and says whether it worked. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="app-actions">
      <Button
        type="button"
        variant="secondary"
        small
        onClick={() => {
          const clipboard = navigator.clipboard as Clipboard | undefined;
          if (!clipboard) {
            setState('failed');
            return;
          }
          clipboard.writeText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {label}
      </Button>
      <span role="status" aria-live="polite">
        {state === 'copied' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </div>
  );
}
