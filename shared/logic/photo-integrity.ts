import { msg, type Message } from '../i18n/messages';

/**
 * Whether a photo file's own structure says it was cut short: what it points at runs past its last byte. Pure
 * parsing of the container (no decoding), for the formats whose decoders do not say so themselves, or say it
 * too late: HEIF/AVIF and CR3 (ISO-BMFF boxes and the item locations in `iloc`: libheif paints what is missing
 * green), TIFF and the RAW formats built on it (IFDs, strips, tiles, embedded JPEGs: libtiff cannot find an IFD
 * past the end and calls the file "unsupported"), WebP (RIFF chunks), PNG (chunks), Fujifilm RAF (its JPEG
 * preview) and JPEG (header segments, and scan data that must reach its EOI marker: libjpeg notices too, but its
 * words can be lost when several pictures decode at once).
 *
 * Only evidence counts: a structure it cannot follow (garbage, a format it does not know) gives `null`, and the
 * decoder decides. Never throws on any input.
 */
export interface Truncation {
  /** what runs past the end, as the format names it: "item 1 (hvc1)", "mdat box", "IFD0 strip 3", "IDAT chunk" */
  part: string;
  /** the byte the file would have to reach for that part to be whole, when the part says how long it is */
  end: number | null;
  /** the file's length */
  size: number;
}

/** The damage as it is said to people: "truncated: the file ends before the picture does (… runs to byte …)". */
export function truncationMessage(t: Truncation): Message {
  const detail =
    t.end === null
      ? msg('damage.endsInside', { part: t.part, size: t.size })
      : msg('damage.pastEnd', { part: t.part, end: t.end, size: t.size });
  return msg('damage.truncated', { detail });
}

export function findTruncation(bytes: Uint8Array): Truncation | null {
  const r = new Reader(bytes);
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegTruncation(r);
  if (r.ascii(4, 4) === 'ftyp') return bmffTruncation(r);
  if (r.ascii(0, 4) === 'RIFF') return riffTruncation(r);
  if (bytes[0] === 0x89 && r.ascii(1, 3) === 'PNG') return pngTruncation(r);
  if (r.ascii(0, 16) === 'FUJIFILMCCD-RAW ') return rafTruncation(r);
  const order = r.ascii(0, 2);
  if (order === 'II' || order === 'MM') return tiffTruncation(r, order === 'II');
  return null;
}

/** Bounds-checked reads: past the end gives `null`, never an exception or a wrong number. */
class Reader {
  readonly size: number;
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.size = bytes.length;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(at: number, n: number): boolean {
    return at >= 0 && n >= 0 && at + n <= this.size;
  }
  ascii(at: number, n: number): string {
    return this.has(at, n) ? String.fromCharCode(...this.bytes.subarray(at, at + n)) : '';
  }
  u8(at: number): number | null {
    return this.has(at, 1) ? this.bytes[at]! : null;
  }
  u16(at: number, le = false): number | null {
    return this.has(at, 2) ? this.view.getUint16(at, le) : null;
  }
  u32(at: number, le = false): number | null {
    return this.has(at, 4) ? this.view.getUint32(at, le) : null;
  }
  /** An unsigned big-endian number of 0, 2, 4 or 8 bytes (ISO-BMFF field sizes). */
  uint(at: number, n: number): number | null {
    if (n === 0) return 0;
    if (n === 2) return this.u16(at);
    if (n === 4) return this.u32(at);
    if (n === 8) {
      const hi = this.u32(at);
      const lo = this.u32(at + 4);
      return hi === null || lo === null ? null : hi * 2 ** 32 + lo;
    }
    return null;
  }
}

/** Of several parts past the end, the one that reaches furthest: it says how much of the file is missing. */
const furthest = (found: Truncation[]): Truncation | null =>
  found.reduce<Truncation | null>((a, b) => (!a || (b.end ?? 0) > (a.end ?? 0) ? b : a), null);

// --- JPEG ---

/** Marker names as the JPEG standard gives them, for the part that is cut short. */
function jpegMarker(m: number): string {
  if (m >= 0xe0 && m <= 0xef) return `APP${m - 0xe0}`;
  if (m >= 0xc0 && m <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(m)) return `SOF${m - 0xc0}`;
  return (
    { 0xc4: 'DHT', 0xcc: 'DAC', 0xda: 'SOS', 0xdb: 'DQT', 0xdd: 'DRI', 0xfe: 'COM' }[m] ?? `marker 0x${m.toString(16)}`
  );
}

