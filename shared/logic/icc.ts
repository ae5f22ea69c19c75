/** What an ICC profile says about itself: its colour space and its description, read from the header and tags. */
export interface IccInfo {
  /** 'CMYK', 'RGB ', 'GRAY' … as the header names it (trimmed) */
  colourSpace: string;
  description: string | null;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;

/** null when the bytes are not an ICC profile. Understands v2 ('desc') and v4 ('mluc') descriptions. */
export function iccInfo(b: Uint8Array): IccInfo | null {
  if (b.length < 132 || ascii(b, 36, 4) !== 'acsp') return null;
  const colourSpace = ascii(b, 16, 4).trim();
  let description: string | null = null;
  const count = u32(b, 128);
  for (let i = 0; i < count && 132 + i * 12 + 12 <= b.length; i++) {
    const at = 132 + i * 12;
    if (ascii(b, at, 4) !== 'desc') continue;
    const off = u32(b, at + 4);
    const type = ascii(b, off, 4);
    if (type === 'desc') {
      const len = u32(b, off + 8);
      description = ascii(b, off + 12, Math.max(0, len - 1));
    } else if (type === 'mluc') {
      const recOff = off + 16;
      const len = u32(b, recOff + 4);
      const start = off + u32(b, recOff + 8);
      let s = '';
      for (let k = 0; k + 1 < len; k += 2) s += String.fromCharCode((b[start + k]! << 8) | b[start + k + 1]!);
      description = s;
    }
  }
  return { colourSpace, description: description?.replace(/\u0000+$/, '') || null };
}
