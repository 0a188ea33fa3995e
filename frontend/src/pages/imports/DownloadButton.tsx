import { useTranslation } from 'react-i18next';
import { Button } from '../../components/fields';
import { describeProblem } from '../../components/useFormErrors';
import { useDownloadMutation } from '../../features/imports/api';

/**
 * A button that downloads a CSV the API gives only with the bearer token. A failure
 * is said beside it (and announced), never swallowed.
 */
export function DownloadButton({ path, filename, label }: { path: string; filename: string; label: string }) {
  const { t } = useTranslation();
  const download = useDownloadMutation();
  const busy = download.isPending;
  return (
    <div className="nhsuk-form-group">
      <Button
        type="button"
        variant="secondary"
        small
        busy={busy}
        onClick={() => download.mutate({ path, filename })}
      >
        {busy ? t('imports.downloading') : label}
      </Button>
      {download.error ? (
        <p className="nhsuk-error-message" role="alert">
          {t('imports.downloadFailed', { reason: describeProblem(download.error, t) })}
        </p>
      ) : null}
    </div>
  );
}
