/**
 * Every message the main process says to a user (errors, import failures, warnings, skip reasons), once per
 * language. Services name a message by key with its values; each shell (the window, the CLI) says it in its
 * user's language. A message never mixes the two languages (a unit test holds every entry to that).
 */
export const MESSAGES = {
  // --- places on disk ---
  'access.notChosen': {
    zh: '{path}：这个位置没有在本应用中选择过，请用“浏览”选择它',
    en: '{path}: this place was not chosen in the app; choose it with Browse first',
  },
  'access.systemPlace': {
    zh: '{path}：这是系统文件夹或磁盘根目录，不能在这里建立项目或导出文件',
    en: '{path}: this is a system folder or the root of a disk; projects and exports cannot go there',
  },
  'access.neverRead': {
    zh: '{path}：系统设备文件夹，不能从这里读取',
    en: '{path}: a system device folder; nothing is read from there',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'zh' | 'en';
export type MessageParams = Record<string, string | number>;

/** A message named by key, with the values it is filled with: data that crosses every boundary as JSON. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function msg(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

/** Fills `{name}` placeholders; a missing value is left visible as `{name}` rather than silently dropped. */
export function fill(template: string, params?: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params && params[name] !== undefined ? String(params[name]) : whole));
}

export function formatMessage(m: Message, lang: Lang): string {
  return fill(MESSAGES[m.key][lang], m.params);
}
