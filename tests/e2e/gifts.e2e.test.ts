import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { appInChromium, hasChromium, choose } from '../helpers/chromium';
import { writePhoto } from '../helpers/factories';
import { lacks } from '../helpers/tools';

/** The gift run in Chromium: choose a template, see the preview change, drag the crop, export, see the progress. */
describe.skipIf(lacks(hasChromium))('gifts in Chromium', () => {
  const app = appInChromium('cl-e2e-gift-', async (app) => {
    for (let i = 0; i < 3; i++)
      await writePhoto(path.join(app.root, 'card'), `IMG_${i}.JPG`, {
        width: 2400,
        height: 1600,
        seed: 500 + i,
        exif: { IFD2: { DateTimeOriginal: '2025:05:12 10:00:00' } },
      });
    // A phone snapshot far too small for 10寸: about 60 ppi.
    await writePhoto(path.join(app.root, 'card'), 'IMG_small.JPG', { width: 600, height: 400, seed: 599 });
    const s = app.t.services;
    await s.projects.create(path.join(app.root, 'project'), '礼物测试');
    await s.importer.run({ paths: [path.join(app.root, 'card')], photographer: '陈晓明' });
    const co = s.roster.createCompany({ name: '科润智能控制股份有限公司', shortName: '科润智控' });
    const zhan = s.roster.createWorker({ name: '占牡丹', companyId: co.id, consent: 'exhibit' });
    const zhou = s.roster.createWorker({ name: '周丽娟', companyId: co.id, consent: 'declined' });
    const wang = s.roster.createWorker({ name: '王伟', companyId: co.id, consent: 'exhibit' });
    const photos = s.photos.list();
    const named = (n: string) => photos.find((p) => p.originalName === n)!.id;
    s.tagging.tag([named('IMG_0.JPG'), named('IMG_1.JPG')], zhan.id);
    s.tagging.tag([named('IMG_2.JPG')], zhou.id);
    s.tagging.tag([named('IMG_small.JPG')], wang.id);
  });
  beforeAll(async () => {
    await app.page.getByTestId('nav-gifts').click();
  });

  const previewSrc = () => app.page.getByTestId('sheet-preview').getAttribute('src');

  it('lists every tagged worker, the one who declined and the one too soft to print marked as such, and previews the sheet', async () => {
    await expect.poll(() => app.page.getByTestId('gift-item').count()).toBe(3);
    expect(await app.page.getByTestId('gift-list').textContent()).toMatch(/周丽娟.*不同意/);
    // Named before any export, by worker, in the chosen language.
    expect(await app.page.getByTestId('gift-item').filter({ hasText: '王伟' }).textContent()).toMatch(
      /\d+ ppi · 分辨率不足/,
    );
    await app.page.getByTestId('gift-item').filter({ hasText: '占牡丹' }).click();
    await expect
      .poll(() => app.page.getByTestId('sheet-preview').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(500);
  });

  it('changes the preview when another template is chosen', async () => {
    const before = await previewSrc();
    await choose(app.page, app.page.getByTestId('template-select').locator('..'), '红色卡纸 A4');
    await expect.poll(previewSrc).not.toBe(before);
    // The red mat really is in the preview: sample its pixels.
    const src = (await previewSrc())!;
    const bytes = await app.page.evaluate(
      async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())),
      src,
    );
    const { data, info } = await sharp(Buffer.from(bytes))
      .resize(20, 20, { fit: 'fill' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const i = (1 * 20 + 1) * info.channels; // just inside the 4 mm frame band: the mat
    expect(data[i]! > 120 && data[i + 1]! < 80).toBe(true);
    // The choice outlives a visit to another view.
    await app.page.getByTestId('nav-library').click();
    await app.page.getByTestId('nav-gifts').click();
    await expect.poll(() => app.page.getByTestId('template-select').inputValue()).toBe('red-mat-a4');
    await choose(app.page, app.page.getByTestId('template-select').locator('..'), '简约白框 10寸');
  });

  it('drags the crop and the gift remembers it', async () => {
    const before = await previewSrc();
    const box = (await app.page.getByTestId('crop-box').boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 10, { steps: 5 });
    await app.page.mouse.up();
    // Zoom in first if the crop had no room to move: the wheel makes one.
    await app.page.getByTestId('crop-box').hover();
    await app.page.mouse.wheel(0, -300);
    await expect.poll(() => app.t.services.gifts.list().find((g) => g.workerName === '占牡丹')!.crop).not.toBeNull();
    await expect.poll(previewSrc).not.toBe(before);
  });

  it('refuses CMYK for a JPEG and warns about marks in a raster file, before anything is written', async () => {
    await app.page.getByTestId('open-export').click();
    // The soft photo is named in the dialog, with the choice to export it anyway.
    expect(await app.page.getByTestId('export-too-soft').textContent()).toContain('王伟');
    await app.page.getByTestId('export-colour').locator('..').click();
    expect(await app.page.getByRole('option', { name: /FOGRA39/ }).getAttribute('aria-disabled')).toBe('true');
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('export-marks').check();
    await app.page.getByTestId('raster-marks-warning').waitFor();
    await app.page.getByTestId('export-marks').uncheck();
    expect(await app.page.getByTestId('raster-marks-warning').count()).toBe(0);
  });

  it('exports with progress, says what was written and skipped, and offers to mark the gifts printed', async () => {
    await app.page.getByTestId('export-out').fill(path.join(app.root, 'print'));
    await app.page.getByTestId('export-start').click();
    await app.page.getByTestId('export-done').waitFor({ timeout: 60_000 });
    const done = (await app.page.getByTestId('export-done').textContent())!;
    expect(done).toContain('写入 1 个文件，0 个已是最新');
    expect(done).toContain('跳过 2 位');
    expect(await app.page.getByTestId('export-dialog').textContent()).toMatch(/王伟.*低于 150/);
    const files = await fs.readdir(path.join(app.root, 'print'));
    expect(files.filter((f) => f.endsWith('.jpg'))).toEqual([expect.stringMatching(/^科润智控_占牡丹_/)]);
    expect(files).toEqual(
      expect.arrayContaining(['印制清单_简约白框_10寸_JPEG.pdf', '印制清单_简约白框_10寸_JPEG.csv']),
    );
    await app.page.getByTestId('mark-exported-printed').click();
    await app.page.getByTestId('marked-printed').waitFor();
    await expect
      .poll(() => app.t.services.gifts.list().find((g) => g.workerName === '占牡丹')!.handOver.printedAt)
      .not.toBeNull();
  });

  it('records the hand-over', async () => {
    await app.page.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => app.page.getByTestId('gift-list').textContent()).toContain('已印制');
    await app.page.getByTestId('gift-item').filter({ hasText: '占牡丹' }).click();
    await app.page.getByTestId('mark-framed').click();
    await expect
      .poll(() => app.t.services.gifts.list().find((g) => g.workerName === '占牡丹')!.handOver.framedAt)
      .not.toBeNull();
    await expect.poll(() => app.page.getByTestId('gift-list').textContent()).toContain('已装裱');
  });
});