/**
 * The header's segments (each says its length) up to the first scan; from there the picture must reach an EOI
 * marker. Inside entropy-coded data an 0xFF byte is always followed by 0x00 or a restart marker, so FF D9 cannot
 * appear there by chance: a file with none after its first scan ends inside the picture. Bytes broken in the
 * middle (which can look like any marker) leave the EOI at the end where it was, and are the decoder's to find.
 * What follows EOI (a phone's motion clip, a second picture) is not looked at.
 */
function jpegTruncation(r: Reader): Truncation | null {
  const b = r.bytes;
  let at = 2;
  for (;;) {
    if (at >= r.size) return { part: 'JPEG header', end: null, size: r.size };
    if (b[at] !== 0xff) return null; // not where a marker should be: the decoder decides
    while (at + 1 < r.size && b[at + 1] === 0xff) at++; // fill bytes
    const m = r.u8(at + 1);
    if (m === null) return { part: 'JPEG header', end: null, size: r.size };
    if (m === 0xd9) return null; // EOI before any scan: nothing to cut short
    if ((m >= 0xd0 && m <= 0xd7) || m === 0x01) {
      at += 2;
      continue;
    }
    const length = r.u16(at + 2);
    if (length === null) return { part: `${jpegMarker(m)} segment`, end: at + 4, size: r.size };
    if (length < 2) return null;
    const end = at + 2 + length;
    if (end > r.size) return { part: `${jpegMarker(m)} segment`, end, size: r.size };
    at = end;
    if (m === 0xda) break;
  }
  for (let ff = b.indexOf(0xff, at); ff >= 0 && ff + 1 < r.size; ff = b.indexOf(0xff, ff + 1))
    if (b[ff + 1] === 0xd9) return null;
  return { part: 'JPEG scan data', end: null, size: r.size };
}

// --- ISO-BMFF (HEIF, AVIF, CR3) ---

interface Box {
  type: string;
  start: number;
  /** where its contents begin, after the size and type (and a large size) */
  body: number;
  end: number;
}

/** The boxes between `from` and `to`, in order; stops at a size it cannot follow (the decoder then decides). */
function boxes(r: Reader, from: number, to: number): Box[] {
  const out: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    const size32 = r.u32(at)!;
    const type = r.ascii(at + 4, 4);
    let size = size32;
    let body = at + 8;
    if (size32 === 1) {
      const large = r.uint(at + 8, 8);
      if (large === null) break;
      size = large;
      body = at + 16;
    } else if (size32 === 0) size = to - at; // "to the end of the file"
    if (size < body - at) break;
    out.push({ type, start: at, body, end: at + size });
    at += size;
  }
  return out;
}

function bmffTruncation(r: Reader): Truncation | null {
  const top = boxes(r, 0, r.size);
  const found: Truncation[] = [];
  // Items first: "the picture's data (item 1) runs past the end" says more than "the mdat box does".
  const meta = top.find((b) => b.type === 'meta' && b.end <= r.size);
  if (meta) found.push(...itemsPastEnd(r, meta));
  if (!found.length)
    for (const b of top) if (b.end > r.size) found.push({ part: `${b.type} box`, end: b.end, size: r.size });
  return furthest(found);
}

