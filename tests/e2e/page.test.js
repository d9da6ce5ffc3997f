// The built page (dist/, made by `npm run build` / `npm test`) in Debian's Chromium: it must list
// the optimizers from the WebAssembly module, typeset with KaTeX, and fetch nothing from outside.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launch, screenshotPath, waitReady } from './browser.js';

describe('the page', () => {
  let browser;
  const pageErrors = [];

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists the optimizers with typeset formulas, and talks only to localhost', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(browser.baseUrl);
    const errorText = await waitReady(page);
    expect(errorText, `page error: ${errorText}`).toBe('');

    const types = await page.locator('article.optimizer').evaluateAll((els) => els.map((el) => el.dataset.type));
    expect(types).toEqual(expect.arrayContaining(['sgd', 'adam', 'adamw']));
    expect(await page.locator('article.optimizer .formula .katex').count()).toBeGreaterThanOrEqual(types.length);
    expect(await page.locator('article[data-type="adam"] table.options tbody tr').count()).toBeGreaterThan(0);

    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.waitForSelector('#panel-rules:not([hidden])');
    await page.screenshot({ path: screenshotPath('optimizers.png'), fullPage: true });
    await page.close();

    expect(browser.external).toEqual([]);
    expect(browser.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
