// The Landscape view in the built page (Chromium): race the default optimizers on Rosenbrock, see
// the paths drawn and the gaps fall, move the start point by clicking, and reproduce the setup
// from the copied URL. Nothing may leave localhost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocal, launch, screenshotPath, waitReady } from './browser.js';

/** How many canvas pixels lie within `tol` of each colour (#rrggbb). */
function countColours(page, colours, tol = 14) {
  return page.evaluate(([list, t]) => {
    const canvas = document.querySelector('.landscape-canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const targets = list.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    const counts = list.map(() => 0);
    for (let p = 0; p < data.length; p += 4) {
      targets.forEach(([r, g, b], i) => {
        if (Math.abs(data[p] - r) <= t && Math.abs(data[p + 1] - g) <= t && Math.abs(data[p + 2] - b) <= t) counts[i] += 1;
      });
    }
    return counts;
  }, [colours, tol]);
}

const legend = (page) => page.locator('.race-legend li').evaluateAll((els) => els.map((el) => ({
  type: el.dataset.type, steps: Number(el.dataset.steps), first: Number(el.dataset.firstGap), last: Number(el.dataset.finalGap), diverged: el.dataset.diverged === 'true',
})));

describe('the landscape view', () => {
  let browser;
  const pageErrors = [];

  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('races the optimizers, moves the start by a click, and a copied URL reproduces the setup', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(browser.baseUrl);
    expect(await waitReady(page)).toBe('');
    expect(await page.getByRole('tab', { name: 'Landscape' }).getAttribute('aria-selected')).toBe('true');

    // Before running, only the start points are shown.
    const figure = page.locator('.landscape-figure');
    expect(await figure.getAttribute('data-paths')).toBe('4');
    expect(await figure.getAttribute('data-k')).toBe('0');
    const colours = ['#D55E00', '#0072B2', '#CC79A7'];
    const before = await countColours(page, colours);

    await page.click('#landscape-run');
    await page.waitForFunction(() => document.querySelector('.landscape-figure').dataset.k === '200', null, { timeout: 10000 });
    const after = await countColours(page, colours);
    colours.forEach((c, i) => expect(after[i], `pixels of ${c}`).toBeGreaterThan(before[i] + 40));

    // The legend and the chart: four runs whose gaps fall, plus the theory curves.
    const runs = await legend(page);
    expect(runs.map((r) => r.type)).toEqual(['gd', 'heavyBall', 'nesterovAccelerated', 'adam']);
    for (const r of runs) {
      expect(r.steps).toBe(200);
      expect(r.diverged).toBe(false);
      expect(r.last).toBeLessThan(r.first);
    }
    const series = Number(await page.locator('#convergence').getAttribute('data-series'));
    expect(series).toBeGreaterThanOrEqual(4 + 4); // runs, 1/k, 1/k^2, gradient flow, Nesterov ODE
    expect(await page.locator('#convergence .u-legend .u-series').count()).toBeGreaterThanOrEqual(series);
    expect(await page.locator('#convergence canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.inspector').textContent()).toContain('exp_avg_sq');
    await page.screenshot({ path: screenshotPath('landscape.png'), fullPage: true });

    // Click on the plot: the start moves, the URL follows, the race is recomputed.
    const box = await page.locator('.landscape-canvas').boundingBox();
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.3);
    await page.waitForFunction(() => /x0=/.test(window.location.hash), null, { timeout: 5000 });
    await page.waitForFunction((old) => document.querySelector('.race-legend li')?.dataset.firstGap !== String(old), runs[0].first, { timeout: 5000 });
    const start = [await page.inputValue('#start-0'), await page.inputValue('#start-1')].map(Number);
    expect(start[0]).toBeGreaterThan(0);
    expect(start[1]).toBeGreaterThan(1);

    // Change a setting through its control too, then open the copied URL in a new page.
    await page.fill('#landscape-steps', '120');
    await page.waitForFunction(() => /steps=120/.test(window.location.hash), null, { timeout: 5000 });
    await page.selectOption('#optimizer-3-type', 'adamw');
    await page.waitForFunction(() => /adamw/.test(window.location.hash), null, { timeout: 5000 });
    const url = page.url();
    const copy = await browser.context.newPage();
    copy.on('pageerror', (error) => pageErrors.push(error.message));
    await copy.goto(url);
    expect(await waitReady(copy)).toBe('');
    expect(copy.url()).toBe(url);
    expect(await copy.locator('#notice').isHidden()).toBe(true);
    expect([await copy.inputValue('#start-0'), await copy.inputValue('#start-1')].map(Number)).toEqual(start);
    expect(await copy.inputValue('#landscape-steps')).toBe('120');
    expect(await copy.inputValue('#objective-type')).toBe('rosenbrock');
    expect(await copy.locator('.optimizer-card').evaluateAll((els) => els.map((el) => el.dataset.type)))
      .toEqual(['gd', 'heavyBall', 'nesterovAccelerated', 'adamw']);
    await copy.waitForFunction(() => document.querySelectorAll('.race-legend li').length === 4);
    expect((await legend(copy)).map((r) => r.first)).toEqual((await legend(page)).map((r) => r.first));

    // Tabs by keyboard; the Rules view.
    await copy.getByRole('tab', { name: 'Landscape' }).focus();
    await copy.keyboard.press('ArrowRight');
    expect(await copy.getByRole('tab', { name: 'Train' }).getAttribute('aria-selected')).toBe('true');
    expect(await copy.locator('#panel-train #train-view').count()).toBe(1);
    await copy.keyboard.press('ArrowRight');
    expect(await copy.getByRole('tab', { name: 'Momentum' }).getAttribute('aria-selected')).toBe('true');
    await copy.keyboard.press('ArrowRight');
    expect(await copy.locator('#panel-rules').isVisible()).toBe(true);
    expect(copy.url()).toContain('view=rules');
    await copy.screenshot({ path: screenshotPath('rules.png') });
    await copy.close();
    await page.close();
  });

  it('a hostile URL shows the defaults and a notice, and injects nothing', async () => {
    const page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${browser.baseUrl}#f=<img src=x onerror="window.pwned=1">&opt=<script>window.pwned=1</script>`);
    expect(await waitReady(page)).toBe('');
    expect(await page.locator('#notice').isVisible()).toBe(true);
    expect(await page.locator('#notice').textContent()).toMatch(/defaults/);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.inputValue('#objective-type')).toBe('rosenbrock');
    await page.close();
  });

  it('sent no request off localhost and raised no page errors', () => {
    expect(browser.external).toEqual([]);
    expect(browser.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
