import type { CaptionBlock, GiftTemplate } from '../model/gift';

const caption = (text: string, over: Partial<CaptionBlock> = {}): CaptionBlock => ({
  text,
  font: 'sans',
  sizePt: 10,
  weight: 'normal',
  color: '#4a4540',
  align: 'center',
  ...over,
});

/** Colours of one sheet's reading order: the name, who they are, their words, the campaign, the credit. */
interface Palette {
  name: string;
  who: string;
  quote: string;
  theme: string;
  credit: string;
}

/**
 * The reading order of a gift (../design/GIFT-SHEET.md), sized for 10寸 and scaled with the paper: the worker's
 * name first and largest, in the serif; who they are smaller and lighter; their words, when they have them, in
 * the serif within Chinese quotation marks and at most two lines; the campaign theme in the accent colour; the
 * organiser, photographer and shoot month last. A line whose values are all empty is not printed.
 */
function readingOrder(p: Palette, scale = 1): CaptionBlock[] {
  const pt = (n: number) => Math.round(n * scale * 10) / 10;
  return [
    caption('{worker.name}', { font: 'serif', weight: 'bold', sizePt: pt(24), color: p.name }),
    caption('{company.short} · {worker.craft}', { sizePt: pt(12), color: p.who }),
    caption('“{worker.quote}”', { font: 'serif', sizePt: pt(12.5), color: p.quote, maxLines: 2 }),
    caption('{campaign.theme}', { sizePt: pt(9.5), color: p.theme }),
    caption('{campaign.organizer} · {photographer.credit} · {photo.date:YYYY年M月}', {
      sizePt: pt(7.5),
      color: p.credit,
    }),
  ];
}

const ON_WHITE: Palette = { name: '#1f1b17', who: '#5c554d', quote: '#3a342e', theme: '#b3261e', credit: '#8a837a' };
const ON_RED: Palette = { name: '#fffaf2', who: '#f2d6c4', quote: '#fff4e6', theme: '#f6d28b', credit: '#e6c2ae' };

/** Ships with the app; a project can copy and change them. */
export const BUILT_IN_TEMPLATES: GiftTemplate[] = [
  {
    id: 'simple-white-10',
    name: '简约白框 10寸',
    builtIn: true,
    size: '10寸',
    orientation: 'auto',
    frame: { widthMm: 3, color: '#e6e0d6' },
    mat: { color: '#ffffff', topMm: 12, sideMm: 12, bottomMm: 62 },
    photoAspect: 3 / 2,
    captions: readingOrder(ON_WHITE),
    logo: null,
    paper: '绒面相纸',
  },
  {
    id: 'red-mat-a4',
    name: '红色卡纸 A4',
    builtIn: true,
    size: 'A4',
    orientation: 'auto',
    frame: { widthMm: 2, color: '#e2b866' },
    mat: { color: '#9e2b22', topMm: 14, sideMm: 14, bottomMm: 66 },
    photoAspect: 3 / 2,
    captions: readingOrder(ON_RED),
    logo: null,
    paper: '珠光相纸',
  },
  {
    id: 'walnut-12',
    name: '胡桃木框 12寸',
    builtIn: true,
    size: '12寸',
    orientation: 'auto',
    frame: { widthMm: 14, color: '#5b3a22', texture: 'walnut.jpg' },
    mat: { color: '#fbf7ee', topMm: 16, sideMm: 16, bottomMm: 68 },
    photoAspect: 3 / 2,
    captions: readingOrder(ON_WHITE, 1.1),
    logo: null,
    paper: '绒面相纸',
  },
  {
    id: 'plain-6',
    name: '无框 6寸',
    builtIn: true,
    size: '6寸',
    orientation: 'auto',
    frame: { widthMm: 0, color: '#ffffff' },
    mat: { color: '#ffffff', topMm: 6, sideMm: 6, bottomMm: 30 },
    photoAspect: 3 / 2,
    // A small print keeps the order but not every line: name, who, and the campaign with the credit, at 6 pt and up.
    captions: [
      caption('{worker.name}', { font: 'serif', weight: 'bold', sizePt: 13, color: ON_WHITE.name }),
      caption('{company.short} · {worker.craft}', { sizePt: 7.5, color: ON_WHITE.who }),
      caption('{campaign.theme} · {photographer.credit} · {photo.date:YYYY年M月}', {
        sizePt: 6,
        color: ON_WHITE.credit,
      }),
    ],
    logo: null,
    paper: '光面相纸',
  },
];
