import { Result } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useCurrentUser } from '@/features/auth/currentUser';
import { useCurrentSection } from './currentSection';
import { canOpen } from './sections';

/** Renders the page of the current section if the user's role may open it (F-02). */
export function SectionOutlet() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const section = useCurrentSection();
  const title = section ? t(`sections.${section.key}`) : null;

  useEffect(() => {
    document.title = title ? `${title} — ${t('app.name')}` : t('app.name');
  }, [title, t]);

  if (section && !canOpen(section, me.role)) {
    return <Result status="403" title="403" subTitle={t('errors.forbidden')} data-testid="forbidden" />;
  }
  return <Outlet />;
}
