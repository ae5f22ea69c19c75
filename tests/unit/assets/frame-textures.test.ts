import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../../assets/frames');
const textures = fs.readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f));

/**
 * A frame texture tiles without a seam: where one tile meets the next (its last column against its first, its
 * last row against its first) the step is no larger than between neighbouring columns or rows inside it.
 */
describe('frame textures', () => {
  it.each(textures)('%s tiles seamlessly', async (name) => {
    const { data, info } = await sharp(path.join(dir, name)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[y * info.width + x]!;
    const columnStep = (a: number, b: number) => Array.from({ length: info.height }, (_, y) => Math.abs(at(a, y) - at(b, y))).reduce((s, d) => s + d, 0) / info.height;
    const rowStep = (a: number, b: number) => Array.from({ length: info.width }, (_, x) => Math.abs(at(x, a) - at(x, b))).reduce((s, d) => s + d, 0) / info.width;
    const inside = (step: (a: number, b: number) => number, n: number) => Array.from({ length: n - 1 }, (_, i) => step(i, i + 1)).reduce((s, d) => s + d, 0) / (n - 1);
    expect(columnStep(info.width - 1, 0)).toBeLessThan(2 * inside(columnStep, info.width) + 1);
    expect(rowStep(info.height - 1, 0)).toBeLessThan(2 * inside(rowStep, info.height) + 1);
  });
});
