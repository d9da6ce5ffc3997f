// The Train tab of the built page (dist/) in Debian's Chromium: train the default setup (spiral,
// four optimizers), check that the curves and decision maps appear and that the loss falls, and
// save test-output/e2e/train.png. Nothing may leave localhost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

describe('the Train tab', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('trains the default setup: curves, falling loss, decision maps, typeset rules', async () => {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(browser.baseUrl);
    expect(await waitReady(page)).toBe('');
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.waitForSelector('#train-view .train-view[data-ready="true"]', { timeout: 30000 });
    const view = page.locator('#train-view .train-view');

    // Controls come from the registries and are labelled.
    expect(await view.getByLabel('Data set', { exact: true }).inputValue()).toBe('spiral');
    expect(await view.locator('article.train-optimizer').count()).toBe(4);

    // Play until at least 30 epochs, then pause.
    await view.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 30, null, { timeout: 45000 });
    await view.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => document.querySelector('#train-view .train-view').dataset.maps === 'drawn', null, { timeout: 15000 });

    // Curves are drawn (uPlot canvases), one legend entry per optimizer, and the loss fell.
    expect(await view.locator('.train-chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await view.locator('.train-legend li').count()).toBe(4);
    const losses = await view.locator('.train-legend li .values').allTextContents();
    for (const text of losses) {
      const loss = Number(/loss ([\d.e-]+)/.exec(text)?.[1]);
      expect(loss).toBeLessThan(0.9); // the untrained 3-class network starts near ln 3 ≈ 1.1
    }
    // Decision maps: one per optimizer, painted.
    expect(await view.locator('figure.train-map canvas').count()).toBe(4);
    const painted = await view.locator('figure.train-map canvas').first().evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      return d.some((v, i) => i % 4 !== 3 && v !== 0);
    });
    expect(painted).toBe(true);

    // The update rule is typeset on demand.
    await view.locator('details.train-rule summary').first().click();
    expect(await view.locator('details.train-rule[open] .katex').count()).toBeGreaterThan(0);

    // Step trains exactly one more epoch; Reset clears the run.
    const before = Number(await view.getAttribute('data-epoch'));
    await view.getByRole('button', { name: /Step/ }).click();
    await page.waitForFunction((e) => Number(document.querySelector('#train-view .train-view').dataset.epoch) === e + 1, before, { timeout: 15000 });

    await page.screenshot({ path: screenshotPath('train.png'), fullPage: true });

    await view.getByRole('button', { name: 'Reset' }).click();
    expect(await view.getAttribute('data-epoch')).toBe('0');
    expect(pageErrors).toEqual([]);
    expect(browser.external).toEqual([]);
    await page.close();
  });
});
