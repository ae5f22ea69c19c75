import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iccInfo } from '../../../../shared/logic/icc';

describe(iccInfo.name, () => {
  it('reads the colour space and description of the shipped press profile, and refuses what is not a profile', () => {
    const fogra = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../assets/icc/FOGRA39-coated.icc'));
    expect(iccInfo(fogra)).toEqual({
      colourSpace: 'CMYK',
      description: 'FOGRA39 (ISO 12647-2 coated), made with ArgyllCMS from FOGRA39L data',
    });
    expect(
      iccInfo(Buffer.from('not a profile at all, just some text that is long enough to have a header '.repeat(3))),
    ).toBeNull();
  });
});
