/** Characters Windows refuses in file names, plus control characters. */
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** A file-name part that is safe on Windows, macOS and Linux; Chinese is kept as it is. */
export function safeFileNamePart(s: string, fallback = 'unknown'): string {
  const cleaned = s
    .normalize('NFC')
    .trim()
    .replace(/[. ]+$/, '')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, '_')
    .slice(0, 60);
  if (!cleaned || RESERVED.test(cleaned)) return fallback;
  return cleaned;
}

/** `{date}_{photographer}_{seq}` for originals copied into the project: `20250512_张三_0007.jpg`. */
export function copyFileName(opts: {
  capturedAt: string | null;
  fallbackDay: string;
  photographer: string | null;
  seq: number;
  ext: string;
}): string {
  const day = (opts.capturedAt ?? opts.fallbackDay).slice(0, 10).replace(/-/g, '');
  const who = safeFileNamePart(opts.photographer ?? '', 'unknown');
  return `${day}_${who}_${String(opts.seq).padStart(4, '0')}${opts.ext.toLowerCase()}`;
}
