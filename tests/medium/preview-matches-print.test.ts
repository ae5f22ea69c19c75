import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '../../shared/logic/gift-templates';
import { freshProjects } from '../helpers/services';

const freshProject = freshProjects();

/** A photo with soft shapes and a sharp edge or two: what a preview and a print both have to carry. */
async function photo(file: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3600" height="2400"><defs><linearGradient id="g"><stop offset="0" stop-color="#2e4a62"/><stop offset="1" stop-color="#c9a36b"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="1800" cy="1000" r="520" fill="#e9d3b5"/><rect x="300" y="1700" width="3000" height="300" fill="#58402c"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 95 }).toFile(file);
}

/** Share of pixels that differ by more than `tolerance` (of 255) in any channel. */
async function differing(a: Buffer, b: Buffer, tolerance: number) {
  const x = await sharp(a).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const y = await sharp(b).removeAlpha().resize(x.info.width, x.info.height, { fit: 'fill' }).raw().toBuffer();
  let off = 0;
  for (let i = 0; i < x.data.length; i += 3)
    if (
      Math.abs(x.data[i]! - y[i]!) > tolerance ||
      Math.abs(x.data[i + 1]! - y[i + 1]!) > tolerance ||
      Math.abs(x.data[i + 2]! - y[i + 2]!) > tolerance
    )
      off++;
  return off / (x.data.length / 3);
}

/**
 * Preview = print: every built-in template, with captions long enough to wrap and a quote, rendered for the
 * screen and exported at 300 dpi; the export, scaled to the preview's size, differs in under 1 % of pixels by
 * more than 8/255. Lines break in the same places (typeset in mm) and the grain is as coarse (tiled in mm).
 */
describe('preview and print agree', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id] as const))('%s', async (templateId) => {
    const { services, root } = await freshProject();
    await fs.mkdir(path.join(root, 'card'), { recursive: true });
    await photo(path.join(root, 'card', 'shot.jpg'));
    await services.importer.run({ paths: [path.join(root, 'card')], photographer: '陈晓明', shootDay: '2025-05-12' });
    const co = services.roster.createCompany({ name: '科润智能控制股份有限公司' });
    const w = services.roster.createWorker({
      name: '欧阳建国',
      companyId: co.id,
      craft: '绕线工',
      quote:
        '很少被拍到工作的样子，被看见，累也轻了。这一卷线我绕了二十年，每一圈都要匀，每一层都要紧，干活的人心里有数。',
    });
    services.tagging.tag([services.photos.list()[0]!.id], w.id, { x: 0.42, y: 0.3, w: 0.16, h: 0.25 });

    const preview = await services.gifts.preview(w.id, templateId);
    const previewFile = services.sources.sheetPreviewFile(preview.mediaId);
    const printed = await services.exporter.run({
      templateId,
      dpi: 300,
      format: 'jpeg',
      bleedMm: 0,
      marks: false,
      cmyk: false,
      per: 'worker',
      outDir: path.join(root, 'out'),
      allowLowRes: true,
    });
    expect(printed.files).toHaveLength(1);
    const share = await differing(await fs.readFile(previewFile), await fs.readFile(printed.files[0]!.path), 8);
    expect(share).toBeLessThan(0.01);
  });
});
