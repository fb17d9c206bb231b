import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentSection } from './currentSection';

/** The one placeholder for sections that are not built yet: their manual title and an honest note. */
export function ComingSoonPage() {
  const { t } = useTranslation();
  const section = useCurrentSection();
  return (
    <>
      {section && (
        <Typography.Title level={3} data-testid="page-title">
          {t(`sections.${section.key}`)}
        </Typography.Title>
      )}
      <Card>
        <Empty
          data-testid="coming-soon"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <Typography.Text strong>{t('comingSoon.title')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{t('comingSoon.description')}</Typography.Text>
            </>
          }
        />
      </Card>
    </>
  );
}
