// The single file (dist/descent.html, made by `npm run build`) opened straight from disk in Debian's
// Chromium, where module scripts, workers and fetch() from files are refused: it must start the
// worker and the WebAssembly module, typeset the rules with KaTeX's own fonts, run a landscape
// race and a few training epochs (the default data, then the digits), and load nothing but itself (file:), data: and blob: URLs. No
// server runs. Saves test-output/e2e/single-file.png.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dist, launchChromium, screenshotPath, stopPlaying, waitReady } from './browser.js';

const file = join(dist, 'descent.html');
const inline = (url) => /^(data|blob):/.test(url) || url === 'about:blank';

describe('the single file from disk', () => {
  let browser;
  const pageErrors = [];
  const consoleErrors = [];

  beforeAll(async () => {
    if (!existsSync(file)) throw new Error('dist/descent.html is missing: run `npm run build` first');
    browser = await launchChromium({ viewport: { width: 1400, height: 1000 }, allow: (url) => url.startsWith('file:') || inline(url) });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is one file of a reasonable size', () => {
    const { size } = statSync(file);
    expect(size).toBeGreaterThan(1_000_000); // the module (0.3 MB), the digits, KaTeX's fonts and the page: about 1.2 MB
    expect(size).toBeLessThan(3_500_000);
  });

  it('starts, typesets the rules, races on the landscape, trains, and loads nothing but itself', async () => {
    const url = pathToFileURL(file).href;
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    await page.goto(url);
    expect(await waitReady(page)).toBe('');
    expect(page.url().startsWith('file:')).toBe(true);

    // Rules: the optimizers from the module, typeset by KaTeX with its inlined (woff2) fonts.
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.waitForSelector('#panel-rules:not([hidden])');
    const types = await page.locator('article.optimizer').evaluateAll((els) => els.map((el) => el.dataset.type));
    expect(types).toEqual(expect.arrayContaining(['sgd', 'adam', 'adamw']));
    expect(await page.locator('article.optimizer .formula .katex').count()).toBeGreaterThanOrEqual(types.length);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX_') && f.status === 'loaded').map((f) => f.family);
    });
    expect(fonts.length, 'KaTeX fonts loaded from data: URLs').toBeGreaterThan(0);

    // Landscape: run the race to the end.
    await page.getByRole('tab', { name: 'Landscape' }).click();
    await page.waitForSelector('#panel-landscape:not([hidden])');
    const figure = page.locator('.landscape-figure');
    expect(await figure.getAttribute('data-k')).toBe('0');
    await page.click('#landscape-run');
    await page.waitForSelector('.landscape-figure[data-k="200"]', { timeout: 15000 });
    const steps = await page.locator('.race-legend li').evaluateAll((els) => els.map((el) => Number(el.dataset.steps)));
    expect(steps.length).toBeGreaterThan(0);
    steps.forEach((n) => expect(n).toBe(200));
    await page.screenshot({ path: screenshotPath('single-file.png'), fullPage: true });

    // Train: a few epochs of the default setup (its data sets come from the module too).
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.waitForSelector('#train-view .train-view[data-ready="true"]', { timeout: 30000 });
    const train = page.locator('#train-view .train-view');
    await train.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 5, null, { timeout: 30000 });
    await stopPlaying(train);
    // The digits, which the module loads from its companion: inlined in the file as well.
    await train.getByLabel('Data set', { exact: true }).selectOption('digits');
    await train.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 1, null, { timeout: 30000 });
    await stopPlaying(train);
    await page.waitForFunction(() => document.querySelector('#train-view .train-view').dataset.confusion === 'drawn', null, { timeout: 15000 });
    expect(await train.locator('.train-digits li').count()).toBe(24);
    await page.close();

    expect(browser.external).toEqual([]);
    // The only file loaded is the page itself (the hash the page writes is not part of a request).
    const files = browser.requests.filter((r) => r.startsWith('file:')).map((r) => r.replace(/#.*$/, ''));
    expect(files.length).toBeGreaterThan(0);
    expect([...new Set(files)]).toEqual([url]);
    expect(browser.requests.filter((r) => !r.startsWith('file:') && !inline(r))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
