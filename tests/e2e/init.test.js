// The Initialisation view in Chromium: build and train a deep ReLU network under several schemes;
// the summary and charts show He keeping the activations' scale where Xavier with gain 1 shrinks
// them and N(0, 0.01²) makes them vanish. Saves test-output/e2e/init.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

describe('the Initialisation view', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows He keeping a deep ReLU network\'s signal where Xavier (gain 1) shrinks it', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=init`);
    expect(await waitReady(page)).toBe('');
    expect(await page.getByRole('tab', { name: 'Initialisation' }).getAttribute('aria-selected')).toBe('true');
    await page.fill('#init-epochs', '5');
    await page.locator('#init-epochs').press('Tab');
    await page.click('#init-run');
    await page.waitForFunction(() => document.querySelector('#init-view').dataset.state === 'done', null, { timeout: 60000 });
    const rows = await page.locator('.init-summary li').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.dataset.scheme, Number(el.dataset.ratio)])));
    expect(Object.keys(rows)).toEqual(['small', 'xavier', 'xavierGain', 'he']);
    expect(rows.he).toBeGreaterThan(0.4);
    expect(rows.xavier).toBeLessThan(rows.he / 10);
    expect(rows.small).toBeLessThan(1e-6);
    expect(await page.locator('.init-summary li[data-scheme="he"]').textContent()).toContain('keeps its scale');
    expect(await page.locator('.init-summary li[data-scheme="xavier"]').textContent()).toContain('vanishes');
    expect(await page.locator('.init-chart canvas').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: screenshotPath('init.png'), fullPage: true });

    // A bad depth is named, nothing runs.
    await page.fill('#init-depth', '0');
    await page.locator('#init-depth').press('Tab');
    await page.click('#init-run');
    await page.waitForFunction(() => document.querySelector('#init-view').dataset.state === 'error', null, { timeout: 10000 });
    expect(await page.locator('.init-status').textContent()).toContain('the depth must be a whole number in 1 to 30');
    expect(errors).toEqual([]);
    await page.close();
  });
});
