import {
  ApiOutlined,
  BarChartOutlined,
  ContactsOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FolderOutlined,
  LineChartOutlined,
  MonitorOutlined,
  PhoneOutlined,
  ProjectOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  StopOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { GroupKey, SectionKey } from './sections';

export const MENU_ICONS: Record<SectionKey | GroupKey, ReactNode> = {
  workplace: <CustomerServiceOutlined />,
  dashboard: <DashboardOutlined />,
  projects: <ProjectOutlined />,
  reports: <BarChartOutlined />,
  contacts: <ContactsOutlined />,
  calls: <PhoneOutlined />,
  operatorStats: <LineChartOutlined />,
  settings: <SettingOutlined />,
  users: <UserOutlined />,
  groups: <TeamOutlined />,
  statuses: <TagsOutlined />,
  trunks: <ApiOutlined />,
  monitoring: <MonitorOutlined />,
  blacklist: <StopOutlined />,
  files: <FolderOutlined />,
  support: <QuestionCircleOutlined />,
};
