import { Menu, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '@/api/types';
import { useCurrentSection } from './currentSection';
import { groupOf, menuForRole, type MenuNode } from './menu';
import { MENU_ICONS } from './menuIcons';

type Item = Required<MenuProps>['items'][number];

function toItem(node: MenuNode, t: TFunction): Item {
  if (node.kind === 'group') {
    return {
      key: node.key,
      icon: MENU_ICONS[node.key],
      label: <span data-testid={`menu-${node.key}`}>{t(`sections.${node.key}`)}</span>,
      children: node.children.map((child) => toItem(child, t)),
    };
  }
  return {
    key: node.key,
    icon: MENU_ICONS[node.key],
    label: (
      <Link to={node.path} data-testid={`menu-${node.key}`}>
        {t(`sections.${node.key}`)}
      </Link>
    ),
  };
}

/** The collapsible main menu of the shell, built for the user's role (F-03). */
export function MainMenu({ role }: { role: Role }) {
  const { t } = useTranslation();
  const section = useCurrentSection();
  const items = useMemo(() => menuForRole(role).map((node) => toItem(node, t)), [role, t]);
  const group = section ? groupOf(section.key) : null;

  return (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="main-menu"
      items={items}
      selectedKeys={section ? [section.key] : []}
      defaultOpenKeys={group ? [group] : []}
    />
  );
}
