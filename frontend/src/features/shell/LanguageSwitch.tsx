import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale } from '@/i18n';
import { LOCALES, type Locale } from '@/i18n/locale';

/** Compact RU/EN switch (used on the login page; the profile menu has its own entries). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('profile.language')}
      value={currentLocale()}
      options={LOCALES.map((locale) => ({
        value: locale,
        label: locale.toUpperCase(),
        title: t(`languages.${locale}`),
      }))}
      onChange={(locale) => void changeLocale(locale)}
    />
  );
}
