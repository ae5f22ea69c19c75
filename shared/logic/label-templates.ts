/**
 * Built-in wall label templates (展签): the photo's title (or the people in it) largest, then who they are,
 * their words, and the credit; the place number and the QR code at the right. Sizes print shops cut: 15×10 cm,
 * 10×7 cm, A6.
 */
import type { CaptionBlock } from '../model/gift';
import type { LabelTemplate } from '../model/exhibition';
import { GREY, INK } from './board-drawing';
import { MIN_TYPE_PT } from './typeset';

/** Sizes scale with the label, never under the 6 pt floor. */
const pt = (size: number, k: number) => Math.max(MIN_TYPE_PT, Math.round(size * k * 10) / 10);
const blocks = (k: number): CaptionBlock[] => [
  {
    text: '{photo.title}',
    font: 'serif',
    weight: 'bold',
    sizePt: pt(20, k),
    color: INK,
    align: 'left',
    leading: 1.3,
    maxLines: 2,
  },
  {
    text: '{worker.name} · {worker.craft} · {company.short}',
    font: 'sans',
    weight: 'normal',
    sizePt: pt(11, k),
    color: '#3d3631',
    align: 'left',
    leading: 1.45,
    maxLines: 2,
  },
  {
    text: '“{worker.quote}”',
    font: 'serif',
    weight: 'normal',
    sizePt: pt(12, k),
    color: INK,
    align: 'left',
    leading: 1.5,
    maxLines: 3,
  },
  {
    text: '{photographer.credit} · {photo.date}',
    font: 'sans',
    weight: 'normal',
    sizePt: pt(8, k),
    color: GREY,
    align: 'left',
    leading: 1.4,
    maxLines: 1,
  },
];

export const BUILT_IN_LABELS: LabelTemplate[] = [
  {
    id: 'label-15x10',
    name: '标准展签 15×10 厘米',
    builtIn: true,
    size: '150x100',
    background: '#ffffff',
    blocks: blocks(1),
    qr: true,
  },
  {
    id: 'label-10x7',
    name: '小展签 10×7 厘米',
    builtIn: true,
    size: '100x70',
    background: '#ffffff',
    blocks: blocks(0.72),
    qr: true,
  },
  {
    id: 'label-a6',
    name: 'A6 展签',
    builtIn: true,
    size: '148x105',
    background: '#ffffff',
    blocks: blocks(1),
    qr: true,
  },
];

export const DEFAULT_LABEL = BUILT_IN_LABELS[0]!.id;
