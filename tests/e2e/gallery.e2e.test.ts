import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { exhibitionWall } from '../helpers/exhibition-wall';
import { hasChromium, launchChromium } from '../helpers/chromium';
import { lacks } from '../helpers/tools';

const wall = exhibitionWall();

/** The web gallery as a worker opens it: from disk, on a phone-sized screen, finding herself by initials. */
describe.skipIf(lacks(hasChromium))('web gallery in Chromium, from file://', () => {
  const browser = hasChromium ? launchChromium() : null;
  afterAll(async () => (await browser)?.close());

  it('finds 占牡丹 by typing zmd at 375×812, shows her photos and where they hang, and opens one', async () => {
    const { services, root } = await wall();
    const plan = services.exhibitions.plan({ boards: 2 });
    const result = await services.gallery.export({ outDir: path.join(root, 'web') });
    const page = await (await browser)!.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(pathToFileURL(result.index).href);
    await page.fill('#q', 'zmd');
    const card = page.locator('#results .person');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('b').textContent()).toBe('占牡丹');
    const hers = plan.exhibition.boards
      .flatMap((b) => b.photos)
      .filter(
        (p) =>
          services.photos.get(p.photoId).workers.length &&
          services.photos.get(p.photoId).workers.every((w) => services.roster.worker(w).name === '占牡丹'),
      );
    for (const p of hers) expect(await card.locator('.where').textContent()).toContain(p.number);
    // The page is Chinese set in the gallery's own face: no boxes on a machine without a CJK font.
    expect(
      await page.evaluate(async () => (await document.fonts.load('20px "CL Sans"', '占牡丹')).length),
    ).toBeGreaterThan(0);
    await card.click();
    await page.locator('.tile').first().click();
    await expect.poll(() => page.locator('.photo h1').textContent()).toBe('占牡丹');
    expect(await page.locator('a.save').getAttribute('download')).toMatch(/\.jpg$/);
    await page.close();
  });
});