/** Items whose data (`iloc` extents in this file) ends past its last byte, named with their type from `iinf`. */
function itemsPastEnd(r: Reader, meta: Box): Truncation[] {
  const children = boxes(r, meta.body + 4, meta.end); // meta is a FullBox: version and flags first
  const iloc = children.find((b) => b.type === 'iloc');
  if (!iloc) return [];
  const types = itemTypes(
    r,
    children.find((b) => b.type === 'iinf'),
  );
  const version = r.u8(iloc.body);
  const sizes = r.u8(iloc.body + 4);
  const sizes2 = r.u8(iloc.body + 5);
  if (version === null || version > 2 || sizes === null || sizes2 === null) return [];
  const offsetSize = sizes >> 4;
  const lengthSize = sizes & 15;
  const baseSize = sizes2 >> 4;
  const indexSize = version >= 1 ? sizes2 & 15 : 0;
  let at = iloc.body + 6;
  const count = version < 2 ? r.u16(at) : r.u32(at);
  if (count === null) return [];
  at += version < 2 ? 2 : 4;
  const out: Truncation[] = [];
  for (let i = 0; i < count; i++) {
    const id = version < 2 ? r.u16(at) : r.u32(at);
    at += version < 2 ? 2 : 4;
    let method = 0;
    if (version >= 1) {
      const m = r.u16(at);
      if (m === null) return out;
      method = m & 15;
      at += 2;
    }
    const dataRef = r.u16(at);
    const base = r.uint(at + 2, baseSize);
    at += 2 + baseSize;
    const extents = r.u16(at);
    at += 2;
    if (id === null || dataRef === null || base === null || extents === null) return out;
    for (let e = 0; e < extents; e++) {
      at += indexSize;
      const offset = r.uint(at, offsetSize);
      const length = r.uint(at + offsetSize, lengthSize);
      at += offsetSize + lengthSize;
      if (offset === null || length === null || at > iloc.end) return out;
      // Only data in this file, placed by file offset (method 0); `idat` lies inside the meta box, which is whole.
      if (method !== 0 || dataRef !== 0) continue;
      // A length of 0 means "to the end of the file": past the end only if it starts there.
      const end = base + offset + (length || 0);
      if (end > r.size || (length === 0 && base + offset > r.size))
        out.push({ part: `item ${id}${types.has(id) ? ` (${types.get(id)})` : ''}`, end, size: r.size });
    }
  }
  return out;
}

/** Item id → type (`hvc1`, `grid`, `Exif`…) from `iinf`'s `infe` entries of version 2 or 3. */
function itemTypes(r: Reader, iinf: Box | undefined): Map<number, string> {
  const types = new Map<number, string>();
  if (!iinf || iinf.end > r.size) return types;
  const version = r.u8(iinf.body);
  const first = iinf.body + 4 + (version === 0 ? 2 : 4);
  for (const infe of boxes(r, first, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const v = r.u8(infe.body);
    if (v === 2) {
      const id = r.u16(infe.body + 4);
      if (id !== null) types.set(id, r.ascii(infe.body + 8, 4));
    } else if (v === 3) {
      const id = r.u32(infe.body + 4);
      if (id !== null) types.set(id, r.ascii(infe.body + 10, 4));
    }
  }
  return types;
}

// --- TIFF and the RAW formats built on it (DNG, NEF, ARW, CR2, PEF, ORF, RW2) ---

/** Bytes per value of each TIFF field type. */
const TIFF_TYPE_SIZE: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
};
/** Classic TIFF, Olympus ORF ("IIRO", "IIRS") and Panasonic RW2 ("IIU"): 32-bit offsets from the file's start. */
const TIFF_MAGICS = new Set([42, 0x4f52, 0x5352, 0x55]);
const TAG_NAMES: Record<number, string> = {
  0x111: 'StripOffsets',
  0x117: 'StripByteCounts',
  0x144: 'TileOffsets',
  0x145: 'TileByteCounts',
  0x14a: 'SubIFDs',
  0x2bc: 'XMP',
  0x83bb: 'IPTC',
  0x8773: 'ICCProfile',
  0x927c: 'MakerNote',
};
/** Image data as (offsets tag, lengths tag, what one piece is called). */
const DATA_PAIRS: [number, number, string][] = [
  [0x111, 0x117, 'strip'],
  [0x144, 0x145, 'tile'],
  [0x201, 0x202, 'JPEG'],
];
const MAX_IFDS = 64;

interface Entry {
  tag: number;
  type: number;
  count: number;
  /** where the values are: in the entry itself when they fit in 4 bytes, else at the offset it holds */
  at: number;
}

