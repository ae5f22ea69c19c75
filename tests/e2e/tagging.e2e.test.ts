import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost } from '../helpers/browser-host';
import { hasChromium, launchChromium } from '../helpers/chromium';
import { tempDir, writePhoto } from '../helpers/factories';
import { writeXlsx } from '../helpers/spreadsheets';

/**
 * A union staffer's afternoon, through the UI in Chromium: import a roster, tag a photo by pinyin initials, draw a
 * face, batch-set a company on a selection, undo it, and filter to what is still untagged.
 */
describe.skipIf(!hasChromium)('roster and tagging in Chromium', () => {
  let t: Awaited<ReturnType<typeof startTestHost>>;
  let browser: Browser;
  let page: Page;
  let root: string;

  beforeAll(async () => {
    t = await startTestHost();
    root = await tempDir('cl-e2e-tag-');
    for (let i = 0; i < 4; i++) await writePhoto(path.join(root, 'card'), `IMG_${i}.JPG`, { width: 1200, height: 800, seed: 400 + i, exif: { IFD2: { DateTimeOriginal: `2025:05:12 10:0${i}:00` } } });
    await writeXlsx(path.join(root, '名单.xlsx'), [
      ['科润智控职工名单'],
      ['姓名', '单位', '车间', '工号', '同意展出'],
      ['占牡丹', '科润智能控制股份有限公司', '装配车间', '0012', '同意'],
      ['王伟', '科润智能控制股份有限公司', '机加车间', '0045', '同意'],
      ['周丽娟', '江山华宇机械有限公司', '总装', '0103', '不同意'],
    ]);
    await t.services.projects.create(path.join(root, 'project'), '标注测试');
    await t.services.importer.run({ paths: [path.join(root, 'card')] });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(t.host.url);
    await page.getByTestId('photo-grid').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('imports the roster after a preview, creating the companies it names', async () => {
    await page.getByTestId('nav-roster').click();
    await page.getByTestId('roster-empty').waitFor();
    await page.getByTestId('open-roster-import').first().click();
    await page.getByTestId('roster-file').fill(path.join(root, '名单.xlsx'));
    await page.getByTestId('roster-read').click();
    // Neither company is in the roster yet: every row waits for the choice to create them.
    await expect.poll(() => page.getByTestId('roster-summary').textContent()).toContain('将新增 0 人，更新 0 人，跳过 3 行');
    await page.getByTestId('roster-create-companies').click();
    await expect.poll(() => page.getByTestId('roster-summary').textContent()).toContain('将新增 3 人');
    await page.getByTestId('roster-apply').click();
    await expect.poll(() => page.getByTestId('worker-row').count()).toBe(3);
    expect(await page.getByTestId('company-list').textContent()).toContain('江山华宇机械有限公司');
  });

  it('tags a photo by pinyin initials and draws the face', async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('photo-tile').first().click();
    await page.getByTestId('tag-input').click();
    await page.keyboard.type('zmd');
    await page.getByTestId('worker-option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('tagged-worker').textContent()).toContain('占牡丹');
    await page.getByTestId('draw-face').click();
    await page.getByTestId('drawing-hint').waitFor();
    const box = (await page.getByTestId('face-draw-surface').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 6 });
    await page.mouse.up();
    await page.getByTestId('face-region').waitFor();
    const photo = t.services.photos.list().find((p) => p.workers.length)!;
    expect(photo.faceRegions[0]).toMatchObject({ x: expect.closeTo(0.4, 1), y: expect.closeTo(0.2, 1), w: expect.closeTo(0.2, 1), h: expect.closeTo(0.3, 1) });
    await page.keyboard.press('Escape');
    await page.getByTestId('photo-grid').waitFor();
  });

  it('batch-sets a company on a selection, then undoes it', async () => {
    const tiles = page.getByTestId('photo-tile');
    await tiles.nth(1).click();
    await tiles.nth(3).click({ modifiers: ['Shift'] });
    await page.getByTestId('batch-editor').waitFor();
    await page.getByTestId('batch-company').locator('..').click();
    await page.getByRole('option', { name: '江山华宇机械有限公司' }).click();
    await page.getByTestId('batch-apply').click();
    await expect.poll(() => t.services.photos.list({ company: '江山华宇机械有限公司' }).length).toBe(3);
    await page.getByTestId('undo').click();
    await expect.poll(() => t.services.photos.list({ company: '江山华宇机械有限公司' }).length).toBe(0);
    await page.getByTestId('history-menu').click();
    expect(await page.getByTestId('history-entry').first().textContent()).toContain('江山华宇机械有限公司');
    await page.keyboard.press('Escape');
  });

  it('filters to untagged photos, and to photos whose face is not yet boxed', async () => {
    await page.getByTestId('filter-untagged').click();
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(3);
    await page.getByTestId('filter-untagged').click();
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(4);
    await page.getByTestId('filter-missing-region').click();
    await expect.poll(() => page.getByTestId('photo-tile').count()).toBe(0);
    await page.getByTestId('filter-missing-region').click();
  });
});
