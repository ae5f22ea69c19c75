import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium, hasChromium, choose } from '../helpers/chromium';
import { writePhoto } from '../helpers/factories';
import { lacks } from '../helpers/tools';

/**
 * A photographer's first day, through the real UI in Chromium against the browser host: create a project,
 * import a card, see thumbnails, open the loupe, cull with keys, filter.
 */
describe.skipIf(lacks(hasChromium))('library flow in Chromium', () => {
  const app = appInChromium('cl-e2e-', async (app) => {
    const card = path.join(app.root, 'card', 'DCIM', '100CANON');
    for (let i = 0; i < 6; i++)
      await writePhoto(card, `IMG_000${i}.JPG`, {
        width: 1200,
        height: 800,
        orientation: i === 2 ? 6 : 1,
        seed: 80 + i,
        exif: {
          IFD0: { Artist: 'Chen Xiaoming', Make: 'Canon', Model: 'Canon EOS R6' },
          IFD2: {
            DateTimeOriginal: `2025:05:12 09:3${i}:00`,
            OffsetTimeOriginal: '+08:00',
            ExposureTime: '1/125',
            FNumber: '4/1',
            ISOSpeedRatings: '400',
          },
        },
      });
    await fs.writeFile(path.join(card, 'broken.jpg'), 'not really a photo');
  });

  it('shows the start screen in Chinese with nothing recent yet', async () => {
    await app.page.getByTestId('start-new').waitFor();
    expect(await app.page.getByTestId('recent-empty').textContent()).toContain('还没有打开过项目');
  });

  it('creates a project from the start screen', async () => {
    await app.page.getByTestId('start-new').click();
    await app.page.getByTestId('project-name').fill('五月 · 科润智控');
    await app.page.getByTestId('project-dir').fill(path.join(app.root, 'project'));
    await app.page.getByTestId('project-create').click();
    await app.page.getByTestId('library-empty').waitFor();
    expect(await app.page.getByTestId('project-name').textContent()).toBe('五月 · 科润智控');
  });

  it('imports a folder through the server-side folder browser and sees thumbnails', async () => {
    await app.page.getByTestId('open-import').click();
    await app.page.getByRole('button', { name: '添加文件夹' }).click();
    await app.page.getByTestId('folder-path').fill(path.join(app.root, 'card', 'DCIM'));
    await app.page.getByRole('button', { name: '前往' }).click();
    await app.page.getByRole('button', { name: '100CANON' }).click();
    await expect.poll(() => app.page.getByTestId('folder-browser').textContent()).toContain('此文件夹中有 7 张照片');
    await app.page.getByTestId('folder-choose').click();
    // The photographer is pre-filled from EXIF Artist.
    await expect.poll(() => app.page.getByTestId('import-photographer').inputValue()).toBe('Chen Xiaoming');
    await app.page.getByTestId('import-company').fill('科润智能控制股份有限公司');
    await app.page.getByTestId('import-start').click();
    // While the import runs the empty grid says so; it never claims that nothing matches the filters.
    let saidNoMatch = false;
    while (!(await app.page.getByTestId('import-summary').isVisible())) {
      if (await app.page.getByTestId('library-no-match').isVisible()) saidNoMatch = true;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(saidNoMatch).toBe(false);
    expect(await app.page.getByTestId('import-summary').textContent()).toContain('新增 6 张');
    await app.page.getByTestId('import-details').click();
    expect(await app.page.getByTestId('import-failures').textContent()).toMatch(/broken\.jpg.*UNSUPPORTED/);
    // The job tray in the app bar holds the same import, ended, with its outcome in the same words.
    await app.page.getByTestId('job-tray').click();
    const tray = app.page.getByTestId('job-tray-panel');
    await expect.poll(() => tray.getByTestId('job-import').getAttribute('data-state')).toBe('finished');
    expect(await tray.getByTestId('job-import').textContent()).toMatch(/导入.*已完成.*新增 6 张/);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(6);
    // Every thumbnail actually loaded.
    await expect
      .poll(() =>
        app.page.$$eval(
          '[data-testid=photo-tile] img',
          (imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length,
        ),
      )
      .toBe(6);
    // IMG_0002 is stored sideways (portrait pixels, EXIF Orientation 6): shown upright it is landscape like the rest.
    const sizes = await app.page.$$eval('[data-testid=photo-tile] img', (imgs) =>
      imgs.map((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]),
    );
    expect(sizes.every(([w, h]) => w! > h!)).toBe(true);
  });

  it('opens the loupe with the metadata, and culls with Lightroom keys', async () => {
    await app.page.getByTestId('photo-tile').first().click();
    await app.page.keyboard.press('Space');
    await app.page.getByTestId('loupe').waitFor();
    await expect
      .poll(() => app.page.getByTestId('loupe-image').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await app.page.getByTestId('meta-captured').textContent()).toBe('2025-05-12 09:30:00 (UTC+08:00)');
    expect(await app.page.getByTestId('meta-exposure').textContent()).toBe('1/125 s · f/4 · ISO 400');
    await app.page.keyboard.press('4');
    await app.page.keyboard.press('p');
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('x');
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('2');
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('photo-grid').waitFor();
    const tiles = app.page.getByTestId('photo-tile');
    await expect.poll(() => tiles.nth(0).getAttribute('data-rating')).toBe('4');
    // Each key is its own edit, answered in turn: wait for every one, not only the first.
    await expect.poll(() => tiles.nth(0).getAttribute('data-flag')).toBe('picked');
    await expect.poll(() => tiles.nth(1).getAttribute('data-flag')).toBe('rejected');
    await expect.poll(() => tiles.nth(2).getAttribute('data-rating')).toBe('2');
    await app.page.keyboard.press('u');
    await app.page.keyboard.press('0');
    await expect.poll(() => tiles.nth(2).getAttribute('data-rating')).toBe('0');
  });

  it('zooms to 100% from the original (Z), pans by dragging, and goes back', async () => {
    await app.page.getByTestId('photo-tile').first().click();
    await app.page.keyboard.press('z');
    await app.page.getByTestId('loupe-full').waitFor();
    // One photo pixel on one screen pixel: the 1200 px original shown 1200 px wide.
    await expect
      .poll(() => app.page.getByTestId('loupe-full').evaluate((i) => (i as HTMLImageElement).naturalWidth))
      .toBe(1200);
    const stage = app.page.getByTestId('loupe-stage');
    expect(Math.round((await stage.boundingBox())!.width)).toBe(1200);
    const before = (await stage.boundingBox())!;
    await app.page.mouse.move(before.x + 600, before.y + 400);
    await app.page.mouse.down();
    await app.page.mouse.move(before.x + 450, before.y + 350, { steps: 5 });
    await app.page.mouse.up();
    await expect.poll(async () => Math.round((await stage.boundingBox())!.x)).toBeLessThan(Math.round(before.x));
    await app.page.keyboard.press('z');
    await expect.poll(() => stage.getAttribute('data-zoomed')).toBeNull();
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('photo-grid').waitFor();
  });

  it('compares two photos side by side (C): arrows bring the next candidate, keys act on the chosen side', async () => {
    const tiles = app.page.getByTestId('photo-tile');
    const next = await tiles.nth(4).getAttribute('data-photo-id');
    await tiles.nth(3).click();
    await app.page.keyboard.press('c');
    await app.page.getByTestId('compare').waitFor();
    const candidate = app.page.getByTestId('compare-candidate');
    // One photo chosen: the candidate is the next one.
    expect(await candidate.getAttribute('data-photo-id')).toBe(next);
    const first = next;
    await app.page.keyboard.press('ArrowRight');
    await expect.poll(() => candidate.getAttribute('data-photo-id')).not.toBe(first);
    await candidate.click();
    await app.page.keyboard.press('5');
    await expect.poll(() => candidate.getAttribute('data-rating')).toBe('5');
    expect(await app.page.getByTestId('compare-select').getAttribute('data-rating')).not.toBe('5');
    await app.page.keyboard.press('c');
    await app.page.getByTestId('photo-grid').waitFor();
    await expect.poll(() => app.page.locator('[data-testid=photo-tile][data-rating="5"]').count()).toBe(1);
    await app.page.locator('[data-testid=photo-tile][data-rating="5"]').click();
    await app.page.keyboard.press('0');
  });

  it('sorts by file name or rating, either way round, and the slider sizes the thumbnails', async () => {
    const names = () => app.page.$$eval('[data-testid=photo-tile]', (ts) => ts.map((t) => t.textContent ?? ''));
    await choose(app.page, app.page.getByTestId('library-sort'), '文件名');
    await app.page.getByTestId('library-sort-dir').click();
    await expect.poll(async () => (await names())[0]).toContain('IMG_0005');
    await app.page.getByTestId('library-sort-dir').click();
    await expect.poll(async () => (await names())[0]).toContain('IMG_0000');
    await choose(app.page, app.page.getByTestId('library-sort'), '拍摄时间');
    const grid = app.page.getByTestId('photo-grid');
    const wide = Number(await grid.getAttribute('data-columns'));
    const slider = app.page.getByTestId('tile-size');
    await slider.focus();
    for (let i = 0; i < 60; i++) await app.page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await grid.getAttribute('data-columns'))).toBeLessThan(wide);
    for (let i = 0; i < 60; i++) await app.page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await grid.getAttribute('data-columns'))).toBe(wide);
  });

  it('shows each photo of a long import as soon as it is done, not when the batch ends', async () => {
    const card = path.join(app.root, 'card2');
    for (let i = 0; i < 24; i++)
      await writePhoto(card, `DSC_${String(i).padStart(4, '0')}.JPG`, { width: 3000, height: 2000, seed: 400 + i });
    // The grid is virtualized: the count line says how many photos it holds.
    const shown = async () =>
      Number(/(\d+)/.exec((await app.page.getByTestId('library-count').textContent()) ?? '')?.[1] ?? 0);
    const { jobId } = await app.t.services.importer.start({ paths: [card] });
    const counts: number[] = [];
    for (;;) {
      counts.push(await shown());
      if (app.t.services.importer.status(jobId).state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    // Seen part-way: more than before the import, fewer than after it.
    expect(
      counts.some((n) => n > 6 && n < 30),
      counts.join(' '),
    ).toBe(true);
    await expect.poll(shown).toBe(30);
  });

  it('filters by rating, flag and company, and the edits were saved', async () => {
    await app.page.getByTestId('filter-rating-4').click();
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(1);
    await app.page.getByTestId('filter-rating-0').click();
    await app.page.getByTestId('filter-flag-rejected').click();
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(1);
    await app.page.getByTestId('filter-flag-rejected').click();
    await app.page.getByTestId('filter-companies').getByText('科润智能控制股份有限公司').click();
    await expect.poll(() => app.page.getByTestId('photo-tile').count()).toBe(6);
    await app.page.getByTestId('filter-companies').getByText('科润智能控制股份有限公司').click();
    await app.t.services.session.current!.flush();
    const saved = JSON.parse(await fs.readFile(path.join(app.root, 'project', 'project.json'), 'utf8'));
    expect(saved.photos.filter((p: { rating: number }) => p.rating === 4)).toHaveLength(1);
  });

  it('switches to English and back', async () => {
    await app.page.getByTestId('lang-switch').click();
    await expect.poll(() => app.page.getByTestId('open-import').textContent()).toBe('Import photos');
    await app.page.getByTestId('lang-switch').click();
    await expect.poll(() => app.page.getByTestId('open-import').textContent()).toBe('导入照片');
  });
});
