import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The four faces printed pages, order sheets and the web gallery set Chinese in: OFL Noto Sans SC and Noto Serif SC,
// TrueType so sharp's text renderer (librsvg/pango) and pdf-lib both take them, and no CJK font is needed on the
// machine. A checkout reads them from their npm packages (devDependencies); the build copies these four files
// and their licences into out/fonts, and that is all a packaged app carries of the packages' 207 MB.

/** family → weight → where the face is in its package, and the family name pango knows it by. */
export const PRINT_FACES = {
  sans: {
    normal: {
      pkg: '@expo-google-fonts/noto-sans-sc',
      file: '400Regular/NotoSansSC_400Regular.ttf',
      name: 'Noto Sans SC',
    },
    bold: { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf', name: 'Noto Sans SC Bold' },
  },
  serif: {
    normal: {
      pkg: '@expo-google-fonts/noto-serif-sc',
      file: '400Regular/NotoSerifSC_400Regular.ttf',
      name: 'Noto Serif SC',
    },
    bold: {
      pkg: '@expo-google-fonts/noto-serif-sc',
      file: '700Bold/NotoSerifSC_700Bold.ttf',
      name: 'Noto Serif SC Bold',
    },
  },
};

/** Each package's OFL text, copied beside its faces under this name. */
export const FACE_LICENCES = [
  { pkg: '@expo-google-fonts/noto-sans-sc', file: 'LICENSE_FONT', as: 'OFL-NotoSansSC.txt' },
  { pkg: '@expo-google-fonts/noto-serif-sc', file: 'LICENSE_FONT', as: 'OFL-NotoSerifSC.txt' },
];

const require = createRequire(import.meta.url);
const inPackage = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

/** Copies the four faces and their licences into `dir` (out/fonts at build); answers the files written. */
export function copyPrintFaces(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const copies = [
    ...Object.values(PRINT_FACES)
      .flatMap((weights) => Object.values(weights))
      .map((f) => ({ from: inPackage(f.pkg, f.file), to: path.basename(f.file) })),
    ...FACE_LICENCES.map((l) => ({ from: inPackage(l.pkg, l.file), to: l.as })),
  ];
  return copies.map(({ from, to }) => {
    fs.copyFileSync(from, path.join(dir, to));
    return path.join(dir, to);
  });
}
