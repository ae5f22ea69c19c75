/**
 * Wall labels (展签): one per placed photo, composed in mm — the template's blocks in a text column (the last
 * one, the credit, at the bottom), the place number in the union's red and the QR code at the right — then laid
 * n-up on A4/A3 sheets edge to edge with cut marks, ready for a cutter. Pure.
 */
import { msg, type Message } from '../i18n/messages';
import type { LabelTemplate } from '../model/exhibition';
import { fillTemplate, type CaptionValues } from './caption-template';
import { markOps, offsetOps, setBlocks, type DrawnPage, type DrawOp, type Faces, type TextBlock } from './page-drawing';
import { imposition, parsePaperSize, sheetBoxes, type SizeMm } from './print-geometry';
import { qrOps } from './qr';
import { UNION_RED } from './board-drawing';
import { PT_TO_MM } from './typeset';

export interface LabelContent {
  photoId: string;
  /** 板3-05 */
  number: string;
  values: CaptionValues;
  /** what the code opens; null prints no code */
  url: string | null;
}

/** A label's finished size: "150x100" in mm or a named paper size, landscape as labels hang. */
export function labelSize(template: LabelTemplate): SizeMm | null {
  const size = parsePaperSize(template.size);
  if (!size) return null;
  return { widthMm: Math.max(size.widthMm, size.heightMm), heightMm: Math.min(size.widthMm, size.heightMm) };
}

const LEADING = 1.4;

/**
 * One label's ops, at its own origin. A text that cannot fit at 6 pt is refused by name (the label is not
 * printed short of words); the caller goes on with the others.
 */
export function composeLabel(
  content: LabelContent,
  template: LabelTemplate,
  size: SizeMm,
  faces: Faces,
): { ops: DrawOp[] } | { problem: Message } {
  const { widthMm: W, heightMm: H } = size;
  const pad = H * 0.08;
  const qr = template.qr && content.url ? H * 0.34 : 0;
  const column = { x: pad, y: pad, w: W - 2 * pad - (qr ? qr + pad * 0.6 : 0), h: H - 2 * pad };
  const ops: DrawOp[] = [{ kind: 'rect', x: 0, y: 0, w: W, h: H, fill: template.background }];

  const filled = template.blocks.map((b): TextBlock => ({
    text: fillTemplate(b.text, content.values),
    font: b.font,
    weight: b.weight,
    color: b.color,
    sizePt: b.sizePt,
    leading: b.leading ?? LEADING,
    align: b.align,
    maxLines: b.maxLines,
  }));
  const foot = filled.length > 1 ? filled.at(-1)! : null;
  const body = foot ? filled.slice(0, -1) : filled;
  let footRoom = 0;
  if (foot?.text) {
    const set = setBlocks(
      [foot],
      {
        ...column,
        y: column.y + column.h - foot.sizePt * PT_TO_MM * foot.leading,
        h: foot.sizePt * PT_TO_MM * foot.leading,
      },
      faces,
      'top',
    );
    if ('overflow' in set) return { problem: msg('exhibit.labelTooLong', { number: content.number, text: foot.text }) };
    ops.push(...set.ops);
    footRoom = set.heightMm + pad * 0.4;
  }
  const set = setBlocks(body, { ...column, h: column.h - footRoom }, faces, 'top');
  if ('overflow' in set)
    return { problem: msg('exhibit.labelTooLong', { number: content.number, text: body[set.overflow]!.text }) };
  ops.push(...set.ops);

  // The place number and the code stand in the right column: number on top, the code at the bottom.
  const numberPt = Math.max(9, (H * 0.11) / PT_TO_MM / 1.2);
  const numberFace = faces('sans', 'bold');
  const numberW = numberFace.measure(content.number, numberPt);
  const right = W - pad;
  ops.push({
    kind: 'text',
    x: right - numberW,
    baseline: pad + numberFace.ascent * numberPt * PT_TO_MM,
    text: content.number,
    sizePt: numberPt,
    font: 'sans',
    weight: 'bold',
    color: UNION_RED,
  });
  if (qr && content.url) ops.push(...qrOps(content.url, right - qr, H - pad - qr + pad * 0.3, qr));
  return { ops };
}

/**
 * Labels n-up on a sheet: as many as fit unturned (text stays upright for the cutter to check), edge to edge so
 * one cut separates neighbours, cut marks in the margins. One page per sheetful.
 */
export function imposeLabels(labels: DrawOp[][], size: SizeMm, sheetName: 'A4' | 'A3'): DrawnPage[] {
  const sheet = parsePaperSize(sheetName)!;
  const plan = imposition(size, 0, sheet, undefined, false);
  const pages: DrawnPage[] = [];
  if (!plan.slots.length) return pages;
  for (let start = 0; start < labels.length; start += plan.slots.length) {
    const onPage = labels.slice(start, start + plan.slots.length);
    const boxes = sheetBoxes(plan.page, 0, false);
    const ops: DrawOp[] = [];
    onPage.forEach((label, i) => ops.push(...offsetOps(label, plan.slots[i]!.rect.x, plan.slots[i]!.rect.y)));
    // Marks for the slots used only: a half-empty last sheet has no cut lines through blank paper.
    const used = imposition(size, 0, sheet, undefined, false, onPage.length);
    ops.push(...used.marks.map((m) => ({ kind: 'line' as const, ...m, widthPt: 0.25, color: 'registration' })));
    pages.push({ boxes, ops });
  }
  return pages;
}

/** A single label as its own page (a preview, or a shop that cuts one by one): trim = the label, marks around it. */
export function labelPage(label: DrawOp[], size: SizeMm, marks: boolean): DrawnPage {
  const boxes = sheetBoxes(size, 0, marks);
  return { boxes, ops: [...offsetOps(label, boxes.trimRect.x, boxes.trimRect.y), ...markOps(boxes)] };
}
