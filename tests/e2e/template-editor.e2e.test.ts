import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appInChromium, hasChromium, choose } from '../helpers/chromium';
import { writePhoto } from '../helpers/factories';
import { lacks } from '../helpers/tools';

/** The template editor in Chromium: every setting the README promises, variables from chips, errors said in Chinese. */
describe.skipIf(lacks(hasChromium))('template editor in Chromium', () => {
  const app = appInChromium('cl-e2e-template-', async (app) => {
    await writePhoto(path.join(app.root, 'card'), 'IMG_1.JPG', { width: 3000, height: 2000, seed: 700 });
    const s = app.t.services;
    await s.projects.create(path.join(app.root, 'project'), '模板测试');
    await s.importer.run({ paths: [path.join(app.root, 'card')], photographer: '陈晓明' });
    const co = s.roster.createCompany({ name: '科润智能控制股份有限公司' });
    const w = s.roster.createWorker({ name: '占牡丹', companyId: co.id, craft: '绕线工', quote: '被看见，累也轻了。' });
    s.tagging.tag([s.photos.list()[0]!.id], w.id);
  });
  const dialog = () => app.page.getByTestId('template-dialog');
  const previewSize = () =>
    app.page
      .getByTestId('template-preview')
      .evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]);
  beforeAll(async () => {
    await app.page.getByTestId('nav-gifts').click();
    await app.page.getByTestId('edit-template').click();
    await app.page.getByTestId('template-preview').waitFor({ timeout: 30_000 });
  });

  it('shows the sheet with its 5 mm safe area', async () => {
    const [w] = await previewSize();
    expect(w).toBeGreaterThan(500);
    const safe = (await app.page.getByTestId('safe-area').boundingBox())!;
    const img = (await app.page.getByTestId('template-preview').boundingBox())!;
    // 5 mm of 254 mm on each side of a landscape 10寸.
    expect((safe.x - img.x) / img.width).toBeCloseTo(5 / 254, 2);
  });

  it('names an unknown variable under its line, in Chinese, before saving', async () => {
    await app.page.getByTestId('caption-0').fill('{worker.name} {worker.age}');
    expect(await dialog().textContent()).toContain('worker.age');
    expect(
      await dialog()
        .getByText(/不认识的变量/)
        .count(),
    ).toBeGreaterThan(0);
  });

  it('inserts variables from chips where the cursor was', async () => {
    await app.page.getByTestId('caption-0').fill('{worker.name} · ');
    await app.page.getByTestId('var-worker.craft').click();
    expect(await app.page.getByTestId('caption-0').inputValue()).toBe('{worker.name} · {worker.craft}');
  });

  it('sets weight, size, alignment, orientation and photo aspect, and the preview follows', async () => {
    await choose(app.page, app.page.getByTestId('weight-1').locator('..'), '粗体');
    await app.page.getByTestId('size-1').fill('14');
    await app.page.getByTestId('align-right-1').click();
    await choose(app.page, app.page.getByTestId('template-orientation').locator('..'), '竖版');
    await choose(app.page, app.page.getByTestId('template-aspect').locator('..'), '1:1');
    await expect
      .poll(
        async () => {
          const [w, h] = await previewSize();
          return h! > w!;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  });

  it('saves a project copy with every setting, and keeps it chosen', async () => {
    await app.page.getByTestId('template-save').click();
    await dialog().waitFor({ state: 'hidden' });
    const saved = (await app.t.services.gifts.templates()).find((t) => !t.builtIn)!;
    expect(saved).toMatchObject({ orientation: 'portrait', photoAspect: 1 });
    expect(saved.captions[0]!.text).toBe('{worker.name} · {worker.craft}');
    expect(saved.captions[1]).toMatchObject({ weight: 'bold', sizePt: 14, align: 'right' });
    await expect.poll(() => app.page.getByTestId('template-select').inputValue()).toBe(saved.id);
  });
});
