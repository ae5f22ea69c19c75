/**
 * The exhibition catalogue (画册) as pages in mm: cover, preface, one photo per page with its label text, an index
 * of workers (by company, then by the pinyin of the name) and of photographers with their page numbers, a
 * colophon on the last page, blank pages before it so the count is a multiple of 4 (saddle stitch). Photos keep
 * their aspect (fitted, never stretched). Pure.
 */
import type { SizeMm } from './print-geometry';
import { sheetBoxes } from './print-geometry';
import { markOps, offsetOps, setBlocks, type DrawnPage, type DrawOp, type Faces, type TextBlock } from './page-drawing';
import { listPages } from './list-drawing';
import { GREY, INK, UNION_RED } from './board-drawing';

/** Marks an image ref as the cover: the photo cut to the area's aspect rather than fitted whole. */
export const COVER = '#cover';

export interface CatalogueEntry {
  photoId: string;
  /** width / height */
  aspect: number;
  number: string;
  title: string;
  /** 绕线工 · 科润智控 */
  who: string;
  quote: string | null;
  /** 摄影：陈晓明 · 2025年5月 */
  credit: string;
  workers: { name: string; pinyin: string; company: string }[];
  photographer: string | null;
}

export interface CatalogueInput {
  title: string;
  subtitle: string;
  organizers: string | null;
  venue: string | null;
  dates: string | null;
  preface: string;
  coverPhotoId: string | null;
  entries: CatalogueEntry[];
  colophon: string[];
  page: SizeMm;
  bleedMm: number;
  marks: boolean;
}

export interface IndexLine {
  name: string;
  company: string;
  pages: number[];
}

/** Pages to add so that `count` becomes a multiple of `of` (a saddle-stitched book is folded sheets of four). */
export function paddingFor(count: number, of = 4): number {
  return (of - (count % of)) % of;
}

/** Workers grouped by company (in Chinese collation), each group sorted by pinyin, with the pages they are on. */
export function workerIndex(
  entries: CatalogueEntry[],
  pageOf: (i: number) => number,
): { company: string; workers: IndexLine[] }[] {
  const byCompany = new Map<string, Map<string, IndexLine & { pinyin: string }>>();
  entries.forEach((e, i) => {
    for (const w of e.workers) {
      const group = byCompany.get(w.company) ?? new Map();
      const line = group.get(w.name) ?? { name: w.name, company: w.company, pages: [], pinyin: w.pinyin };
      if (!line.pages.includes(pageOf(i))) line.pages.push(pageOf(i));
      group.set(w.name, line);
      byCompany.set(w.company, group);
    }
  });
  const zh = new Intl.Collator('zh-CN');
  return [...byCompany]
    .sort((a, b) => (!a[0] ? 1 : !b[0] ? -1 : zh.compare(a[0], b[0])))
    .map(([company, group]) => ({
      company,
      workers: [...group.values()]
        .sort((a, b) => a.pinyin.localeCompare(b.pinyin) || zh.compare(a.name, b.name))
        .map(({ name, company: c, pages }) => ({ name, company: c, pages })),
    }));
}

interface Margins {
  top: number;
  side: number;
  bottom: number;
}

/**
 * All pages of the catalogue. `faces` sets the text; image ops name photos by id. Returns the pages, the index as
 * printed (for checks), and how many blank pages were added.
 */
