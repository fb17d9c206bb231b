import { describe, expect, it } from 'vitest';
import { groupOf, menuForRole, type MenuNode } from './menu';
import { canOpen, SECTIONS } from './sections';

/** Flattens the menu to "group/section" paths for readable assertions. */
function outline(nodes: MenuNode[]): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'group'
      ? node.children.flatMap((child) => outline([child]).map((p) => `${node.key}/${p}`))
      : [node.key],
  );
}

describe('menuForRole (F-02, F-03)', () => {
  it('gives the admin every section', () => {
    expect(outline(menuForRole('admin'))).toEqual([
      'dashboard',
      'projects',
      'reports/contacts',
      'reports/calls',
      'reports/operatorStats',
      'settings/users',
      'settings/groups',
      'settings/statuses',
      'settings/trunks',
      'monitoring',
      'blacklist',
      'files',
      'support',
    ]);
  });

  it('gives the supervisor the admin menu without trunks', () => {
    const admin = outline(menuForRole('admin'));
    expect(outline(menuForRole('supervisor'))).toEqual(admin.filter((p) => p !== 'settings/trunks'));
  });

  it('gives the operator the workplace, own reports and shared sections only (O §3)', () => {
    expect(outline(menuForRole('operator'))).toEqual([
      'workplace',
      'dashboard',
      'reports/contacts',
      'reports/calls',
      'blacklist',
      'files',
      'support',
    ]);
  });

  it('drops a group that would be empty (operators have no settings)', () => {
    expect(menuForRole('operator').some((n) => n.kind === 'group' && n.key === 'settings')).toBe(false);
  });

  it('links every menu entry to its section path', () => {
    const sections = menuForRole('admin').flatMap((n) => (n.kind === 'group' ? n.children : [n]));
    for (const node of sections) {
      if (node.kind === 'section') expect(node.path).toBe(SECTIONS[node.key].path);
    }
  });
});

describe('section access', () => {
  it('keeps monitoring from operators and trunks from supervisors', () => {
    expect(canOpen(SECTIONS.monitoring, 'operator')).toBe(false);
    expect(canOpen(SECTIONS.monitoring, 'supervisor')).toBe(true);
    expect(canOpen(SECTIONS.trunks, 'supervisor')).toBe(false);
    expect(canOpen(SECTIONS.workplace, 'admin')).toBe(false);
  });

  it('knows which group opens for a section', () => {
    expect(groupOf('calls')).toBe('reports');
    expect(groupOf('trunks')).toBe('settings');
    expect(groupOf('dashboard')).toBeNull();
  });
});
