import { Empty } from 'antd';
import DOMPurify from 'dompurify';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** «Скрипт разговора» (O §6.2): the project's script, sanitised on the server and again here. */
export function ScriptTab({ html }: { html: string }) {
  const { t } = useTranslation();
  const clean = useMemo(() => DOMPurify.sanitize(html), [html]);
  if (!clean.trim()) return <Empty description={t('workspace.card.noScript')} />;
  return <div className="card-script" data-testid="card-script" dangerouslySetInnerHTML={{ __html: clean }} />;
}
