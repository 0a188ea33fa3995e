import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title as "<page> – Gwella", in the current language. */
export function usePageTitle(title: string | null | undefined): void {
  const { t } = useTranslation();
  const service = t('app.serviceName');
  useEffect(() => {
    document.title = title ? `${title} – ${service}` : service;
  }, [title, service]);
}
