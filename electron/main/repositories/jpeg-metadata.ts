/**
 * Writes print metadata into an encoded JPEG without touching its pixels: the resolution (JFIF density, in dots
 * per inch) and an ICC profile (APP2 ICC_PROFILE). sharp can only attach a profile by also transforming the
 * pixels into it — a full-sheet colour transform that costs as much as the frame, mat and captions together.
 */
export function withJpegPrintMetadata(jpeg: Buffer, dpi: number, icc: Buffer | null): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const segments: Buffer[] = [jpeg.subarray(0, 2)];
  let at = 2;
  let jfifDone = false;
  // Walk the header segments up to the first that is not an APPn; copy them, fixing JFIF on the way.
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1]! >= 0xe0 && jpeg[at + 1]! <= 0xef) {
    const len = jpeg.readUInt16BE(at + 2);
    const seg = Buffer.from(jpeg.subarray(at, at + 2 + len));
    if (seg[1] === 0xe0 && seg.toString('latin1', 4, 9) === 'JFIF\u0000') {
      seg[11] = 1; // units: dots per inch
      seg.writeUInt16BE(dpi, 12);
      seg.writeUInt16BE(dpi, 14);
      jfifDone = true;
    }
    // An ICC profile already there would be replaced by ours.
    if (!(icc && seg[1] === 0xe2 && seg.toString('latin1', 4, 16) === 'ICC_PROFILE\u0000')) segments.push(seg);
    at += 2 + len;
  }
  if (!jfifDone) {
    const app0 = Buffer.alloc(18);
    app0.writeUInt16BE(0xffe0, 0);
    app0.writeUInt16BE(16, 2);
    app0.write('JFIF\u0000', 4, 'latin1');
    app0[9] = 1;
    app0[10] = 1;
    app0[11] = 1;
    app0.writeUInt16BE(dpi, 12);
    app0.writeUInt16BE(dpi, 14);
    segments.splice(1, 0, app0);
  }
  if (icc) {
    const MAX = 65519 - 14;
    const chunks = Math.ceil(icc.length / MAX);
    for (let i = 0; i < chunks; i++) {
      const part = icc.subarray(i * MAX, (i + 1) * MAX);
      const head = Buffer.alloc(18);
      head.writeUInt16BE(0xffe2, 0);
      head.writeUInt16BE(2 + 14 + part.length, 2);
      head.write('ICC_PROFILE\u0000', 4, 'latin1');
      head[16] = i + 1;
      head[17] = chunks;
      segments.splice(2 + i, 0, Buffer.concat([head, part]));
    }
  }
  segments.push(jpeg.subarray(at));
  return Buffer.concat(segments);
}
