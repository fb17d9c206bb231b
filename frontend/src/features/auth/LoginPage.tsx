import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, type Location } from 'react-router';
import type { LoginBody } from '@/api/types';
import { LanguageSwitch } from '@/features/shell/LanguageSwitch';
import { FullPageSpin } from '@/shared/FullPageSpin';
import { useLogin, useMe } from './api';
import { loginErrorMessage } from './loginError';

const HOME = '/dashboard';

/** Where to go after login: the page the user was sent away from, else the dashboard (A §2). */
function targetAfterLogin(state: unknown): string {
  const from = (state as { from?: Location } | null)?.from;
  if (!from || from.pathname === '/' || from.pathname.startsWith('/login')) return HOME;
  return `${from.pathname}${from.search}${from.hash}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const target = targetAfterLogin(location.state);

  if (me.isPending) return <FullPageSpin />;
  if (me.data) return <Navigate to={target} replace />;

  const submit = (values: LoginBody) =>
    login.mutate(values, { onSuccess: () => void navigate(target, { replace: true }) });

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('login.title')}</Typography.Paragraph>
        {login.isError && (
          <Alert
            type="error"
            showIcon
            data-testid="login-error"
            title={loginErrorMessage(login.error, t)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginBody> layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
          <Form.Item
            label={t('login.email')}
            name="email"
            rules={[{ required: true, whitespace: true, message: t('login.emailRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-email" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
