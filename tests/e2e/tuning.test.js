// Fair tuning in the Train tab (Chromium): the learning-rate sweep runs in the worker with a
// progress bar while the page keeps answering clicks, Cancel stops it, a finished sweep plots one
// curve per optimizer and names each best rate, and "Race at the best rates" puts those rates into
// the optimizers and trains. Saves test-output/e2e/tuning.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

const SETUP = '#view=train&t.data=spiral&t.hidden=16&t.act=tanh&t.batch=32&t.epochs=40&t.opt=sgd(lr:0.001,momentum:0.9);adam(lr:0.0001)';

describe('fair tuning', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sweeps with progress while the page responds, cancels, and races at the best rates', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}${SETUP}`);
    expect(await waitReady(page)).toBe('');
    await page.waitForSelector('#train-view .train-view[data-ready="true"]', { timeout: 30000 });
    const tuning = page.locator('#train-view .train-tuning');
    const set = async (label, value) => {
      const input = tuning.getByLabel(label, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    };

    // A long sweep: it runs, the progress bar moves, the page answers clicks meanwhile.
    await set('rates', '15');
    await set('epochs', '200');
    await tuning.getByRole('button', { name: 'Sweep the learning rates' }).click();
    await page.waitForFunction(() => Number(document.querySelector('.tuning-progress').value) > 0.02, null, { timeout: 20000 });
    expect(await tuning.getAttribute('data-running')).toBe('true');
    for (const tab of ['Rules', 'Train']) {
      const t0 = Date.now();
      await page.getByRole('tab', { name: tab }).click();
      expect(await page.getByRole('tab', { name: tab }).getAttribute('aria-selected')).toBe('true');
      expect(Date.now() - t0).toBeLessThan(1500);
    }
    const before = Number(await page.locator('.tuning-progress').evaluate((el) => el.value));
    await tuning.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForFunction(() => document.querySelector('.train-tuning').dataset.state === 'cancelled', null, { timeout: 10000 });
    expect(await tuning.locator('.tuning-status').textContent()).toBe('Sweep cancelled.');
    expect(before).toBeLessThan(1);
    expect(await tuning.getByRole('button', { name: 'Race at the best rates' }).isDisabled()).toBe(true);

    // A short sweep to the end: one curve per optimizer and a best rate for each, inside the grid.
    await set('rates', '5');
    await set('epochs', '15');
    await tuning.getByRole('button', { name: 'Sweep the learning rates' }).click();
    await page.waitForFunction(() => document.querySelector('.train-tuning').dataset.state === 'done', null, { timeout: 60000 });
    expect(await tuning.getAttribute('data-series')).toBe('2');
    expect(await tuning.locator('.tuning-chart canvas').count()).toBeGreaterThan(0);
    const best = await tuning.locator('.tuning-best li').evaluateAll((els) => els.map((el) => Number(el.dataset.lr)));
    expect(best).toHaveLength(2);
    for (const lr of best) expect([0.001, 0.01, 0.1, 1]).toContain(lr); // not the smallest rate, 1e-4
    await page.screenshot({ path: screenshotPath('tuning.png'), fullPage: true });

    // The race at those rates: the optimizers' lr fields and the URL take them, and training runs.
    await tuning.getByRole('button', { name: 'Race at the best rates' }).click();
    const lrFields = page.locator('#train-view .train-optimizer').getByRole('textbox', { name: 'lr', exact: true });
    expect(await lrFields.evaluateAll((els) => els.map((el) => Number(el.value)))).toEqual(best);
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 3, null, { timeout: 30000 });
    const hash = await page.evaluate(() => decodeURIComponent(window.location.hash));
    expect(hash).toContain(`sgd(lr:${best[0]},momentum:0.9)`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
