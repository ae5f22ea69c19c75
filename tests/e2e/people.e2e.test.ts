import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { appInChromium, hasChromium } from '../helpers/chromium';
import { lacks } from '../helpers/tools';
import { FACES_FIXTURES } from '../helpers/fixtures';

/**
 * A union staffer naming people: find faces from the People view, name one face of a group with the roster
 * autocomplete, then confirm the suggestions that follows with the keyboard, turn one down, and undo.
 */
describe.skipIf(lacks(hasChromium))('the People view in Chromium', () => {
  const app = appInChromium('cl-e2e-people-', async (app) => {
    const card = path.join(app.root, 'card');
    await fs.mkdir(card);
    for (const f of [
      'train/obama/obama.jpg',
      'train/obama/obama2.jpg',
      'test/obama1.jpg',
      'test/obama3.jpg',
      'train/biden/biden.jpg',
      'train/rose_leslie/img1.jpg',
    ])
      await fs.copyFile(path.join(FACES_FIXTURES, f), path.join(card, f.replace(/\//g, '_')));
    await app.t.services.projects.create(path.join(app.root, 'project'), '人物测试');
    await app.t.services.importer.run({ paths: [card] });
    const company = app.t.services.roster.createCompany({ name: '白宫' });
    for (const name of ['奥巴马', '拜登', '莱斯利'])
      app.t.services.roster.createWorker({ name, companyId: company.id });
  });
  beforeAll(async () => {
    await app.page.getByTestId('photo-grid').waitFor();
  });

  it('finds faces on demand and shows them in look-alike groups', async () => {
    await app.page.getByTestId('nav-people').click();
    await app.page.getByTestId('people-empty').waitFor();
    await app.page.getByTestId('face-scan').click();
    await app.page.getByTestId('face-group').first().waitFor({ timeout: 60_000 });
    expect(await app.page.getByTestId('face-job').textContent()).toContain('已检测 6/6 张照片');
    // Obama's four photos make one group, the largest, first.
    await expect.poll(() => app.page.getByTestId('face-group').first().getByTestId('face-tile').count()).toBe(4);
  });

  it('names one face of a group with the roster autocomplete; the rest become suggestions', async () => {
    const group = app.page.getByTestId('face-group').first();
    const tiles = group.getByTestId('face-tile');
    // Leave three out: only the first is named.
    for (const i of [1, 2, 3]) await tiles.nth(i).click();
    expect(await group.textContent()).toContain('已选 1 张');
    await group.getByTestId('group-name-input').fill('abm');
    await app.page.getByTestId('worker-option').first().waitFor();
    await app.page.keyboard.press('Enter');
    const obama = app.page.getByTestId('people-worker').filter({ hasText: '奥巴马' });
    await obama.waitFor();
    await expect.poll(() => obama.textContent()).toContain('建议 3');
    expect(await obama.textContent()).toContain('已确认 1');
  });

  it('confirms a suggestion with Enter, turns one down with X, and undoes', async () => {
    await app.page.getByTestId('people-worker').filter({ hasText: '奥巴马' }).click();
    const grid = app.page.getByTestId('suggestion-grid');
    await expect.poll(() => grid.getByTestId('suggested-face').count()).toBe(3);
    await grid.focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => grid.getByTestId('suggested-face').count()).toBe(2);
    await expect.poll(() => app.page.getByTestId('confirmed-face').count()).toBe(2);
    await app.page.keyboard.press('x');
    await expect.poll(() => grid.getByTestId('suggested-face').count()).toBe(1);
    // Ctrl+Z twice: the rejection, then the confirmation.
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => grid.getByTestId('suggested-face').count()).toBe(2);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => grid.getByTestId('suggested-face').count()).toBe(3);
    await expect.poll(() => app.page.getByTestId('confirmed-face').count()).toBe(1);
    // O: the whole photo, to be sure; Esc back to the keyboard work.
    await grid.focus();
    await app.page.keyboard.press('o');
    await app.page.getByTestId('face-photo').waitFor();
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('face-photo').waitFor({ state: 'detached' });
    // All at once.
    await app.page.getByTestId('confirm-all').click();
    await expect.poll(() => app.page.getByTestId('confirmed-face').count()).toBe(4);
    // The photos are tagged: the library knows who is in them.
    const photos = app.t.services.photos.list().filter((p) => /obama/.test(p.originalName));
    const obamaId = app.t.services.roster.resolveWorker('奥巴马').id;
    expect(photos.every((p) => p.workers.includes(obamaId) && p.faceRegions.some((r) => r.workerId === obamaId))).toBe(
      true,
    );
  });

  it('keeps a less sure suggestion apart: confirm-all leaves it, and Enter on it confirms that one', async () => {
    // Two more photos of him: a sharp one (a sure suggestion) and one out of focus (alike, but under SURE_SUGGESTION).
    const more = path.join(app.root, 'more');
    await fs.mkdir(more);
    await fs.copyFile(path.join(FACES_FIXTURES, 'test/obama_and_biden.jpg'), path.join(more, 'rally.jpg'));
    await sharp(path.join(FACES_FIXTURES, 'test/two_people.jpg'))
      .blur(6)
      .jpeg()
      .toFile(path.join(more, 'out-of-focus.jpg'));
    await app.t.services.importer.run({ paths: [more] });
    await app.t.services.faceJob.run();
    const photoOf = (name: string) => app.t.services.photos.list().find((p) => p.originalName === name)!.id;
    const sure = app.page.getByTestId('suggestion-grid').getByTestId('suggested-face');
    const section = app.page.getByTestId('doubtful-section');
    const doubtful = section.getByTestId('doubtful-face');
    await expect.poll(() => sure.count()).toBe(1);
    await expect.poll(() => doubtful.count()).toBe(1);
    expect(await sure.first().getAttribute('data-face-id')).toBe(
      app.t.services.faces.list({ photoId: photoOf('rally.jpg') }).find((f) => f.suggestion)!.faceId,
    );
    expect(await section.textContent()).toContain('不太确定，请逐张确认');
    expect(await app.page.getByTestId('confirm-all').textContent()).toBe('全部确认（1）');
    await app.page.getByTestId('confirm-all').click();
    await expect.poll(() => app.page.getByTestId('confirmed-face').count()).toBe(5);
    await expect.poll(() => sure.count()).toBe(0);
    expect(await doubtful.count()).toBe(1);
    expect(app.t.services.photos.get(photoOf('out-of-focus.jpg')).workers).toEqual([]);
    // One key each: Enter on the doubtful face in focus.
    await app.page.getByTestId('doubtful-grid').focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByTestId('confirmed-face').count()).toBe(6);
    await expect.poll(() => section.count()).toBe(0);
    expect(app.t.services.photos.get(photoOf('out-of-focus.jpg')).workers).toEqual([
      app.t.services.roster.resolveWorker('奥巴马').id,
    ]);
  });

  it('tags a worker from the library and picks their face among those found, instead of drawing it', async () => {
    await app.page.getByTestId('nav-library').click();
    const rose = app.t.services.photos.list().find((p) => p.originalName.includes('rose'))!;
    await app.page.locator(`[data-photo-id="${rose.id}"]`).click();
    await app.page.getByTestId('tag-input').fill('lsl');
    await app.page.getByTestId('worker-option').first().waitFor();
    await app.page.keyboard.press('Enter');
    const choice = app.page.getByTestId('face-choice-tile');
    await choice.first().waitFor();
    await choice.first().click();
    await app.page.getByTestId('face-choice').waitFor({ state: 'detached' });
    const leslie = app.t.services.roster.resolveWorker('莱斯利').id;
    expect(app.t.services.photos.get(rose.id).faceRegions.map((r) => r.workerId)).toEqual([leslie]);
    expect(app.t.services.faces.list({ photoId: rose.id })[0]!.workerId).toBe(leslie);
  });

  it('shows the faces in the loupe with their names, and names one by clicking it', async () => {
    const biden = app.t.services.photos.list().find((p) => p.originalName.includes('biden'))!;
    await app.page.locator(`[data-photo-id="${biden.id}"]`).dblclick();
    await app.page.getByTestId('loupe').waitFor();
    const box = app.page.getByTestId('face-box');
    await box.first().waitFor();
    await box.first().click();
    await app.page.getByTestId('face-popover').waitFor();
    await app.page.getByTestId('face-name-input').fill('bd');
    await app.page.getByTestId('worker-option').first().waitFor();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.getByTestId('face-region').textContent()).toContain('拜登');
    expect(app.t.services.photos.get(biden.id).workers).toEqual([app.t.services.roster.resolveWorker('拜登').id]);
  });
});
