import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontFamily } from '../../../shared/model/gift';

const require = createRequire(import.meta.url);
const dirOf = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

/**
 * The CJK faces sheets are set in, shipped as npm packages (OFL) so a machine with no Chinese font installed
 * (a CI box, a print shop's PC) prints the same characters: Noto Sans SC and Noto Serif SC (TrueType, so
 * pdf-lib can subset them into order sheets too).
 */
export function fontFor(family: FontFamily, weight: 'normal' | 'bold'): { file: string; name: string } {
  if (family === 'serif') {
    const dir = dirOf('@expo-google-fonts/noto-serif-sc');
    return weight === 'bold'
      ? { file: path.join(dir, '700Bold', 'NotoSerifSC_700Bold.ttf'), name: 'Noto Serif SC Bold' }
      : { file: path.join(dir, '400Regular', 'NotoSerifSC_400Regular.ttf'), name: 'Noto Serif SC' };
  }
  const dir = dirOf('@expo-google-fonts/noto-sans-sc');
  return weight === 'bold'
    ? { file: path.join(dir, '700Bold', 'NotoSansSC_700Bold.ttf'), name: 'Noto Sans SC Bold' }
    : { file: path.join(dir, '400Regular', 'NotoSansSC_400Regular.ttf'), name: 'Noto Sans SC' };
}

/**
 * A face cut down to the characters given (HarfBuzz's subsetter): a PDF embeds kilobytes, not the whole 10 MB
 * face, and the web gallery carries its own Chinese font, so a phone or PC without one shows no boxes.
 */
export async function subsetFace(family: FontFamily, weight: 'normal' | 'bold', chars: Iterable<string>, format: 'truetype' | 'woff2'): Promise<Buffer> {
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(await fs.readFile(fontFor(family, weight).file), [...chars].join(''), { targetFormat: format });
}
