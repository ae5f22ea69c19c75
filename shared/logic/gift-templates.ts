import type { CaptionBlock, GiftTemplate } from '../model/gift';

const caption = (text: string, over: Partial<CaptionBlock> = {}): CaptionBlock => ({ text, font: 'sans', sizePt: 10, weight: 'normal', color: '#4a4540', align: 'center', ...over });

/** The four lines the campaign used: who and where, the theme, the photographer, the month. */
const CAMPAIGN_CAPTIONS: CaptionBlock[] = [
  caption('{worker.name} · {company.short}', { sizePt: 18, weight: 'bold', color: '#26221e' }),
  caption('{campaign.theme}', { font: 'serif', sizePt: 12, color: '#8a2b20' }),
  caption('{photographer.credit} · {photo.date:YYYY年M月}', { sizePt: 9, color: '#6b645c' }),
];

/** Ships with the app; a project can copy and change them. */
export const BUILT_IN_TEMPLATES: GiftTemplate[] = [
  {
    id: 'simple-white-10',
    name: '简约白框 10寸',
    builtIn: true,
    size: '10寸',
    orientation: 'auto',
    frame: { widthMm: 6, color: '#f3f0ea' },
    mat: { color: '#ffffff', topMm: 16, sideMm: 16, bottomMm: 46 },
    photoAspect: 3 / 2,
    captions: CAMPAIGN_CAPTIONS,
    logo: null,
    paper: '绒面相纸',
  },
  {
    id: 'red-mat-a4',
    name: '红色卡纸 A4',
    builtIn: true,
    size: 'A4',
    orientation: 'auto',
    frame: { widthMm: 4, color: '#5a1d16' },
    mat: { color: '#9e2b22', topMm: 18, sideMm: 18, bottomMm: 52 },
    photoAspect: 3 / 2,
    captions: CAMPAIGN_CAPTIONS.map((c, i) => ({ ...c, color: i === 1 ? '#f6d28b' : '#fff8ee' })),
    logo: null,
    paper: '珠光相纸',
  },
  {
    id: 'walnut-12',
    name: '胡桃木框 12寸',
    builtIn: true,
    size: '12寸',
    orientation: 'auto',
    frame: { widthMm: 16, color: '#5b3a22', texture: 'walnut.jpg' },
    mat: { color: '#fbf7ee', topMm: 22, sideMm: 22, bottomMm: 56 },
    photoAspect: 3 / 2,
    captions: CAMPAIGN_CAPTIONS,
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
    mat: { color: '#ffffff', topMm: 6, sideMm: 6, bottomMm: 20 },
    photoAspect: 3 / 2,
    captions: [caption('{worker.name} · {company.short}', { sizePt: 10, weight: 'bold', color: '#26221e' }), caption('{campaign.theme} · {photographer.credit}', { sizePt: 7, color: '#6b645c' })],
    logo: null,
    paper: '光面相纸',
  },
];
