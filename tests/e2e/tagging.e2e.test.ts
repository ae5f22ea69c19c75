import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appInChromium, hasChromium, choose } from '../helpers/chromium';
import { writePhoto } from '../helpers/factories';
import { writeXlsx } from '../helpers/spreadsheets';
import { lacks } from '../helpers/tools';

/**
 * A union staffer's afternoon, through the UI in Chromium: import a roster, tag a photo by pinyin initials, draw a
 * face, batch-set a company on a selection, undo it, and filter to what is still untagged.
 */
describe.skipIf(lacks(hasChromium))('roster and tagging in Chromium', () => {
  const app = appInChromium('cl-e2e-tag-', async (app) => {
    for (let i = 0; i < 4; i++)
      await writePhoto(path.join(app.root, 'card'), `IMG_${i}.JPG`, {
        width: 1200,
        height: 800,
        seed: 400 + i,
        exif: { IFD2: { DateTimeOriginal: `2025:05:12 10:0${i}:00` } },
      });
    await writeXlsx(path.join(app.root, '名单.xlsx'), [
      ['科润智控职工名单'],
      ['姓名', '单位', '车间', '工号', '同意展出'],
      ['占牡丹', '科润智能控制股份有限公司', '装配车间', '0012', '同意'],
      ['王伟', '科润智能控制股份有限公司', '机加车间', '0045', '同意'],
      ['周丽娟', '江山华宇机械有限公司', '总装', '0103', '不同意'],
    ]);
    // A list nobody labelled the usual way: no 姓名 header at all.
    await writeXlsx(path.join(app.root, '新员工.xlsx'), [
      ['编号', '人员', '所在单位'],
      ['1', '毛小峰', '科润智能控制股份有限公司'],
      ['2', '徐敏', '科润智能控制股份有限公司'],
    ]);
    await app.t.services.projects.create(path.join(app.root, 'project'), '标注测试');
    await app.t.services.importer.run({ paths: [path.join(app.root, 'card')] });
  });
  beforeAll(async () => {
    await app.page.getByTestId('photo-grid').waitFor();
  });

  it('imports the roster after a preview, creating the companies it names', async () => {
    await app.page.getByTestId('nav-roster').click();
    await app.page.getByTestId('roster-empty').waitFor();
    await app.page.getByTestId('open-roster-import').first().click();
    await app.page.getByTestId('roster-file').fill(path.join(app.root, '名单.xlsx'));
    await app.page.getByTestId('roster-read').click();
    // Neither company is in the roster yet: the preview says how many rows that skips, and offers to create them.
    await expect
      .poll(() => app.page.getByTestId('roster-summary').textContent())
      .toContain('将新增 0 人，更新 0 人，跳过 3 行');
    expect(await app.page.getByTestId('roster-unknown-companies').textContent()).toContain('有 3 行的单位不在名册中');
    expect(await app.page.getByTestId('roster-apply').isDisabled()).toBe(true);
    await app.page.getByTestId('roster-create-companies-button').click();
    await expect.poll(() => app.page.getByTestId('roster-summary').textContent()).toContain('将新增 3 人');
    // The preview shows what each row says about consent, as it will be recorded.
    expect(await app.page.getByTestId('roster-row-consent').allTextContents()).toEqual([
      '同意展出',
      '同意展出',
      '不同意',
    ]);
    if (process.env.CL_SCREENSHOTS)
      await app.page.screenshot({ path: path.join(process.env.CL_SCREENSHOTS, 'roster-import.png') });
    expect(await app.page.getByTestId('roster-apply').textContent()).toBe('导入：新增 3、更新 0');
    await app.page.getByTestId('roster-apply').click();
    await expect.poll(() => app.page.getByTestId('worker-row').count()).toBe(3);
    expect(await app.page.getByTestId('company-list').textContent()).toContain('江山华宇机械有限公司');
  });

  it("asks which column holds the names when a list has no 姓名 header, showing each column's first values", async () => {
    await app.page.getByTestId('open-roster-import').first().click();
    await app.page.getByTestId('roster-file').fill(path.join(app.root, '新员工.xlsx'));
    await app.page.getByTestId('roster-read').click();
    await app.page.getByTestId('roster-pick-name').waitFor();
    expect(await app.page.getByTestId('roster-column').count()).toBe(3);
    expect(await app.page.getByTestId('roster-column').nth(1).textContent()).toContain('毛小峰、徐敏');
    await expect.poll(() => app.page.getByTestId('roster-summary').textContent()).toContain('跳过 2 行');
    await choose(app.page, app.page.getByTestId('map-人员').locator('..'), '姓名');
    await expect.poll(() => app.page.getByTestId('roster-summary').textContent()).toContain('将新增 2 人');
    await app.page.getByTestId('roster-apply').click();
    await expect.poll(() => app.page.getByTestId('worker-row').count()).toBe(5);
  });

  it('tags a photo by pinyin initials and draws the face', async () => {
    await app.page.getByTestId('nav-library').click();
    await app.page.getByTestId('photo-tile').first().click();
    await app.page.getByTestId('tag-input').click();
    await app.page.keyboard.type('zmd');
    await app.page.getByTestId('worker-option').first().waitFor();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByTestId('tagged-worker').textContent()).toContain('占牡丹');
    await app.page.getByTestId('draw-face').click();
    await app.page.getByTestId('drawing-hint').waitFor();
    const box = (await app.page.getByTestId('face-draw-surface').boundingBox())!;
    await app.page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 6 });
    await app.page.mouse.up();
    await app.page.getByTestId('face-region').waitFor();
    const photo = app.t.services.photos.list().find((p) => p.workers.length)!;
    expect(photo.faceRegions[0]).toMatchObject({
      x: expect.closeTo(0.4, 1),
      y: expect.closeTo(0.2, 1),
      w: expect.closeTo(0.2, 1),
      h: expect.closeTo(0.3, 1),
    });
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('photo-grid').waitFor();
  });

  it('batch-sets a company on a selection, then undoes it', async () => {
    const tiles = app.page.getByTestId('photo-tile');
    await tiles.nth(1).click();
    await tiles.nth(3).click({ modifiers: ['Shift'] });
    await app.page.getByTestId('batch-editor').waitFor();
    await choose(app.page, app.page.getByTestId('batch-company').locator('..'), '江山华宇机械有限公司');
    await app.page.getByTestId('batch-apply').click();
    await expect.poll(() => app.t.services.photos.list({ company: '江山华宇机械有限公司' }).length).toBe(3);
    await app.page.getByTestId('undo').click();
    await expect.poll(() => app.t.services.photos.list({ company: '江山华宇机械有限公司' }).length).toBe(0);
    await app.page.getByTestId('history-menu').click();
    expect(await app.page.getByTestId('history-entry').first().textContent()).toContain('江山华宇机械有限公司');
    await app.page.keyboard.press('Escape');
  });

  it('filters to untagged photos, and to photos whose face is not yet boxed', async () => {
    await app.page.getByTestId('filter-untagged').click();
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(3);
    await app.page.getByTestId('filter-untagged').click();
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(4);
    await app.page.getByTestId('filter-missing-region').click();
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(0);
    await app.page.getByTestId('filter-missing-region').click();
  });

  it("finds photos by a worker's initials in the search box", async () => {
    await app.page.getByTestId('library-search').fill('zmd');
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(1);
    await app.page.getByTestId('library-search').fill('');
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(4);
  });

  it("asks before a worker of another company changes a photo's company", async () => {
    const tiles = app.page.getByTestId('photo-tile');
    await tiles.nth(2).click();
    const id = await tiles.nth(2).getAttribute('data-photo-id');
    const keRun = app.t.services.roster.findCompany('科润智能控制股份有限公司')!;
    await app.t.services.tagging.update([id!], { companyId: keRun.id });
    await app.page.getByTestId('tag-input').click();
    await app.page.keyboard.type('zlj');
    await app.page.getByTestId('worker-option').first().waitFor();
    await app.page.keyboard.press('Enter');
    await app.page.getByTestId('tag-company-conflict').waitFor();
    expect(app.t.services.photos.get(id!).workers).toEqual([]);
    await app.page.getByTestId('tag-company-worker').click();
    await expect.poll(() => app.t.services.photos.get(id!).company).toBe('江山华宇机械有限公司');
    expect(app.t.services.photos.get(id!).workers).toHaveLength(1);
  });
});
