export interface PrintFace {
  /** the npm package the face comes from */
  pkg: string;
  /** its path inside the package */
  file: string;
  /** the family name pango knows it by */
  name: string;
}
export const PRINT_FACES: Record<'sans' | 'serif', Record<'normal' | 'bold', PrintFace>>;
export const FACE_LICENCES: { pkg: string; file: string; as: string }[];
export function copyPrintFaces(dir: string): string[];
