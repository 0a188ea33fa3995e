import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/fields';
import { describeProblem } from '../../components/useFormErrors';
import { downloadFile } from '../../features/imports/api';

/**
 * A button that downloads a CSV the API gives only with the bearer token. A failure
 * is said beside it (and announced), never swallowed.
 */
export function DownloadButton({ path, filename, label }: { path: string; filename: string; label: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="nhsuk-form-group">
      <Button
        type="button"
        variant="secondary"
        small
        busy={busy}
        onClick={() => {
          setBusy(true);
          setProblem(null);
          downloadFile(path, filename)
            .catch((error: unknown) => setProblem(t('imports.downloadFailed', { reason: describeProblem(error, t) })))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('imports.downloading') : label}
      </Button>
      {problem ? (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