export function composeCatalogue(
  input: CatalogueInput,
  faces: Faces,
): { pages: DrawnPage[]; index: { company: string; workers: IndexLine[] }[]; blanks: number } {
  const { widthMm: W, heightMm: H } = input.page;
  const k = Math.min(W, H) / 210;
  const m: Margins = { top: 18 * k, side: 18 * k, bottom: 22 * k };
  const bodies: DrawOp[][] = [];
  const folio = (n: number): DrawOp[] => {
    const text = String(n);
    const size = 8 * k;
    const w = faces('sans', 'normal').measure(text, size);
    return [
      {
        kind: 'text',
        x: (W - w) / 2,
        baseline: H - m.bottom / 2,
        text,
        sizePt: size,
        font: 'sans',
        weight: 'normal',
        color: GREY,
      },
    ];
  };
  const set = (
    blocks: TextBlock[],
    area: { x: number; y: number; w: number; h: number },
    valign: 'top' | 'center' = 'top',
  ) => {
    const s = setBlocks(blocks, area, faces, valign);
    return 'ops' in s ? s : { ops: [] as DrawOp[], heightMm: 0 };
  };

  // 1 · cover: the chosen photo across the top two thirds, the title under it.
  const cover: DrawOp[] = [
    {
      kind: 'rect',
      x: -input.bleedMm,
      y: -input.bleedMm,
      w: W + 2 * input.bleedMm,
      h: H + 2 * input.bleedMm,
      fill: '#f7f3ec',
    },
  ];
  const coverEntry = input.entries.find((e) => e.photoId === input.coverPhotoId) ?? input.entries[0];
  const picH = H * 0.6;
  if (coverEntry)
    cover.push(
      ...fitImage(
        coverEntry,
        { x: -input.bleedMm, y: -input.bleedMm, w: W + 2 * input.bleedMm, h: picH + input.bleedMm },
        true,
      ),
    );
  cover.push({ kind: 'rect', x: m.side, y: picH + 10 * k, w: 24 * k, h: 1.2 * k, fill: UNION_RED });
  cover.push(
    ...set(
      [
        {
          text: input.title,
          font: 'serif',
          weight: 'bold',
          color: INK,
          sizePt: 30 * k,
          leading: 1.25,
          align: 'left',
          maxLines: 2,
        },
        {
          text: input.subtitle === input.title ? '' : input.subtitle,
          font: 'sans',
          weight: 'normal',
          color: UNION_RED,
          sizePt: 13 * k,
          leading: 1.4,
          align: 'left',
          maxLines: 2,
        },
        {
          text: [input.organizers, input.venue, input.dates].filter(Boolean).join(' · '),
          font: 'sans',
          weight: 'normal',
          color: GREY,
          sizePt: 10 * k,
          leading: 1.4,
          align: 'left',
          maxLines: 2,
        },
      ],
      { x: m.side, y: picH + 16 * k, w: W - 2 * m.side, h: H - picH - 16 * k - m.bottom },
    ).ops,
  );
  bodies.push(cover);

  // 2 · preface.
  bodies.push([
    ...set(
      [
        { text: '前言', font: 'serif', weight: 'bold', color: INK, sizePt: 20 * k, leading: 1.3, align: 'left' },
        {
          text: input.preface,
          font: 'serif',
          weight: 'normal',
          color: INK,
          sizePt: 11 * k,
          leading: 1.8,
          align: 'left',
        },
      ],
      { x: m.side + 8 * k, y: m.top + 20 * k, w: W - 2 * m.side - 16 * k, h: H - m.top - m.bottom - 20 * k },
    ).ops,
    ...folio(2),
  ]);

  // 3… · one photo per page, its label text under it.
  const firstPhotoPage = bodies.length + 1;
  input.entries.forEach((e, i) => {
    const captionH = 42 * k;
    const area = { x: m.side, y: m.top, w: W - 2 * m.side, h: H - m.top - m.bottom - captionH };
    const pic = fitImage(e, area, false)[0]!;
    // The caption starts under the photo's left edge (a portrait photo is centred), at least 60 % of the text width.
    const left = pic.kind === 'image' ? pic.x : m.side;
    const under = {
      x: left,
      y: (pic.kind === 'image' ? pic.y + pic.h : area.y + area.h) + 6 * k,
      w: Math.min(W - m.side - left, Math.max(pic.kind === 'image' ? pic.w : 0, 0.6 * area.w)),
      h: captionH - 6 * k,
    };
    const blocks: TextBlock[] = [
      {
        text: `${e.number}　${e.title}`,
        font: 'serif',
        weight: 'bold',
        color: INK,
        sizePt: 14 * k,
        leading: 1.35,
        align: 'left',
        maxLines: 2,
      },
      {
        text: e.who,
        font: 'sans',
        weight: 'normal',
        color: '#3d3631',
        sizePt: 9.5 * k,
        leading: 1.45,
        align: 'left',
        maxLines: 2,
      },
      {
        text: e.quote ? `“${e.quote}”` : '',
        font: 'serif',
        weight: 'normal',
        color: INK,
        sizePt: 10.5 * k,
        leading: 1.5,
        align: 'left',
        maxLines: 3,
      },
      {
        text: e.credit,
        font: 'sans',
        weight: 'normal',
        color: GREY,
        sizePt: 7.5 * k,
        leading: 1.4,
        align: 'left',
        maxLines: 1,
      },
    ];
    bodies.push([pic, ...set(blocks, under).ops, ...folio(firstPhotoPage + i)]);
  });

  // The index and the photographers' list follow the photos.
  const index = workerIndex(input.entries, (i) => firstPhotoPage + i);
  const lines: { text: string; bold: boolean; right?: string }[] = [];
  for (const group of index) {
    lines.push({ text: group.company || '其他', bold: true });
    for (const w of group.workers) lines.push({ text: w.name, bold: false, right: w.pages.join('、') });
  }
  const byPhotographer = new Map<string, number[]>();
  input.entries.forEach((e, i) => {
    if (e.photographer)
      byPhotographer.set(e.photographer, [...(byPhotographer.get(e.photographer) ?? []), firstPhotoPage + i]);
  });
  const credits = [...byPhotographer].sort((a, b) => new Intl.Collator('zh-CN').compare(a[0], b[0]));
  const listStyle = (firstPage: number) => ({
    columns: 2,
    sizePt: 9 * k,
    titlePt: 16 * k,
    margins: m,
    gapMm: 10 * k,
    folio: firstPage,
  });
  bodies.push(...listPages('职工索引', lines, input.page, listStyle(bodies.length + 1), faces));
  bodies.push(
    ...listPages(
      '摄影师',
      credits.map(([name, pages]) => ({ text: name, bold: false, right: pages.join('、') })),
      input.page,
      listStyle(bodies.length + 1),
      faces,
    ),
  );

  // The colophon closes the book; blank pages before it make the count a multiple of 4.
  const blanks = paddingFor(bodies.length + 1);
  for (let i = 0; i < blanks; i++) bodies.push([]);
  bodies.push(
    set(
      input.colophon.map((text, i) => ({
        text,
        font: 'sans',
        weight: i === 0 ? 'bold' : 'normal',
        color: i === 0 ? INK : GREY,
        sizePt: (i === 0 ? 10 : 8) * k,
        leading: 1.6,
        align: 'left',
      })),
      { x: m.side, y: H * 0.55, w: W - 2 * m.side, h: H * 0.45 - m.bottom },
    ).ops,
  );

  const boxes = sheetBoxes(input.page, input.bleedMm, input.marks);
  const pages = bodies.map((ops) => ({
    boxes,
    ops: [...offsetOps(ops, boxes.trimRect.x, boxes.trimRect.y), ...markOps(boxes)],
  }));
  return { pages, index, blanks };
}

/** A photo in an area at its own aspect: contained (never stretched), centred across, at the top; or covering the area. */
function fitImage(e: CatalogueEntry, area: { x: number; y: number; w: number; h: number }, cover: boolean): DrawOp[] {
  // The cover photo fills its area: the caller cuts it to the area's aspect (`#cover`), so it is never stretched.
  if (cover) return [{ kind: 'image', ...area, ref: `${e.photoId}${COVER}` }];
  const w = Math.min(area.w, area.h * e.aspect);
  const h = w / e.aspect;
  return [{ kind: 'image', x: area.x + (area.w - w) / 2, y: area.y, w, h, ref: e.photoId }];
}
