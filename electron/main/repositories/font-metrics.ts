import fs from 'node:fs';

/**
 * The few numbers the typesetter needs from a TrueType face — each character's advance width, how high a glyph's
 * ink rises, the face's ascent and descent — read straight from its tables. A Chinese face is 10–15 MB and a
 * full parser (fontkit) keeps all of it in memory per face; this keeps the character map, the horizontal metrics
 * and the glyph locations (a few hundred KB), and reads a glyph's height from the file when first asked.
 */
export class FontMetrics {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  private readonly fd: number;
  private readonly glyfOffset: number;
  private readonly cmap: (cp: number) => number;
  private readonly advances: Uint16Array;
  private readonly loca: Uint32Array;
  private readonly heights = new Map<number, number>();

  constructor(file: string) {
    this.fd = fs.openSync(file, 'r');
    const read = (offset: number, length: number) => {
      const b = Buffer.alloc(length);
      fs.readSync(this.fd, b, 0, length, offset);
      return b;
    };
    const header = read(0, 12);
    const numTables = header.readUInt16BE(4);
    const dir = read(12, numTables * 16);
    const tables = new Map<string, { offset: number; length: number }>();
    for (let i = 0; i < numTables; i++)
      tables.set(dir.toString('latin1', i * 16, i * 16 + 4), {
        offset: dir.readUInt32BE(i * 16 + 8),
        length: dir.readUInt32BE(i * 16 + 12),
      });
    const table = (tag: string) => {
      const t = tables.get(tag);
      if (!t) throw new Error(`${file}: no ${tag} table (not a TrueType face)`);
      return { ...t, data: () => read(t.offset, t.length) };
    };
    const head = table('head').data();
    this.unitsPerEm = head.readUInt16BE(18);
    const longLoca = head.readInt16BE(50) === 1;
    const hhea = table('hhea').data();
    this.ascent = hhea.readInt16BE(4) / this.unitsPerEm;
    this.descent = -hhea.readInt16BE(6) / this.unitsPerEm;
    const hMetrics = hhea.readUInt16BE(34);
    const numGlyphs = table('maxp').data().readUInt16BE(4);

    const hmtx = table('hmtx').data();
    this.advances = new Uint16Array(numGlyphs);
    for (let g = 0; g < numGlyphs; g++) this.advances[g] = hmtx.readUInt16BE(Math.min(g, hMetrics - 1) * 4);

    const loca = table('loca').data();
    this.loca = new Uint32Array(numGlyphs + 1);
    for (let g = 0; g <= numGlyphs; g++)
      this.loca[g] = longLoca ? loca.readUInt32BE(g * 4) : loca.readUInt16BE(g * 2) * 2;
    this.glyfOffset = table('glyf').offset;
    this.cmap = readCmap(table('cmap').data(), file);
  }

  /** Advance width of `text` in em (no kerning: a caption's breaks keep a little slack for it). */
  width(text: string): number {
    let units = 0;
    for (const ch of text) units += this.advances[this.cmap(ch.codePointAt(0)!)] ?? 0;
    return units / this.unitsPerEm;
  }

  /** The highest point of the ink of `text` above the baseline, in em (0 for blank text). */
  inkAbove(text: string): number {
    let top = -Infinity;
    for (const ch of text) {
      const g = this.cmap(ch.codePointAt(0)!);
      let h = this.heights.get(g);
      if (h === undefined) {
        const from = this.loca[g]!;
        const empty = from === this.loca[g + 1];
        if (empty) h = -Infinity;
        else {
          const b = Buffer.alloc(10);
          fs.readSync(this.fd, b, 0, 10, this.glyfOffset + from);
          h = b.readInt16BE(8); // glyph header: contours, xMin, yMin, xMax, yMax
        }
        this.heights.set(g, h);
      }
      top = Math.max(top, h);
    }
    return Number.isFinite(top) ? top / this.unitsPerEm : 0;
  }
}

/** The face's Unicode map (format 12, else format 4) as a lookup; unmapped characters are glyph 0. */
function readCmap(cmap: Buffer, file: string): (cp: number) => number {
  const count = cmap.readUInt16BE(2);
  const subtables: { platform: number; encoding: number; offset: number }[] = [];
  for (let i = 0; i < count; i++)
    subtables.push({
      platform: cmap.readUInt16BE(4 + i * 8),
      encoding: cmap.readUInt16BE(6 + i * 8),
      offset: cmap.readUInt32BE(8 + i * 8),
    });
  const pick = (format: number) =>
    subtables.find(
      (s) =>
        cmap.readUInt16BE(s.offset) === format &&
        (s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10))),
    );
  const full = pick(12);
  if (full) {
    const groups = cmap.readUInt32BE(full.offset + 12);
    const starts = new Uint32Array(groups);
    const ends = new Uint32Array(groups);
    const glyphs = new Uint32Array(groups);
    for (let i = 0; i < groups; i++) {
      const at = full.offset + 16 + i * 12;
      starts[i] = cmap.readUInt32BE(at);
      ends[i] = cmap.readUInt32BE(at + 4);
      glyphs[i] = cmap.readUInt32BE(at + 8);
    }
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < starts[mid]!) hi = mid - 1;
        else if (cp > ends[mid]!) lo = mid + 1;
        else return glyphs[mid]! + (cp - starts[mid]!);
      }
      return 0;
    };
  }
  const bmp = pick(4);
  if (!bmp) throw new Error(`${file}: no Unicode character map`);
  const o = bmp.offset;
  const segs = cmap.readUInt16BE(o + 6) / 2;
  const endAt = o + 14;
  const startAt = endAt + segs * 2 + 2;
  const deltaAt = startAt + segs * 2;
  const rangeAt = deltaAt + segs * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segs; i++) {
      if (cp > cmap.readUInt16BE(endAt + i * 2)) continue;
      const start = cmap.readUInt16BE(startAt + i * 2);
      if (cp < start) return 0;
      const delta = cmap.readInt16BE(deltaAt + i * 2);
      const range = cmap.readUInt16BE(rangeAt + i * 2);
      if (!range) return (cp + delta) & 0xffff;
      const g = cmap.readUInt16BE(rangeAt + i * 2 + range + (cp - start) * 2);
      return g ? (g + delta) & 0xffff : 0;
    }
    return 0;
  };
}