function tiffTruncation(r: Reader, le: boolean): Truncation | null {
  const magic = r.u16(2, le);
  const first = r.u32(4, le);
  if (magic === null || !TIFF_MAGICS.has(magic) || first === null || first < 8) return null;
  const found: Truncation[] = [];
  const queue: [number, string][] = [[first, 'IFD0']];
  const seen = new Set<number>();
  let chain = 0;
  while (queue.length && seen.size < MAX_IFDS) {
    const [at, name] = queue.shift()!;
    if (seen.has(at)) continue;
    seen.add(at);
    const count = r.u16(at, le);
    if (count === null) {
      found.push({ part: name, end: at + 2, size: r.size });
      continue;
    }
    if (count === 0) continue;
    const tableEnd = at + 2 + 12 * count;
    if (tableEnd > r.size) {
      found.push({ part: name, end: tableEnd, size: r.size });
      continue;
    }
    const entries = new Map<number, Entry>();
    for (let i = 0; i < count; i++) {
      const e = at + 2 + 12 * i;
      const tag = r.u16(e, le)!;
      const type = r.u16(e + 2, le)!;
      const n = r.u32(e + 4, le)!;
      const unit = TIFF_TYPE_SIZE[type];
      if (!unit) continue; // a type this reader does not know: not evidence of anything
      const bytes = unit * n;
      const valuesAt = bytes <= 4 ? e + 8 : r.u32(e + 8, le)!;
      entries.set(tag, { tag, type, count: n, at: valuesAt });
      if (bytes > 4 && valuesAt + bytes > r.size)
        found.push({
          part: `${name} ${TAG_NAMES[tag] ?? `tag 0x${tag.toString(16).padStart(4, '0')}`}`,
          end: valuesAt + bytes,
          size: r.size,
        });
    }
    for (const [offsetsTag, lengthsTag, piece] of DATA_PAIRS) {
      const offsets = values(r, entries.get(offsetsTag), le);
      const lengths = values(r, entries.get(lengthsTag), le);
      for (let i = 0; i < Math.min(offsets.length, lengths.length); i++) {
        const end = offsets[i]! + lengths[i]!;
        if (lengths[i]! > 0 && end > r.size)
          found.push({ part: `${name} ${piece}${offsets.length > 1 ? ` ${i}` : ''}`, end, size: r.size });
      }
    }
    values(r, entries.get(0x14a), le).forEach((sub, i) => queue.push([sub, `SubIFD${i + 1}`]));
    const exif = values(r, entries.get(0x8769), le)[0];
    if (exif) queue.push([exif, 'ExifIFD']);
    // The next IFD of the chain (IFD1: the thumbnail; a CR2's IFD3: the raw data).
    if (name.startsWith('IFD')) {
      const next = r.u32(tableEnd, le);
      if (next) queue.push([next, `IFD${++chain}`]);
    }
  }
  return furthest(found);
}

/** The numbers of a SHORT, LONG or IFD entry (values past the end of the file are already reported, and skipped). */
function values(r: Reader, e: Entry | undefined, le: boolean): number[] {
  if (!e || ![3, 4, 13].includes(e.type)) return [];
  const unit = e.type === 3 ? 2 : 4;
  const out: number[] = [];
  for (let i = 0; i < Math.min(e.count, 1 << 20); i++) {
    const v = unit === 2 ? r.u16(e.at + 2 * i, le) : r.u32(e.at + 4 * i, le);
    if (v === null) break;
    out.push(v);
  }
  return out;
}

// --- WebP (RIFF), PNG, Fujifilm RAF ---

function riffTruncation(r: Reader): Truncation | null {
  const declared = r.u32(4, true)!;
  const riffEnd = 8 + declared;
  let at = 12;
  while (at + 8 <= Math.min(riffEnd, r.size)) {
    const id = r.ascii(at, 4);
    const size = r.u32(at + 4, true)!;
    const end = at + 8 + size;
    if (end > r.size) return { part: `${id.trim()} chunk`, end, size: r.size };
    at = end + (size % 2);
  }
  return riffEnd > r.size ? { part: 'RIFF', end: riffEnd, size: r.size } : null;
}

function pngTruncation(r: Reader): Truncation | null {
  let at = 8;
  while (at + 8 <= r.size) {
    const length = r.u32(at)!;
    const type = r.ascii(at + 4, 4);
    // IEND carries no data: a file cut in its checksum still holds the whole picture.
    if (type === 'IEND') return null;
    const end = at + 12 + length;
    if (end > r.size) return { part: `${type} chunk`, end, size: r.size };
    at = end;
  }
  return null;
}

/** RAF: a header that says where the embedded JPEG (the preview a lone RAW is imported from) lies. */
function rafTruncation(r: Reader): Truncation | null {
  const offset = r.u32(84);
  const length = r.u32(88);
  if (offset === null || length === null || !offset || !length) return null;
  return offset + length > r.size ? { part: 'JPEG preview', end: offset + length, size: r.size } : null;
}
