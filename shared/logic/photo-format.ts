import type { PhotoFormat } from '../model/photo';

/** File kinds by name, for walking a memory card before any byte is read. */
export const PHOTO_EXTENSIONS = [
  '.jpg',
  '.jpeg',
  '.jpe',
  '.jfif',
  '.png',
  '.tif',
  '.tiff',
  '.webp',
  '.avif',
  '.heic',
  '.heif',
  '.hif',
];
export const RAW_EXTENSIONS = [
  '.cr2',
  '.cr3',
  '.crw',
  '.nef',
  '.nrw',
  '.arw',
  '.srf',
  '.sr2',
  '.dng',
  '.raf',
  '.orf',
  '.rw2',
  '.pef',
  '.srw',
  '.x3f',
  '.3fr',
  '.iiq',
  '.erf',
  '.kdc',
  '.dcr',
  '.mrw',
  '.rwl',
  '.mos',
  '.gpr',
];
export const SIDECAR_EXTENSION = '.xmp';

export type FileKind = 'photo' | 'raw' | 'sidecar' | 'other';

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

export function kindOfFile(name: string): FileKind {
  const ext = extensionOf(name);
  if (PHOTO_EXTENSIONS.includes(ext)) return 'photo';
  if (RAW_EXTENSIONS.includes(ext)) return 'raw';
  if (ext === SIDECAR_EXTENSION) return 'sidecar';
  return 'other';
}

/** Card clutter that is not the user's: never report it as a failed import. */
export function isSystemFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('._') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
}

const ascii = (bytes: Uint8Array, start: number, len: number) =>
  String.fromCharCode(...bytes.subarray(start, start + len));

const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2', 'miaf'];

/** What the bytes say the file is, whatever its name: a text file renamed `.jpg` is not a JPEG. */
export function sniffFormat(bytes: Uint8Array): PhotoFormat | null {
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG') return 'png';
  if (
    (ascii(bytes, 0, 2) === 'II' && bytes[2] === 42 && bytes[3] === 0) ||
    (ascii(bytes, 0, 2) === 'MM' && bytes[2] === 0 && bytes[3] === 42)
  )
    return 'tiff';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 4) === 'ftyp') {
    const boxSize = Math.min(
      ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0,
      bytes.length,
      256,
    );
    const brands = [ascii(bytes, 8, 4)];
    for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(bytes, at, 4));
    if (brands.includes('avif') || brands.includes('avis')) return 'avif';
    if (brands.some((b) => HEIF_BRANDS.includes(b))) return 'heif';
  }
  return null;
}

/** What a non-image file seems to be, for the failure message (said by the message `content.<kind>`). */
export function describeContent(bytes: Uint8Array): 'empty' | 'text' | 'binary' {
  if (bytes.length === 0) return 'empty';
  const head = bytes.subarray(0, 512);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 0x80) printable++;
  return printable / head.length > 0.95 ? 'text' : 'binary';
}
