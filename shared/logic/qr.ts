/**
 * QR codes as vector rectangles: the module matrix (node-qrcode, the maintained encoder on npm) turned into runs
 * of dark modules, so a PDF holds a few hundred rectangles rather than an image and prints sharp at any size. Pure.
 */
import QRCode from 'qrcode';
import type { DrawOp } from './page-drawing';

/** Medium error correction: survives a scratch or a glare spot on a laminated label, keeps the code small. */
const LEVEL = 'M';
/** The blank border a phone needs around the code, in modules. */
export const QUIET_ZONE = 4;

/** The dark modules of `text`'s code, row by row (true = dark). */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: LEVEL });
  return Array.from({ length: modules.size }, (_, y) =>
    Array.from({ length: modules.size }, (_, x) => !!modules.get(x, y)),
  );
}

/** The code in a `sizeMm` square at (x, y), quiet zone included: a white square under the code itself. */
export function qrOps(text: string, x: number, y: number, sizeMm: number): DrawOp[] {
  return [
    { kind: 'rect', x, y, w: sizeMm, h: sizeMm, fill: '#ffffff' },
    { kind: 'qr', x, y, size: sizeMm, text },
  ];
}

/**
 * The dark modules as runs, row by row: [column, row, length] in module units from the top-left of the code with
 * its quiet zone. A run is drawn as one rectangle so no hairline shows between neighbours.
 */
export function qrRuns(text: string): { modules: number; runs: [number, number, number][] } {
  const matrix = qrMatrix(text);
  const runs: [number, number, number][] = [];
  matrix.forEach((row, r) => {
    for (let c = 0; c < row.length;) {
      if (!row[c]) {
        c++;
        continue;
      }
      let end = c;
      while (end < row.length && row[end]) end++;
      runs.push([QUIET_ZONE + c, QUIET_ZONE + r, end - c]);
      c = end;
    }
  });
  return { modules: matrix.length + 2 * QUIET_ZONE, runs };
}

/** A photo's page in the web gallery: what a wall label's code opens (the gallery writes pages at this address). */
export function photoPageUrl(baseUrl: string, photoId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/photos/${encodeURIComponent(photoId)}.html`;
}

/** A gallery address a phone can open: http(s) with a host, no spaces. */
export function isWebAddress(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && !!u.hostname && !/\s/.test(text);
  } catch {
    return false;
  }
}
