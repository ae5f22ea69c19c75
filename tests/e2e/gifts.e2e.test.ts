import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/browser-host';
import { hasChromium, launchChromium } from '../helpers/chromium';
import { tempDir, writePhoto } from '../helpers/factories';

/** The gift run in Chromium: choose a template, see the preview change, drag the crop, export, see the progress. */
describe.skipIf(!hasChromium)('gifts in Chromium', () => {
  let t: Awaited<ReturnType<typeof startTestHost>>;
  let browser: Browser;
  let page: Page;
  let root: string;

  beforeAll(async () => {
    t = await startTestHost();
    root = await tempDir('cl-e2e-gift-');
    for (let i = 0; i < 3; i++) await writePhoto(path.join(root, 'card'), `IMG_${i}.JPG`, { width: 2400, height: 1600, seed: 500 + i, exif: { IFD2: { DateTimeOriginal: '2025:05:12 10:00:00' } } });
    const s = t.services;
    await s.projects.create(path.join(root, 'project'), '礼物测试');
    await s.importer.run({ paths: [path.join(root, 'card')], photographer: '陈晓明' });
    const co = s.roster.createCompany({ name: '科润智能控制股份有限公司', shortName: '科润智控' });
    const zhan = s.roster.createWorker({ name: '占牡丹', companyId: co.id, consent: 'exhibit' });
    const zhou = s.roster.createWorker({ name: '周丽娟', companyId: co.id, consent: 'declined' });
    const photos = s.photos.list();
    s.tagging.tag([photos[0]!.id, photos[1]!.id], zhan.id);
    s.tagging.tag([photos[2]!.id], zhou.id);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(t.host.url);
    await page.getByTestId('nav-gifts').click();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const previewSrc = () => page.getByTestId('sheet-preview').getAttribute('src');

  it('lists every tagged worker, the one who declined marked as such, and previews the sheet', async () => {
    await expect.poll(() => page.getByTestId('gift-item').count()).toBe(2);
    expect(await page.getByTestId('gift-list').textContent()).toMatch(/周丽娟.*不同意/);
    await page.getByTestId('gift-item').filter({ hasText: '占牡丹' }).click();
    await expect.poll(() => page.getByTestId('sheet-preview').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(500);
  });

  it('changes the preview when another template is chosen', async () => {
    const before = await previewSrc();
    await page.getByTestId('template-select').locator('..').click();
    await page.getByRole('option', { name: '红色卡纸 A4' }).click();
    await expect.poll(previewSrc).not.toBe(before);
    // The red mat really is in the preview: sample its pixels.
    const src = (await previewSrc())!;
    const bytes = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), src);
    const { data, info } = await sharp(Buffer.from(bytes)).resize(20, 20, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
    const i = (1 * 20 + 1) * info.channels; // just inside the 4 mm frame band: the mat
    expect(data[i]! > 120 && data[i + 1]! < 80).toBe(true);
  });

  it('drags the crop and the gift remembers it', async () => {
    const before = await previewSrc();
    const box = (await page.getByTestId('crop-box').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 10, { steps: 5 });
    await page.mouse.up();
    // Zoom in first if the crop had no room to move: the wheel makes one.
    await page.getByTestId('crop-box').hover();
    await page.mouse.wheel(0, -300);
    await expect.poll(() => t.services.gifts.list().find((g) => g.workerName === '占牡丹')!.crop).not.toBeNull();
    await expect.poll(previewSrc).not.toBe(before);
  });

  it('exports with progress and an order sheet', async () => {
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-out').fill(path.join(root, 'print'));
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-done').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('export-done').textContent()).toContain('已导出 1 个文件，跳过 1 位');
    const files = await fs.readdir(path.join(root, 'print'));
    expect(files.filter((f) => f.endsWith('.jpg'))).toEqual([expect.stringMatching(/^科润智控_占牡丹_/)]);
    expect(files).toEqual(expect.arrayContaining(['印制清单.pdf', '印制清单.csv']));
  });

  it('records the hand-over', async () => {
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByTestId('mark-printed').click();
    await expect.poll(() => t.services.gifts.list().find((g) => g.workerName === '占牡丹')!.handOver.printedAt).not.toBeNull();
    await expect.poll(() => page.getByTestId('gift-list').textContent()).toContain('已印制');
  });
});
