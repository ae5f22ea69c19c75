/**
 * Built-in wall label templates (展签): the photo's title (or the people in it) largest, then who they are,
 * their words, and the credit; the place number and the QR code at the right. Sizes print shops cut: 15×10 cm,
 * 10×7 cm, A6.
 */
import { AppError } from '../errors';
import { msg } from '../i18n/messages';
import type { CaptionBlock } from '../model/gift';
import type { LabelTemplate } from '../model/exhibition';
import { GREY, INK } from './board-drawing';

const blocks = (k: number): CaptionBlock[] => [
  { text: '{photo.title}', font: 'serif', weight: 'bold', sizePt: 20 * k, color: INK, align: 'left', leading: 1.3, maxLines: 2 },
  { text: '{worker.name} · {worker.craft} · {company.short}', font: 'sans', weight: 'normal', sizePt: 11 * k, color: '#3d3631', align: 'left', leading: 1.45, maxLines: 2 },
  { text: '“{worker.quote}”', font: 'serif', weight: 'normal', sizePt: 12 * k, color: INK, align: 'left', leading: 1.5, maxLines: 3 },
  { text: '{photographer.credit} · {photo.date}', font: 'sans', weight: 'normal', sizePt: 8 * k, color: GREY, align: 'left', leading: 1.4, maxLines: 1 },
];

export const BUILT_IN_LABELS: LabelTemplate[] = [
  { id: 'label-15x10', name: '标准展签 15×10 厘米', builtIn: true, size: '150x100', background: '#ffffff', blocks: blocks(1), qr: true },
  { id: 'label-10x7', name: '小展签 10×7 厘米', builtIn: true, size: '100x70', background: '#ffffff', blocks: blocks(0.72), qr: true },
  { id: 'label-a6', name: 'A6 展签', builtIn: true, size: '148x105', background: '#ffffff', blocks: blocks(1), qr: true },
];

export const DEFAULT_LABEL = BUILT_IN_LABELS[0]!.id;

/** A built-in template by id (the default when none is named); refused by name when there is none. */
export function labelTemplate(id: string | undefined): LabelTemplate {
  const found = BUILT_IN_LABELS.find((t) => t.id === (id ?? DEFAULT_LABEL));
  if (!found) throw new AppError('NOT_FOUND', msg('exhibit.unknownLabel', { id: id ?? '' }));
  return found;
}
