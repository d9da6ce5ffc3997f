// A dead module in Chromium: an abort inside the WebAssembly (the module's abortForTesting, a real
// std::abort) kills the worker's module mid-session. The page says so, starts again with a new
// worker, keeps every setting (they ride in the URL) and trains again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitReady } from './browser.js';

describe('a worker whose module dies', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1300, height: 950 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is reported and replaced, and the setup is kept', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=train&t.batch=16&t.epochs=40&t.opt=sgd(lr:0.05,momentum:0.9);adam(lr:0.01)`);
    expect(await waitReady(page)).toBe('');
    const view = page.locator('#train-view');
    expect(await view.getByLabel('Batch size').inputValue()).toBe('16');
    await view.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 2, null, { timeout: 30000 });
    // A setting changed after the link was opened is kept too.
    await view.getByLabel('Epochs', { exact: true }).fill('25');
    await view.getByLabel('Epochs', { exact: true }).press('Tab');
    const hashBefore = await page.evaluate(() => window.location.hash);
    expect(hashBefore).toContain('t.epochs=25');

    const reloaded = page.waitForEvent('load');
    const reply = await page.evaluate(() => window.descent.request('abortForTesting').then(() => 'answered', (e) => e.message));
    expect(reply).toMatch(/^The computation engine stopped \(.*abort/i);
    await reloaded;
    expect(await waitReady(page)).toBe('');
    expect(await page.locator('#notice').textContent()).toContain('the page restarted it with your setup');
    expect(await page.evaluate(() => window.location.hash)).toBe(hashBefore);
    expect(await page.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected')).toBe('true');
    expect(await view.getByLabel('Batch size').inputValue()).toBe('16');
    expect(await view.getByLabel('Epochs', { exact: true }).inputValue()).toBe('25');
    // The new worker trains.
    await view.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 2, null, { timeout: 30000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
