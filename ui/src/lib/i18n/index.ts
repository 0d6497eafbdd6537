import { addMessages, init, locale } from 'svelte-i18n';
import { get } from 'svelte/store';
import vi from './vi.json';
import en from './en.json';

export const LOCALES = ['vi', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

const STORAGE_KEY = 'bantin.locale';
let registered = false;

function isLocale(v: unknown): v is AppLocale {
  return LOCALES.includes(v as AppLocale);
}

function storedLocale(): AppLocale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLocale(v) ? v : null;
  } catch {
    return null;
  }
}

// Messages are bundled (not fetched) so the first paint is already translated and the
// app works offline under a strict CSP.
export function setupI18n(initial?: AppLocale): void {
  if (!registered) {
    addMessages('vi', vi);
    addMessages('en', en);
    registered = true;
  }
  const chosen = initial ?? storedLocale() ?? 'vi';
  init({ fallbackLocale: 'vi', initialLocale: chosen });
  setDocumentLang(chosen);
}

function setDocumentLang(l: AppLocale) {
  if (typeof document !== 'undefined') document.documentElement.lang = l;
}

export function currentLocale(): AppLocale {
  const l = get(locale);
  return isLocale(l) ? l : 'vi';
}

export function setLocale(l: AppLocale): void {
  locale.set(l);
  setDocumentLang(l);
  try {
    localStorage.setItem(STORAGE_KEY, l);
  } catch {
    // Private mode or a locked-down profile; the choice just won't persist.
  }
}

export { locale };
