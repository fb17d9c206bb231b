import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from '@/features/auth/RequireAuth';
import { AppShell } from '@/features/shell/AppShell';
import type { SectionHandle } from '@/features/shell/currentSection';
import { NotFoundPage } from '@/features/shell/NotFoundPage';
import { loadSectionPage } from '@/features/shell/sectionPages';
import { HOME_PATH, SECTIONS, type Section } from '@/features/shell/sections';
import { FullPageSpin } from '@/shared/FullPageSpin';

function sectionRoute(section: Section): RouteObject {
  const handle: SectionHandle = { section: section.key };
  return {
    path: section.path,
    handle,
    lazy: async () => ({ Component: await loadSectionPage(section.key) }),
  };
}

export const routes: RouteObject[] = [
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('@/features/auth/LoginPage')).LoginPage }),
    hydrateFallbackElement: <FullPageSpin />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { index: true, element: <Navigate to={HOME_PATH} replace /> },
      ...Object.values(SECTIONS).map(sectionRoute),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
