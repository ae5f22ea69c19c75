import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatMessage, isMessageKey, type MessageParams } from '@shared/i18n/messages';
import { translate, type Lang, type StringKey } from './strings';

/** A message from the main process: by key (said in the chosen language), else its plain text. */
export interface SaidMessage {
  key?: string;
  params?: MessageParams;
  message?: string;
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
  /** a message the main process sent (an error, an import failure, a warning), in the chosen language */
  say: (m: SaidMessage) => string;
  /** what went wrong, for an error caught from the API or elsewhere, in the chosen language */
  errorText: (err: unknown) => string;
}

function say(lang: Lang, m: SaidMessage): string {
  return isMessageKey(m.key) ? formatMessage({ key: m.key, params: m.params }, lang) : (m.message ?? '');
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'chasing-light.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this session only */
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      say: (m) => say(lang, m),
      errorText: (err) =>
        err && typeof err === 'object' && ('key' in err || 'message' in err)
          ? say(lang, err as SaidMessage)
          : String(err),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
