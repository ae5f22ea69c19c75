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
  // --- one writer per project ---
  'project.readOnly': {
    zh: '{dir}：此项目正在另一个窗口或进程中编辑（{app}，进程 {pid}，{since} 起）。这里只能查看，不能修改；请在那边完成或关闭后再试',
    en: '{dir}: this project is being edited in another window or process ({app}, process {pid}, since {since}). It can be viewed here but not changed; finish or close it there and try again',
  },
  'project.lockLost': {
    zh: '{dir}：本窗口失去了对项目的独占写入（程序曾长时间无响应，另一进程已接管）。为免覆盖，之后的修改不再保存，请重新打开项目',
    en: '{dir}: this window lost its hold on the project (it stopped responding for a while and another process took over). To avoid overwriting, further edits are not saved; reopen the project',
  },
  'project.busyCreating': {
    zh: '{dir}：另一个进程正在这里建立或编辑项目（{app}，进程 {pid}）',
    en: '{dir}: another process is creating or editing a project here ({app}, process {pid})',
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
