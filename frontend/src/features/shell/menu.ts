import type { Role } from '@/api/types';
import { canOpen, SECTIONS, type GroupKey, type SectionKey } from './sections';

export type MenuNode =
  { kind: 'section'; key: SectionKey; path: string } | { kind: 'group'; key: GroupKey; children: MenuNode[] };

type Template = SectionKey | { group: GroupKey; children: SectionKey[] };

/** Order of the main menu, as in the manuals' screenshots (A §3, O §3). */
const MENU_TEMPLATE: Template[] = [
  'workplace',
  'dashboard',
  'projects',
  { group: 'reports', children: ['contacts', 'calls', 'operatorStats'] },
  { group: 'settings', children: ['users', 'groups', 'statuses', 'trunks'] },
  'monitoring',
  'blacklist',
  'files',
  'support',
];

function sectionNode(key: SectionKey): MenuNode {
  return { kind: 'section', key, path: SECTIONS[key].path };
}

/** The main menu a role sees: forbidden sections are left out, empty groups too (F-02, F-03). */
export function menuForRole(role: Role): MenuNode[] {
  const nodes: MenuNode[] = [];
  for (const item of MENU_TEMPLATE) {
    if (typeof item === 'string') {
      if (canOpen(SECTIONS[item], role)) nodes.push(sectionNode(item));
      continue;
    }
    const children = item.children.filter((key) => canOpen(SECTIONS[key], role)).map(sectionNode);
    if (children.length > 0) nodes.push({ kind: 'group', key: item.group, children });
  }
  return nodes;
}

/** The group that holds a section, to open it in the menu. */
export function groupOf(key: SectionKey): GroupKey | null {
  for (const item of MENU_TEMPLATE) {
    if (typeof item !== 'string' && item.children.includes(key)) return item.group;
  }
  return null;
}
