import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FontFamily } from '../../../shared/model/gift';
import { PRINT_FACES, type PrintFace } from '../../../scripts/print-faces.js';

const require = createRequire(import.meta.url);

/**
 * Where a face is: in its npm package in a checkout; in a packaged app, which carries no font package, in the
 * out/fonts the build filled (the bundles sit in out/main and out/cli, one level below it). librsvg and pdf-lib
 * read the file themselves, so a copy inside the app's asar archive is read from the unpacked folder beside it.
 */
function faceFile(face: PrintFace): string {
  try {
    return path.join(path.dirname(require.resolve(`${face.pkg}/package.json`)), face.file);
  } catch {
    const built = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fonts', path.basename(face.file));
    return built.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  }
}

/**
 * The CJK faces sheets are set in (scripts/print-faces.js), so a machine with no Chinese font installed (a CI
 * box, a print shop's PC) prints the same characters.
 */
export function fontFor(family: FontFamily, weight: 'normal' | 'bold'): { file: string; name: string } {
  const face = PRINT_FACES[family][weight];
  return { file: faceFile(face), name: face.name };
}

/**
 * A face cut down to the characters given (HarfBuzz's subsetter): a PDF embeds kilobytes, not the whole 10 MB
 * face, and the web gallery carries its own Chinese font, so a phone or PC without one shows no boxes.
 */
export async function subsetFace(
  family: FontFamily,
  weight: 'normal' | 'bold',
  chars: Iterable<string>,
  format: 'truetype' | 'woff2',
): Promise<Buffer> {
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(await fs.readFile(fontFor(family, weight).file), [...chars].join(''), { targetFormat: format });
}
