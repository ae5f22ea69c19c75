import {
  formatMessage,
  isMessageKey,
  type Lang,
  type MessageKey,
  type MessageParams,
} from '../../shared/i18n/messages';

/**
 * The command line speaks its user's language: CHASING_LIGHT_LANG (zh or en), else the locale (LC_ALL,
 * LC_MESSAGES, LANG): Chinese for a zh_* locale, English otherwise.
 */
export function cliLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const chosen = env.CHASING_LIGHT_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^zh/i.test(chosen) ? 'zh' : 'en';
}

export const lang = cliLang();

/** A message of the table in the CLI's language. */
export function say(key: MessageKey, params?: MessageParams): string {
  return formatMessage({ key, params }, lang);
}

/**
 * What a command prints, with every keyed message said in the CLI's language: an object carrying `key` (and
 * `params`) has its `message` or `reason` text replaced, or a `message` added. Keys stay, so scripts can match on them.
 */
export function localize<T>(value: T): T {
  if (Array.isArray(value)) return value.map(localize) as T;
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = localize(v);
  if (isMessageKey(o.key)) {
    const text = formatMessage({ key: o.key, params: o.params as MessageParams | undefined }, lang);
    if (typeof o.reason === 'string') out.reason = text;
    // A bare message ({key, params}, a photo's warning) gains its text: a script reads the words and the key.
    else out.message = text;
  }
  return out as T;
}
