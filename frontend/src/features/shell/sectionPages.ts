import type { ComponentType } from 'react';
import type { SectionKey } from './sections';

type Loader = () => Promise<ComponentType>;

/** Sections that have a real page; every other section shows the shared placeholder. */
const PAGES: Partial<Record<SectionKey, Loader>> = {
  monitoring: () => import('@/features/monitoring/MonitoringPage').then((m) => m.MonitoringPage),
  workplace: () => import('@/features/workspace/WorkplacePage').then((m) => m.WorkplacePage),
  dashboard: () => import('@/features/dashboard/DashboardPage').then((m) => m.DashboardPage),
};

/** Loads a section's page component (code-split per route). */
export function loadSectionPage(key: SectionKey): Promise<ComponentType> {
  const load = PAGES[key] ?? (() => import('./ComingSoonPage').then((m) => m.ComingSoonPage));
  return load();
}
