import { msg, type Message } from '../i18n/messages';
/** Caption templates: `{worker.name} · {company.short}` filled from a gift's data. Pure. */

export const CAPTION_VARIABLES = [
  'worker.name',
  'worker.craft',
  'worker.department',
  'worker.quote',
  'company.name',
  'company.short',
  'photographer.name',
  'photographer.credit',
  'photo.date',
  'photo.captured',
  'photo.title',
  'photo.caption',
  'campaign.theme',
  'campaign.organizer',
] as const;
export type CaptionVariable = (typeof CAPTION_VARIABLES)[number];
export type CaptionValues = Partial<Record<CaptionVariable, string | null>>;

/** Variables that are dates and take a format: `{photo.date:YYYY年M月D日}`. */
const DATE_VARIABLES: readonly string[] = ['photo.date', 'photo.captured'];

/** The variables a template uses, in order (for the editor's chips and for warnings that only matter when used). */
export function variablesIn(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1]!);
}

const TOKEN = /\{([a-zA-Z.]+)(?::([^}]*))?\}/g;

export interface TemplateProblem {
  variable: string;
  message: Message;
}

/** Every unknown variable in a template, so the editor can say which one before anything reaches paper. */
export function checkTemplate(text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1]!;
    if (!(CAPTION_VARIABLES as readonly string[]).includes(name))
      problems.push({
        variable: name,
        message: msg('caption.unknownVariable', { name, known: CAPTION_VARIABLES.map((v) => `{${v}}`).join(' ') }),
      });
    else if (m[2] !== undefined && !DATE_VARIABLES.includes(name))
      problems.push({ variable: name, message: msg('caption.noFormat', { name }) });
  }
  const stray = text.replace(TOKEN, '').match(/[{}]/);
  if (stray) problems.push({ variable: '', message: msg('caption.lone', { char: stray[0], text }) });
  return problems;
}

/** Days between two ISO dates (their calendar days), or null when either is missing. */
export function daysApart(a: string | null, b: string | null): number | null {
  const day = (s: string | null) =>
    s && /^\d{4}-\d{2}-\d{2}/.test(s) ? Date.parse(`${s.slice(0, 10)}T00:00:00Z`) : NaN;
  const d = Math.abs(day(a) - day(b)) / 86_400_000;
  return Number.isFinite(d) ? Math.round(d) : null;
}

/** "2025-05-12T09:30:00+08:00" with "YYYY年M月" → "2025年5月"; tokens YYYY MM M DD D. */
export function formatDate(iso: string, format = 'YYYY年M月'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  const [, Y, Mo, D] = m as unknown as [string, string, string, string];
  return format.replace(
    /YYYY|MM|M|DD|D/g,
    (t) => ({ YYYY: Y, MM: Mo, M: String(Number(Mo)), DD: D, D: String(Number(D)) })[t]!,
  );
}

/**
 * Fills a template. An empty value drops the separator next to it, so "占牡丹 · " never reaches paper; a line
 * whose every variable is empty is not printed at all (no empty “” for a worker without a quote).
 */
export function fillTemplate(text: string, values: CaptionValues): string {
  const used = variablesIn(text);
  if (used.length && used.every((name) => !values[name as CaptionVariable])) return '';
  const filled = text.replace(TOKEN, (_, name: string, format: string | undefined) => {
    const v = values[name as CaptionVariable];
    if (!v) return '\u0000';
    return DATE_VARIABLES.includes(name) ? formatDate(v, format || 'YYYY年M月') : v;
  });
  return filled
    .replace(/\s*[·•|／/]\s*\u0000/g, '')
    .replace(/\u0000\s*[·•|／/]\s*/g, '')
    .replace(/\u0000/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * A caption block that is the worker's name alone, as it is set on a sheet: a two-character name is spaced with an
 * ideographic space (王伟 → 王　伟), so that it reads as a name and not a word.
 */
export function fillNameLine(text: string, values: CaptionValues): string {
  const filled = fillTemplate(text, values);
  return text.trim() === '{worker.name}' && /^[\u3400-\u9fff]{2}$/u.test(filled)
    ? `${filled[0]}\u3000${filled[1]}`
    : filled;
}
