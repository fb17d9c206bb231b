import type { Role } from '@/api/types';

/** Every page of the main menu, with the roles that may open it (F-02, A §1.3). */
export type SectionKey =
  | 'workplace'
  | 'dashboard'
  | 'projects'
  | 'contacts'
  | 'calls'
  | 'operatorStats'
  | 'users'
  | 'groups'
  | 'statuses'
  | 'trunks'
  | 'monitoring'
  | 'blacklist'
  | 'files'
  | 'support';

/** Menu groups that only fold sections together. */
export type GroupKey = 'reports' | 'settings';

export interface Section {
  key: SectionKey;
  path: string;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['admin', 'supervisor', 'operator'];
const MANAGERS: readonly Role[] = ['admin', 'supervisor'];

export const SECTIONS: Record<SectionKey, Section> = {
  workplace: { key: 'workplace', path: '/workplace', roles: ['operator'] },
  dashboard: { key: 'dashboard', path: '/dashboard', roles: ALL },
  projects: { key: 'projects', path: '/projects', roles: MANAGERS },
  contacts: { key: 'contacts', path: '/reports/contacts', roles: ALL },
  calls: { key: 'calls', path: '/reports/calls', roles: ALL },
  operatorStats: { key: 'operatorStats', path: '/reports/operator-stats', roles: MANAGERS },
  users: { key: 'users', path: '/settings/users', roles: MANAGERS },
  groups: { key: 'groups', path: '/settings/groups', roles: MANAGERS },
  statuses: { key: 'statuses', path: '/settings/statuses', roles: MANAGERS },
  trunks: { key: 'trunks', path: '/settings/trunks', roles: ['admin'] },
  monitoring: { key: 'monitoring', path: '/monitoring', roles: MANAGERS },
  blacklist: { key: 'blacklist', path: '/blacklist', roles: ALL },
  // A §10: the file manager is shared by all employees whatever their role (F-71).
  files: { key: 'files', path: '/files', roles: ALL },
  support: { key: 'support', path: '/support', roles: ALL },
};

export const HOME_PATH = SECTIONS.dashboard.path;

export function canOpen(section: Section, role: Role): boolean {
  return section.roles.includes(role);
}
