import { Button, Result } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { adoptProfileLocale } from '@/i18n';
import { FullPageSpin } from '@/shared/FullPageSpin';
import { useMe } from './api';
import { CurrentUserContext } from './currentUser';

/** Shows the login page unless there is a session; the session survives a reload (F-01). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, isError, refetch } = useMe();

  useEffect(() => {
    if (me) adoptProfileLocale(me.locale);
  }, [me]);

  // A failed re-check (server briefly down) keeps the last known user on screen.
  if (me) return <CurrentUserContext value={me}>{children}</CurrentUserContext>;
  if (isPending) return <FullPageSpin />;
  if (isError) {
    return (
      <Result
        status="error"
        title={t('errors.network')}
        extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return <Navigate to="/login" replace state={{ from: location }} />;
}
