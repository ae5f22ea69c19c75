import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, fill, formatMessage, msg } from '../../../../shared/i18n/messages';
import { STRINGS } from '../../../../renderer/src/i18n/strings';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
/** Latin words a Chinese sentence may hold: formats, standards, units, keys and product names people use as they are. */
const LATIN_IN_ZH = new Set([
  'JPEG',
  'PNG',
  'TIFF',
  'WebP',
  'AVIF',
  'HEIC',
  'HEIF',
  'RAW',
  'XMP',
  'EXIF',
  'IPTC',
  'GPS',
  'ICC',
  'PDF',
  'CSV',
  'xlsx',
  'xls',
  'csv',
  'xmp',
  'json',
  'project',
  'Excel',
  'WPS',
  'Lightroom',
  'Chrome',
  'Edge',
  'Firefox',
  'ppi',
  'dpi',
  'mm',
  'cm',
  'MB',
  'KB',
  'GB',
  'B',
  'A',
  'C',
  'O',
  'P',
  'X',
  'U',
  'Z',
  'Esc',
  'Ctrl',
  'Shift',
  'Enter',
  'Space',
  'ID',
  'sRGB',
  'CMYK',
  'FOGRA',
  'RGB',
  'English',
  'Chasing',
  'Light',
  'IPC',
  'HTTP',
  'MWG',
  'PersonInImage',
  'CLI',
  'Electron',
  'UTC',
  'AI',
  'DCIM',
  'x',
  'y',
  'w',
  'h',
  'zmd',
  'exports',
  'PostgreSQL',
  'postgres',
  'PGPASSWORD',
  'pgpass',
  'createdb',
  'catalog',
  'push',
]);
/** Chinese a sentence in English may quote: paper sizes as print shops say them, and header words of a Chinese staff list. */
const CJK_IN_EN = /寸|姓名|摄影：张三|追光|中文|工号|单位|简称/g;

/** Placeholders and caption variables ({worker.name}, {photo.date:YYYY年M月}), paths and file names are not words. */
const placeholders = (s: string) =>
  s
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/(?:\/[\w.-]+)+/g, ' ')
    .replace(/\b[\w-]+\.(?:json|jpg|xmp|xlsx|csv)\b/g, ' ');
function latinWordsNotAllowed(zh: string): string[] {
  return (placeholders(zh).match(/[A-Za-z][A-Za-z.]*/g) ?? [])
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w && !LATIN_IN_ZH.has(w) && !/^\d/.test(w));
}

describe('every message, in each language, is in that language only', () => {
  const tables = {
    'main process (shared/i18n/messages.ts)': MESSAGES,
    'window (renderer/src/i18n/strings.ts)': STRINGS,
  } as Record<string, Record<string, { zh: string; en: string }>>;
  for (const [where, table] of Object.entries(tables))
    it(`${where}: no Chinese entry holds English words, no English entry holds Chinese`, () => {
      const mixed: string[] = [];
      for (const [key, { zh, en }] of Object.entries(table)) {
        const latin = latinWordsNotAllowed(zh);
        if (latin.length) mixed.push(`${key}.zh has English: ${latin.join(', ')} — "${zh}"`);
        if (CJK.test(placeholders(en).replace(CJK_IN_EN, ''))) mixed.push(`${key}.en has Chinese: "${en}"`);
        if (!zh.trim() || !en.trim()) mixed.push(`${key} is empty in one language`);
      }
      expect(mixed).toEqual([]);
    });

  it('every placeholder is in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = [...Object.entries(MESSAGES), ...Object.entries(STRINGS)]
      .filter(([, v]) => names(v.zh).join() !== names(v.en).join())
      .map(([k]) => k);
    expect(differ).toEqual([]);
  });

  it('fills nested messages in the same language, and shows a missing value rather than dropping it', () => {
    const m = msg('fs.permission', { path: '/x', doing: msg('doing.reading') });
    expect(formatMessage(m, 'zh')).toBe('/x：没有权限（读取）');
    expect(formatMessage(m, 'en')).toBe('/x: permission denied (reading)');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});

/** Source files outside the tables: a literal that mixes the languages ("职工不同意 / the worker declined") is a defect. */
describe('no string in the code mixes Chinese and English', () => {
  const root = path.resolve(import.meta.dirname, '../../../..');
  const files = ['electron', 'shared', 'renderer/src']
    .flatMap((d) => walk(path.join(root, d)))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/i18n\/(messages|strings)\.ts$/.test(f));
  it.each(files.map((f) => path.relative(root, f)))('%s', (rel) => {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    const offenders: string[] = [];
    for (const m of text.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
      const lit = m[2]!;
      if (!CJK.test(lit)) continue;
      // An English word of three letters or more beside Chinese, in one literal.
      const words = (placeholders(lit.replace(/\$\{[^}]*\}/g, ' ')).match(/\b[a-z]{3,}\b/gi) ?? []).filter(
        (w) => !LATIN_IN_ZH.has(w),
      );
      if (words.length >= 2) offenders.push(lit.slice(0, 80));
    }
    expect(offenders).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
