// The Weight decay view in Chromium: the lecture's grid of learning rate x weight decay for Adam
// with L2 against AdamW, trained in the worker with a progress bar; the two heatmaps show the final
// test losses, and AdamW's good region spans more weight decays; a click on a cell draws the two
// weight-norm curves; Cancel stops a grid; the SGD pair is a link away. Saves test-output/e2e/decay.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

describe('the Weight decay view', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('trains the grid, shows AdamW\'s wider good region, draws weight norms, and cancels', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=decay`);
    expect(await waitReady(page)).toBe('');
    expect(await page.getByRole('tab', { name: 'Weight decay' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.decay-rule .katex').count()).toBe(2);

    await page.click('#decay-run');
    await page.waitForFunction(() => Number(document.querySelector('.decay-progress').value) > 0, null, { timeout: 20000 });
    await page.waitForFunction(() => document.querySelector('#decay-view').dataset.state === 'done', null, { timeout: 90000 });
    const maps = await page.locator('.decay-map').evaluateAll((els) => els.map((el) => ({
      kind: el.dataset.kind, width: Number(el.dataset.width), cells: el.querySelectorAll('td').length,
    })));
    expect(maps.map((m) => m.kind)).toEqual(['coupled', 'decoupled']);
    for (const m of maps) expect(m.cells).toBe(5 * 6);
    expect(maps[1].width).toBeGreaterThan(maps[0].width);
    expect(await page.locator('.decay-status').textContent()).toMatch(/Done\. Weight decays within 25% of the best: \d of 6 with L2, \d of 6 decoupled\./);

    // A click on a cell selects it in both maps and draws its weight norms.
    await page.locator('.decay-map[data-kind="coupled"] td[data-i="3"][data-j="4"]').click();
    expect(await page.locator('.decay-maps').getAttribute('data-selected')).toBe('3,4');
    expect(await page.locator('td.selected').count()).toBe(2);
    expect(await page.locator('.decay-norms figcaption').textContent()).toContain('lr 0.01, weightDecay 0.1: Adam with L2 (orange) against AdamW');
    expect(await page.locator('.decay-norms canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('decay.png'), fullPage: true });

    // The SGD pair by the menu (the URL follows); a grid cancelled half-way says so.
    await page.selectOption('#decay-pair', 'sgd');
    expect(await page.evaluate(() => decodeURIComponent(window.location.hash))).toContain('pair=sgd');
    expect(await page.locator('#decay-lrs').inputValue()).toBe('0.003, 0.01, 0.03, 0.1, 0.3');
    await page.fill('#decay-epochs', '200');
    await page.locator('#decay-epochs').press('Tab');
    await page.click('#decay-run');
    await page.waitForFunction(() => Number(document.querySelector('.decay-progress').value) > 0.01, null, { timeout: 20000 });
    await page.click('#decay-cancel');
    await page.waitForFunction(() => document.querySelector('#decay-view').dataset.state === 'cancelled', null, { timeout: 10000 });
    expect(await page.locator('.decay-status').textContent()).toBe('Grid cancelled.');
    expect(errors).toEqual([]);
    await page.close();
  });
});
