import { AppError } from '../../../shared/errors';
import { msg } from '../../../shared/i18n/messages';
import { damageReason, damaged } from './decode-damage';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Decodes the primary image of a HEIC/HEIF file (HEVC, which sharp's prebuilt libvips cannot read) to upright
 * RGBA: libheif applies the container's rotation and mirroring. The WebAssembly decoder loads on first use.
 * A file libheif cannot parse is CORRUPT; one it parses but cannot decode is DAMAGED. It does not notice data
 * missing past the end (it paints it green): callers check the container first (decode-damage's assertWhole).
 */
export async function decodeHeifPrimary(bytes: Buffer, label: string, pixelLimit: number) {
  const { default: decodeHeif } = await import('heic-decode');
  let images: Awaited<ReturnType<typeof decodeHeif.all>>;
  try {
    images = await decodeHeif.all({ buffer: bytes });
  } catch (err) {
    throw new AppError('CORRUPT', msg('import.corrupt', { name: label, detail: message(err) }));
  }
  try {
    const primary = images[0];
    if (!primary) throw new AppError('CORRUPT', msg('import.heifEmpty', { name: label }));
    if (primary.width * primary.height > pixelLimit)
      throw new AppError(
        'TOO_LARGE',
        msg('import.tooLarge', {
          name: label,
          width: primary.width,
          height: primary.height,
          limit: Math.round(pixelLimit / 1e6),
        }),
      );
    let d;
    try {
      d = await primary.decode();
    } catch (err) {
      throw damaged(label, damageReason(message(err)));
    }
    return { width: d.width, height: d.height, data: Buffer.from(d.data.buffer, d.data.byteOffset, d.data.byteLength) };
  } finally {
    images.dispose();
  }
}
