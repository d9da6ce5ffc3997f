// The Initialisation view in Chromium: build and train a deep ReLU network under several schemes;
// the summary and charts show He keeping the activations' scale where Xavier with gain 1 shrinks
// them and N(0, 0.01²) makes them vanish; the per-layer histograms show the same (Xavier's last
// hidden layer a spike at 0); the settings come from and go to the URL. Saves test-output/e2e/init.png.
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
    await page.goto(`${browser.baseUrl}#view=init&initEpochs=5`);
    expect(await waitReady(page)).toBe('');
    expect(await page.getByRole('tab', { name: 'Initialisation' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.inputValue('#init-epochs')).toBe('5'); // from the link
    expect(await page.inputValue('#init-depth')).toBe('10');
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

    // Histograms: two per scheme (activations, gradients) at the start; on the shared range the
    // middle 95% of Xavier's last hidden layer is a small part of its first's, He's keeps its spread.
    const share = (when) => page.locator(`.init-histograms figure[data-quantity="activations"][data-when="${when}"]`)
      .evaluateAll((els) => Object.fromEntries(els.map((el) => [el.dataset.scheme, Number(el.dataset.widthRatio)])));
    expect(await page.locator('.init-histograms figure').count()).toBe(8);
    const atStart = await share('start');
    expect(atStart.xavier).toBeLessThan(0.15);
    expect(atStart.he).toBeGreaterThan(0.4);
    const painted = await page.locator('.init-ridgeline').first().evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
      return ink;
    });
    expect(painted).toBeGreaterThan(200); // bars and labels drawn
    await page.selectOption('#init-histogram-when', 'end');
    expect(Object.keys(await share('end'))).toEqual(['small', 'xavier', 'xavierGain', 'he']);
    await page.screenshot({ path: screenshotPath('init.png'), fullPage: true });

    // The settings go to the URL; one that is not valid is named and not kept.
    await page.selectOption('#init-activation', 'tanh');
    await page.uncheck('#init-scheme-small');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('initAct=tanh&initSchemes=xavier,xavierGain,he');
    expect(await page.evaluate(() => window.location.hash)).toContain('initEpochs=5');
    await page.selectOption('#init-activation', 'relu');

    // A bad depth is named, nothing runs.
    await page.fill('#init-depth', '0');
    await page.locator('#init-depth').press('Tab');
    expect(await page.locator('.init-status').textContent()).toContain('initDepth (the number of hidden layers) must be a whole number in 1 to 30; not kept');
    expect(await page.evaluate(() => window.location.hash)).not.toContain('initDepth');
    await page.click('#init-run');
    await page.waitForFunction(() => document.querySelector('#init-view').dataset.state === 'error', null, { timeout: 10000 });
    expect(await page.locator('.init-status').textContent()).toContain('the depth must be a whole number in 1 to 30');
    expect(errors).toEqual([]);
    await page.close();
  });
});
