/**
 * The typesetter: caption text set in physical units (mm and pt), so that the screen preview and the 300 dpi
 * print break lines in the same places, shrink to the same size and stand at the same height. Rendering at a
 * resolution comes after, line by line, at the positions decided here. Pure: the width of a text in a face is
 * asked of a `Measure` the caller brings (fontkit in the main process).
 */

/** Below this, Chinese fills in on photo paper: nothing is set smaller, and text that cannot fit is refused. */
export const MIN_TYPE_PT = 6;
/** Each shrink step sets the text 12 % smaller. */
const SHRINK = 0.88;
/** A line is broken a little short of the measure: a face's hinting at a low preview dpi may widen it slightly. */
const SLACK = 0.985;
export const PT_TO_MM = 25.4 / 72;

/** Width in mm of `text` set at `sizePt`. */
export type Measure = (text: string, sizePt: number) => number;

/** Must not begin a line (closing punctuation), must not end one (opening punctuation): the usual 禁则. */
const NO_LINE_START = new Set([...'，。、；：？！）」』】》〉”’…·%％,.;:!?)]}']);
const NO_LINE_END = new Set([...'（「『【《〈“‘([{']);

/**
 * The pieces a line may break between: a CJK character alone, a Latin word or number with the spaces after it,
 * with closing punctuation held to what it closes and opening punctuation to what it opens.
 */
export function breakUnits(text: string): string[] {
  const raw = text.match(/[A-Za-z0-9\u00C0-\u024F'’\-–.,:;!?/@#&%+]+[ \t]*|[ \t]+|[\s\S]/gu) ?? [];
  const units: string[] = [];
  for (const piece of raw) {
    const last = units.length - 1;
    if (
      last >= 0 &&
      (NO_LINE_START.has(piece[0]!) || NO_LINE_END.has([...units[last]!].pop()!) || /^[ \t]+$/.test(piece))
    )
      units[last] += piece;
    else units.push(piece);
  }
  return units;
}

/** Greedy line breaking at `widthMm`; a forced break (newline) in the text is kept. A unit wider than the line is cut by character. */
export function breakLines(text: string, widthMm: number, sizePt: number, measure: Measure): string[] {
  const limit = widthMm * SLACK;
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const unit of breakUnits(paragraph)) {
      const candidate = line + unit;
      if (!line || measure(candidate.trimEnd(), sizePt) <= limit) {
        line = candidate;
        continue;
      }
      lines.push(line.trimEnd());
      line = unit.trimStart();
    }
    // One unit too long for any line (a very long number): cut it by character rather than overflow.
    const last = line.trimEnd();
    if (measure(last, sizePt) > limit && [...last].length > 1) {
      let part = '';
      for (const ch of last) {
        if (part && measure(part + ch, sizePt) > limit) {
          lines.push(part);
          part = '';
        }
        part += ch;
      }
      lines.push(part);
    } else lines.push(last);
  }
  return lines;
}

export interface TextStyle {
  sizePt: number;
  /** distance between baselines, in em */
  leading: number;
  /** at most this many lines (a quote: two); shrinks to fit them */
  maxLines?: number;
}

export interface SetText {
  lines: string[];
  sizePt: number;
  /** the height the lines take: their count times the leading */
  heightMm: number;
  lineHeightMm: number;
  /** set smaller than asked, to fit */
  shrunk: boolean;
}

/**
 * Sets one block in `widthMm` and at most `roomMm` of height: wrapped, then shrunk step by step to fit, never
 * under 6 pt (a size asked below the floor is raised to it). Null when it cannot fit at 6 pt: the caller names it.
 */
export function setText(
  text: string,
  style: TextStyle,
  widthMm: number,
  roomMm: number,
  measure: Measure,
): SetText | null {
  const start = Math.max(style.sizePt, MIN_TYPE_PT);
  for (let size = start; ; size = Math.max(MIN_TYPE_PT, size * SHRINK)) {
    const lines = breakLines(text, widthMm, size, measure);
    const lineHeightMm = size * style.leading * PT_TO_MM;
    const heightMm = lines.length * lineHeightMm;
    if (heightMm <= roomMm + 1e-9 && (!style.maxLines || lines.length <= style.maxLines))
      return { lines, sizePt: size, heightMm, lineHeightMm, shrunk: size < start - 1e-9 };
    if (size <= MIN_TYPE_PT) return null;
  }
}

export interface PlacedLine {
  text: string;
  /** which block it belongs to */
  block: number;
  sizePt: number;
  /** top of its line box and its width, in mm from the area's top-left */
  yMm: number;
  widthMm: number;
  /** left edge for its alignment, in mm from the area's left */
  xMm: number;
}

export interface SetCaption {
  lines: PlacedLine[];
  heightMm: number;
  shrunk: number[];
}

/** Space above a block, after the one before it: a share of the block's own size, so it scales with the type. */
export const BLOCK_GAP_EM = 0.55;

/**
 * A stack of blocks in an area: each block set in what the ones above it leave, a gap of `BLOCK_GAP_EM` of its
 * size above each block after the first, and the whole stack centred in the area's height (equal space above
 * and below, as a mat's text band should be). Returns the index of the first block that cannot fit at 6 pt.
 */
export function setCaption(
  blocks: { text: string; style: TextStyle; align: 'left' | 'center' | 'right'; measure: Measure }[],
  area: { w: number; h: number },
): SetCaption | { overflow: number } {
  const set: { text: SetText; index: number; gap: number }[] = [];
  let used = 0;
  for (const [index, b] of blocks.entries()) {
    if (!b.text.trim()) continue;
    const gapAsked = set.length ? BLOCK_GAP_EM * Math.max(b.style.sizePt, MIN_TYPE_PT) * PT_TO_MM : 0;
    const t = setText(b.text, b.style, area.w, area.h - used - gapAsked, b.measure);
    if (!t) return { overflow: index };
    // The gap follows the size the block was set at.
    const gap = set.length ? BLOCK_GAP_EM * t.sizePt * PT_TO_MM : 0;
    used += gap + t.heightMm;
    set.push({ text: t, index, gap });
  }
  const top = Math.max(0, (area.h - used) / 2);
  const lines: PlacedLine[] = [];
  let y = top;
  for (const { text, index, gap } of set) {
    y += gap;
    const b = blocks[index]!;
    for (const line of text.lines) {
      const widthMm = b.measure(line, text.sizePt);
      const xMm = b.align === 'left' ? 0 : b.align === 'right' ? area.w - widthMm : (area.w - widthMm) / 2;
      lines.push({ text: line, block: index, sizePt: text.sizePt, yMm: y, widthMm, xMm });
      y += text.lineHeightMm;
    }
  }
  return { lines, heightMm: used, shrunk: set.filter((s) => s.text.shrunk).map((s) => s.index) };
}
