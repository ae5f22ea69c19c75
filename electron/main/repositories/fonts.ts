import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FontFamily } from '../../../shared/model/gift';
import { assetsDir } from './assets';

/** family → weight → the face's file in assets/fonts, and the family name Pango knows it by. */
const PRINT_FACES: Record<FontFamily, Record<'normal' | 'bold', { file: string; name: string }>> = {
  sans: {
    normal: { file: 'NotoSansSC_400Regular.ttf', name: 'Noto Sans SC' },
    bold: { file: 'NotoSansSC_700Bold.ttf', name: 'Noto Sans SC Bold' },
  },
  serif: {
    normal: { file: 'NotoSerifSC_400Regular.ttf', name: 'Noto Serif SC' },
    bold: { file: 'NotoSerifSC_700Bold.ttf', name: 'Noto Serif SC Bold' },
  },
};

let facesDir: string | null = null;
/**
 * assets/fonts (see its README). librsvg and pdf-lib read a face as a file, so in a packaged app it is read from the
 * folder unpacked beside the archive.
 */
export function printFacesDir(): string {
  if (facesDir) return facesDir;
  const dir = path.join(assetsDir(), 'fonts');
  if (!existsSync(path.join(dir, PRINT_FACES.sans.normal.file)))
    throw new Error(`The print faces are missing from ${dir}`);
  facesDir = dir.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return facesDir;
}

/**
 * The CJK faces sheets are set in, so a machine with no Chinese font installed (a CI box, a print shop's PC)
 * prints the same characters.
 */
export function fontFor(family: FontFamily, weight: 'normal' | 'bold'): { file: string; name: string } {
  const face = PRINT_FACES[family][weight];
  return { file: path.join(printFacesDir(), face.file), name: face.name };
}

/** Every face, each once: what a test checks, and what a packaged app must carry. */
export function allPrintFaces(): { family: FontFamily; weight: 'normal' | 'bold'; file: string; name: string }[] {
  return (['sans', 'serif'] as const).flatMap((family) =>
    (['normal', 'bold'] as const).map((weight) => ({ family, weight, ...fontFor(family, weight) })),
  );
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
