import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';

/**
 * Decodes the primary image of a HEIC/HEIF file (HEVC, which sharp's prebuilt libvips cannot read) to upright
 * RGBA: libheif applies the container's rotation and mirroring. The WebAssembly decoder loads on first use.
 */
export async function decodeHeifPrimary(bytes: Buffer, label: string, pixelLimit: number) {
  const { default: decodeHeif } = await import('heic-decode');
  const images = await decodeHeif.all({ buffer: bytes });
  try {
    const primary = images[0];
    if (!primary) throw new AppError('CORRUPT', msg('import.heifEmpty', { name: label }));
    if (primary.width * primary.height > pixelLimit)
      throw new AppError('TOO_LARGE', msg('import.tooLarge', { name: label, width: primary.width, height: primary.height, limit: Math.round(pixelLimit / 1e6) }));
    const d = await primary.decode();
    return { width: d.width, height: d.height, data: Buffer.from(d.data.buffer, d.data.byteOffset, d.data.byteLength) };
  } finally {
    images.dispose();
  }
}
