/**
 * i18next setup: English, Danish and Italian bundled in. The chosen language is remembered in
 * localStorage and mirrored on <html lang>; on a first visit the browser's language decides.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import da from './da.json';
import en from './en.json';
import it from './it.json';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'da', name: 'Dansk' },
  { code: 'it', name: 'Italiano' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'pulse.lang';

export const isLanguage = (code: string): code is Language => LANGUAGES.some((l) => l.code === code);

const readStored = (): string | null => {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

const initialLanguage = (): Language => {
  const stored = readStored();
  if (stored !== null && isLanguage(stored)) return stored;
  for (const tag of window.navigator.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
};

export const setupI18n = async (): Promise<typeof i18next> => {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, da: { translation: da }, it: { translation: it } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((l) => l.code),
    // React escapes what it renders; escaping here too would show &lt; to people.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
};
