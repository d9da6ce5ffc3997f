// The loss axis at its extremes, in Chromium. A diverging run: SGD at lr 1000 blows up on the first
// steps; it is marked diverged (in the legend, with its step) and stops, Adam beside it keeps
// training, and the loss chart's y range stays finite (no NaN or infinity reaches an axis). A loss
// that falls to rounding level: linear regression fitted exactly, down to about 1e-33, keeps its
// log axis drawn (uPlot's own log ticks threw past about 30 decades and left the chart blank).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

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

  it('draws a loss that falls to rounding level, some 33 decades below its start', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // y = x1 - 2 x2 exactly, fitted by a network of linear layers: full-batch gradient descent
    // converges linearly, to the last bits of double precision.
    await page.goto(`${browser.baseUrl}#view=train&t.data=csv(task:regression)&t.hidden=4&t.act=linear&t.batch=40&t.epochs=600&t.prec=float64&t.opt=sgd(lr:0.1)`);
    expect(await waitReady(page)).toBe('');
    const view = page.locator('#train-view');
    const rows = Array.from({ length: 50 }, (_, i) => {
      const [a, b] = [Math.sin(i), Math.cos(3 * i)];
      return `${a},${b},${a - 2 * b}`;
    });
    await view.locator('textarea').fill(['x1,x2,y', ...rows].join('\n'));
    await view.getByRole('button', { name: 'Play' }).first().click();
    await page.waitForFunction(() => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= 600, null, { timeout: 45000 });
    expect(await view.locator('.train-legend').textContent()).toMatch(/loss \d\.\d\de-3\d/);
    // The loss chart as drawn: its range, and the labels of its decades.
    const chart = view.locator('.train-chart[data-y-min]').first();
    const [yMin, yMax, labels] = await chart.evaluate((el) => [Number(el.dataset.yMin), Number(el.dataset.yMax), el.dataset.yLabels]);
    expect(yMin).toBeLessThanOrEqual(1e-30);
    expect(yMax).toBeGreaterThanOrEqual(1);
    expect(labels).toBe('1e-30 1e-20 1e-10 1'); // thinned to fit, every label a decade
    expect(errors).toEqual([]);
    await chart.screenshot({ path: screenshotPath('loss-to-rounding-level.png') });
    await page.close();
  });
});
