import { afterAll, describe, expect, it } from 'vitest';
import { serveServices } from '../../electron/main/http-server';
import { exhibitionWall } from '../helpers/exhibition-wall';
import { hasChromium, launchChromium } from '../helpers/chromium';
import { lacks } from '../helpers/tools';

const wall = exhibitionWall();

/** The kiosk at the venue: a visitor searches, opens a photo, walks away; the kiosk's token can change nothing. */
describe.skipIf(lacks(hasChromium))('kiosk in Chromium', () => {
  const browser = hasChromium ? launchChromium() : null;
  afterAll(async () => (await browser)?.close());

  it('finds a worker, opens a photo with its place, goes back to the start when left alone, and refuses an edit (403)', async () => {
    const { services } = await wall();
    services.exhibitions.plan({ boards: 2 });
    const host = await serveServices(services, { kiosk: true });
    const page = await (await browser)!.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      // A short idle time for the test; the kiosk itself waits a minute.
      await page.addInitScript(() => ((window as unknown as { __KIOSK_IDLE_MS: number }).__KIOSK_IDLE_MS = 1500));
      await page.goto(`${new URL(host.url).origin}/?token=${host.readOnlyToken}`);
      await page.getByTestId('kiosk').waitFor();
      // The page holds the kiosk's token, never the app's.
      const pageToken = await page.locator('meta[name="cl-token"]').getAttribute('content');
      expect(pageToken).toBe(host.readOnlyToken);
      expect(pageToken).not.toBe(host.token);
      await page.getByTestId('kiosk-search').fill('zmd');
      await expect.poll(() => page.getByTestId('kiosk-worker').count()).toBe(1);
      expect(await page.getByTestId('kiosk-worker').textContent()).toContain('占牡丹');
      await page.getByTestId('kiosk-photo').first().click();
      await expect.poll(() => page.getByTestId('kiosk-number').textContent()).toMatch(/^板\d-\d\d$/);
      // Left alone: back to the start, nobody's photos on screen.
      await expect.poll(() => page.getByTestId('kiosk-open').count(), { timeout: 10_000 }).toBe(0);
      await expect.poll(() => page.getByTestId('kiosk-search').inputValue()).toBe('');
      expect(await page.getByTestId('kiosk-worker').count()).toBe(0);
      const status = await page.evaluate(
        async (token) =>
          (
            await fetch('/api/photos.setRating', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
              body: JSON.stringify({ ids: ['abcdef0123456789'], rating: 5 }),
            })
          ).status,
        pageToken,
      );
      expect(status).toBe(403);
    } finally {
      await page.close();
      await host.close();
    }
  });
});
