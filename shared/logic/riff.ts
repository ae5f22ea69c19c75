/** WebP keeps EXIF and XMP in RIFF chunks that exifr does not look into; find them by walking the chunks. */
export interface WebpMetadataChunks {
  exif: Uint8Array | null;
  xmp: Uint8Array | null;
}

export function webpMetadataChunks(bytes: Uint8Array): WebpMetadataChunks {
  const out: WebpMetadataChunks = { exif: null, xmp: null };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    const start = at + 8;
    const end = Math.min(start + size, bytes.length);
    if (id === 'EXIF') {
      let chunk = bytes.subarray(start, end);
      // Some writers keep the JPEG APP1 "Exif\0\0" prefix; the TIFF header follows it.
      if (String.fromCharCode(...chunk.subarray(0, 4)) === 'Exif') chunk = chunk.subarray(6);
      out.exif = chunk;
    } else if (id === 'XMP ') {
      out.xmp = bytes.subarray(start, end);
    }
    at = start + size + (size % 2);
  }
  return out;
}
