/**
 * The printed name list (名录) that hangs at the exhibition's entrance: every worker on the wall, by company, then
 * by pinyin, each with where their photos hang — set large enough to read standing (A2: names at 26 pt, about
 * 9 mm; A1 larger again). Pure.
 */
import { listPages, type ListLine } from './list-drawing';
import type { DrawnPage, Faces } from './page-drawing';
import { sheetBoxes } from './print-geometry';

export const POSTER_SIZES = { A2: { widthMm: 420, heightMm: 594 }, A1: { widthMm: 594, heightMm: 841 } } as const;
export type PosterSize = keyof typeof POSTER_SIZES;

export interface PosterEntry {
  name: string;
  pinyin: string;
  company: string;
  numbers: string[];
}

/** Companies in Chinese collation (no company last), names by pinyin; a heading line per company. */
export function posterLines(entries: PosterEntry[]): ListLine[] {
  const zh = new Intl.Collator('zh-CN');
  const byCompany = new Map<string, PosterEntry[]>();
  for (const e of entries) byCompany.set(e.company, [...(byCompany.get(e.company) ?? []), e]);
  return [...byCompany]
    .sort((a, b) => (!a[0] ? 1 : !b[0] ? -1 : zh.compare(a[0], b[0])))
    .flatMap(([company, list]) => [
      { text: company || '其他', bold: true },
      ...list
        .sort((a, b) => a.pinyin.localeCompare(b.pinyin) || zh.compare(a.name, b.name))
        .map((e) => ({ text: e.name, bold: false, right: e.numbers.join('、') })),
    ]);
}

export function composeNamePoster(title: string, entries: PosterEntry[], size: PosterSize, faces: Faces): DrawnPage[] {
  const page = POSTER_SIZES[size];
  const k = page.widthMm / 420;
  const margins = { top: 30 * k, side: 28 * k, bottom: 30 * k };
  const lists = listPages(
    title,
    posterLines(entries),
    page,
    {
      columns: 3,
      sizePt: 26 * k,
      titlePt: 64 * k,
      margins,
      gapMm: 16 * k,
      folio: null,
      subtitle: '找找你自己：名字后面是照片所在的展板和位置',
    },
    faces,
  );
  const boxes = sheetBoxes(page, 0, false);
  return lists.map((ops) => ({ boxes, ops }));
}
