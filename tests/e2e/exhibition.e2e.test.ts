import fs from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { mmToPt } from '../../shared/logic/print-geometry';
import { appInChromium, hasChromium, choose } from '../helpers/chromium';
import { writePhoto } from '../helpers/factories';
import { lacks } from '../helpers/tools';

/** The exhibition run in Chromium: auto-fill, drag a photo to another board, see its label, export the boards. */
describe.skipIf(lacks(hasChromium))('exhibition in Chromium', () => {
  const app = appInChromium('cl-e2e-exhibition-', async (app) => {
    for (let i = 0; i < 6; i++)
      await writePhoto(path.join(app.root, 'card'), `IMG_${i}.JPG`, {
        width: i === 2 ? 1600 : 2400,
        height: i === 2 ? 2400 : 1600,
        seed: 700 + i,
      });
    const s = app.t.services;
    await s.projects.create(path.join(app.root, 'project'), '展览测试');
    await s.importer.run({ paths: [path.join(app.root, 'card')], photographer: '陈晓明' });
    const co = s.roster.createCompany({ name: '科润智能控制股份有限公司', shortName: '科润智控' });
    const zhan = s.roster.createWorker({
      name: '占牡丹',
      companyId: co.id,
      consent: 'exhibit',
      craft: '绕线工',
      quote: '被看见，累也轻了',
    });
    const zhou = s.roster.createWorker({ name: '周丽娟', companyId: co.id, consent: 'declined' });
    const photos = s.photos.list();
    const named = (n: string) => photos.find((p) => p.originalName === n)!.id;
    s.tagging.tag([named('IMG_0.JPG'), named('IMG_1.JPG')], zhan.id);
    s.tagging.tag([named('IMG_5.JPG')], zhou.id);
  });
  beforeAll(async () => {
    await app.page.getByTestId('nav-exhibition').click();
  });

  const boardOf = (number: string) => number.match(/^板(\d+)-/)![1];

  it('starts empty, and auto-fill lays the photos that may hang on the boards, the declined one left off with the reason', async () => {
    await app.page.getByTestId('exhibition-empty').waitFor();
    await app.page.getByTestId('board-count').fill('2');
    await app.page.getByTestId('exhibition-autofill').click();
    await expect.poll(() => app.page.getByTestId('board').count()).toBe(2);
    await expect.poll(() => app.page.getByTestId('board-photo').count()).toBe(5);
    // The list of what is off the wall arrives just after the boards.
    await expect.poll(() => app.page.getByTestId('left-off').textContent()).toMatch(/IMG_5\.JPG.*周丽娟 不同意展出/);
  });

  it('moves a photo to the other board by dragging it, renumbered, and undoes the move', async () => {
    const first = app.page.getByTestId('board').nth(0).getByTestId('board-photo').first();
    const id = (await first.getAttribute('data-photo-id'))!;
    expect(boardOf((await first.getAttribute('data-number'))!)).toBe('1');
    await first.dragTo(app.page.getByTestId('board').nth(1).getByTestId('board-photo').first());
    const moved = app.page.locator(`[data-testid="board-photo"][data-photo-id="${id}"]`);
    await expect.poll(() => moved.getAttribute('data-number')).toBe('板2-01');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => moved.getAttribute('data-number')).toBe('板1-01');
  });

  it('shows the wall label of a photo as it will print', async () => {
    await app.page.locator('[data-testid="board-photo"][data-number="板1-01"]').click();
    await expect.poll(() => app.page.getByTestId('label-number').textContent()).toBe('板1-01');
    await expect
      .poll(() => app.page.getByTestId('label-preview').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(500);
  });

  it('edits the label style in the caption editor, previewed live, and saves it as the project\u2019s own', async () => {
    await app.page.getByTestId('label-template-edit').click();
    await app.page.getByTestId('label-template-preview').waitFor();
    await app.page.getByTestId('label-template-name').fill('我们的展签');
    await app.page.getByTestId('label-template-save').click();
    await expect.poll(() => app.page.getByTestId('label-template-select').inputValue()).toMatch(/^label_/);
    expect(app.t.services.labels.list().map((l) => l.name)).toContain('我们的展签');
  });

  it('exports the boards as PDFs at their physical size', async () => {
    await app.page.getByTestId('exhibition-export').click();
    await app.page.getByTestId('exhibition-export-out').fill(path.join(app.root, 'boards'));
    await app.page.getByTestId('exhibition-export-start').click();
    await app.page.getByTestId('exhibition-export-done').waitFor({ timeout: 60_000 });
    const files = (await fs.readdir(path.join(app.root, 'boards'))).sort();
    expect(files).toEqual(expect.arrayContaining(['展板01_90x120cm.pdf', '展板02_90x120cm.pdf', '印制清单_展板.pdf']));
    const doc = await PDFDocument.load(await fs.readFile(path.join(app.root, 'boards', '展板01_90x120cm.pdf')));
    expect(doc.getPage(0).getTrimBox().width).toBeCloseTo(mmToPt(900), 1);
  });

  it('exports the web gallery from the window, after saying what it would publish', async () => {
    await app.page.getByRole('button', { name: '关闭' }).click();
    await app.page.getByTestId('gallery-open').click();
    await expect
      .poll(() => app.page.getByTestId('gallery-check').textContent())
      .toMatch(/将发布 5 张照片和 1 位职工的名字（不含手机号、工号、GPS）/);
    // Everyone whose name will not be published is listed, with why.
    expect(await app.page.getByTestId('gallery-left-out-workers').textContent()).toMatch(/周丽娟：不同意展出/);
    if (process.env.CL_SCREENSHOTS)
      await app.page.screenshot({ path: path.join(process.env.CL_SCREENSHOTS, 'gallery-check.png') });
    await app.page.getByTestId('gallery-out').fill(path.join(app.root, 'web'));
    await app.page.getByTestId('gallery-start').click();
    await app.page.getByTestId('gallery-done').waitFor({ timeout: 60_000 });
    expect((await fs.readdir(path.join(app.root, 'web', 'photos'))).length).toBe(5);
    await expect(fs.stat(path.join(app.root, 'web', 'index.html'))).resolves.toBeTruthy();
  });

  it('holds a second exhibition for another venue, planned on its own, and switches between them', async () => {
    await app.page.getByRole('button', { name: '关闭' }).click();
    await app.page.getByTestId('exhibition-new').click();
    await app.page.getByTestId('exhibition-new-venue').fill('华宇机械 食堂');
    await app.page.getByTestId('exhibition-new-venue').press('Enter');
    await expect.poll(() => app.page.getByTestId('exhibition-venue').inputValue()).toBe('华宇机械 食堂');
    // Its own boards: the first exhibition's two boards are not touched.
    expect(await app.page.getByTestId('board').count()).toBe(1);
    const all = app.t.services.exhibitions.list();
    expect(all.map((e) => e.boards.length).sort()).toEqual([1, 2]);
    await choose(app.page, app.page.getByTestId('exhibition-which').locator('..'), '未填地点的展览');
    await expect.poll(() => app.page.getByTestId('board').count()).toBe(2);
  });
});
