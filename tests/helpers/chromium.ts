import fs from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startTestHost } from './browser-host';
import { tempDir } from './factories';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AppInChromium {
  t: Awaited<ReturnType<typeof startTestHost>>;
  root: string;
  browser: Browser;
  page: Page;
}

/**
 * The app in Chromium for one describe block: a browser host over a temp home and a temp folder, prepared by the
 * suite (photos, roster…), then a page opened on it; all closed after the block.
 */
export function appInChromium(
  prefix: string,
  prepare: (app: AppInChromium) => Promise<void> = async () => undefined,
): AppInChromium {
  const app = {} as AppInChromium;
  beforeAll(async () => {
    app.t = await startTestHost();
    app.root = await tempDir(prefix);
    await prepare(app);
    app.browser = await launchChromium();
    app.page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await app.page.goto(app.t.host.url);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.t?.stop();
  });
  return app;
}

/**
 * Chooses `option` in an MUI select: open it, click the option, and wait for the menu to close. On a loaded
 * 2-core machine a click can land while the menu is still opening and be lost, leaving the menu (and its backdrop)
 * over the page; the choice is then made again, so a later click is never intercepted.
 */
export async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    const item = page.getByRole('option', { name: option, exact: typeof option === 'string' });
    await item.waitFor();
    await item.click();
    try {
      await page.getByRole('listbox').waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
      await page
        .getByRole('listbox')
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => undefined);
    }
  }
  throw new Error(`could not choose ${String(option)}`);
}
