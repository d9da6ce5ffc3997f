// A diverging run in Chromium: SGD at lr 1000 blows up on the first steps; it is marked diverged
// (in the legend, with its step) and stops, Adam beside it keeps training, and the loss chart's y
// range stays finite (no NaN or infinity reaches an axis).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, waitReady } from './browser.js';

describe('a diverging run', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1300, height: 950 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is marked and stopped while the others train, and the axes stay finite', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=train&t.epochs=12&t.opt=sgd(lr:1000);adam(lr:0.01)`);
    expect(await waitReady(page)).toBe('');
    const view = page.locator('#train-view');
    await view.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 12, null, { timeout: 30000 });
    const legend = await view.locator('.train-legend li').evaluateAll((els) => els.map((el) => ({
      diverged: el.dataset.diverged === 'true', text: el.textContent,
    })));
    expect(legend[0].diverged).toBe(true);
    expect(legend[0].text).toMatch(/diverged/i);
    expect(legend[1].diverged).toBe(false);
    const adamLoss = Number(/loss ([\d.e+-]+)/.exec(legend[1].text)?.[1]);
    expect(adamLoss).toBeLessThan(1.0); // trained on from ln 3 ≈ 1.1
    const range = await view.locator('[data-y-min]').first().evaluate((el) => [Number(el.dataset.yMin), Number(el.dataset.yMax)]);
    expect(range.every(Number.isFinite)).toBe(true);
    expect(range[1]).toBeGreaterThan(range[0]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
