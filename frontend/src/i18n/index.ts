import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { applyLocaleSideEffects, DEFAULT_LOCALE, isLocale, storedLocale, storeLocale, type Locale } from './locale';
import { ru } from './ru';

export { i18n };

/** Starts i18next synchronously with both bundled locales. */
export function initI18n(locale: Locale = storedLocale() ?? DEFAULT_LOCALE): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { ru: { translation: ru }, en: { translation: en } },
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: ['ru', 'en'],
      interpolation: { escapeValue: false },
      initAsync: false,
    });
  }
  applyLocaleSideEffects(locale);
  return i18n;
}

/** The active locale, as one of the supported ones. */
export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/**
 * Switches the UI language: texts (i18next), antd (re-rendered from the i18next language) and
 * dayjs change together. The user's own choice is remembered in localStorage.
 */
export async function changeLocale(locale: Locale, options: { persist?: boolean } = {}): Promise<void> {
  if (options.persist ?? true) storeLocale(locale);
  applyLocaleSideEffects(locale);
  await i18n.changeLanguage(locale);
}

/** Uses the profile's language unless the user has already picked one in this browser. */
export function adoptProfileLocale(locale: string): void {
  if (storedLocale() || !isLocale(locale) || locale === currentLocale()) return;
  void changeLocale(locale, { persist: false });
}
