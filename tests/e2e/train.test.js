// The Train tab of the built page (dist/) in Debian's Chromium: train the default setup (spiral,
// four optimizers), check that the curves, the decision maps and the data points on them appear and
// that the loss falls; export the history (CSV, JSON) and a chart (PNG); switch to digits and see the
// confusion matrices and predicted test images; check that the URL follows the setup, that a copied
// URL restores it and that a hostile one falls back with a notice. Saves test-output/e2e/train*.png.
// Nothing may leave localhost.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, stopPlaying, waitReady } from './browser.js';

const VIEW = '#train-view .train-view';

async function openTrain(browser, hash = '') {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${browser.baseUrl}${hash}`);
  expect(await waitReady(page)).toBe('');
  if (!(await page.locator('#train-view').isVisible())) await page.getByRole('tab', { name: 'Train' }).click();
  await page.waitForSelector(`${VIEW}[data-ready="true"]`, { timeout: 30000 });
  return { page, pageErrors, view: page.locator(VIEW) };
}

const epochAtLeast = (page, n) => page.waitForFunction((e) => Number(document.querySelector('#train-view .train-view').dataset.epoch) >= e, n, { timeout: 45000 });

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path()) };
}

describe('the Train tab', () => {
  let browser;
  let shared = null; // the first two tests run on one page (a page load costs ~2 s)

  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('trains the default setup: curves, falling loss, decision maps with the data points, exports', async () => {
    shared = await openTrain(browser);
    const { page, pageErrors, view } = shared;

    // Controls come from the registries and are labelled.
    expect(await view.getByLabel('Data set', { exact: true }).inputValue()).toBe('spiral');
    expect(await view.locator('article.train-optimizer').count()).toBe(4);

    // Play until at least 25 epochs, then pause.
    await view.getByRole('button', { name: 'Play' }).click();
    await epochAtLeast(page, 25);
    await stopPlaying(view);
    await page.waitForFunction(() => document.querySelector('#train-view .train-view').dataset.maps === 'drawn', null, { timeout: 15000 });

    // An open "Update rule and PyTorch" panel shows the optimizer's live state as a table of numbers.
    const adamCard = view.locator('article.train-optimizer').nth(2);
    await adamCard.locator('details.train-rule summary').click();
    const stateTable = adamCard.locator('.train-state[data-state="live"] table');
    await stateTable.waitFor({ timeout: 15000 });
    expect(await stateTable.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const normText = await stateTable.locator('tbody tr').first().locator('td').first().textContent();
    expect(Number(normText.replace('−', '-'))).toBeGreaterThan(0);

    // Curves are drawn (uPlot canvases), one legend entry per optimizer, and the loss fell.
    expect(await view.locator('.train-chart canvas').count()).toBeGreaterThanOrEqual(2);
    expect(await view.locator('.train-legend li').count()).toBe(4);
    const losses = await view.locator('.train-legend li .values').allTextContents();
    for (const text of losses) {
      const loss = Number(/loss ([\d.e-]+)/.exec(text)?.[1]);
      expect(loss).toBeLessThan(0.9); // the untrained 3-class network starts near ln 3 ≈ 1.1
    }
    // Decision maps: one per optimizer, painted, with the 300 spiral points drawn on them (dark outlines).
    expect(await view.locator('figure.train-map canvas').count()).toBe(4);
    expect(await view.locator('figure.train-map').first().getAttribute('data-points')).toBe('300');
    const pixels = await view.locator('figure.train-map canvas').first().evaluate((c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i] + d[i + 1] + d[i + 2] > 0) painted++;
        if (d[i] < 70 && d[i + 1] < 70 && d[i + 2] < 70 && d[i + 3] > 200) dark++;
      }
      return { painted, dark, total: d.length / 4 };
    });
    expect(pixels.painted).toBeGreaterThan(pixels.total * 0.9);
    expect(pixels.dark).toBeGreaterThan(300); // the points' outlines; the heatmap itself is light
    expect(await view.locator('.class-key .pt.hollow').count()).toBe(1);

    // The update rule is typeset on demand.
    await view.locator('details.train-rule summary').first().click();
    expect(await view.locator('details.train-rule[open] .katex').count()).toBeGreaterThan(0);

    // Step trains exactly one more epoch.
    const before = Number(await view.getAttribute('data-epoch'));
    await view.getByRole('button', { name: /Step/ }).click();
    await page.waitForFunction((e) => Number(document.querySelector('#train-view .train-view').dataset.epoch) === e + 1, before, { timeout: 15000 });
    const epochs = before + 1;

    // Export: the history as CSV (one row per optimizer and epoch) and JSON, the loss chart as PNG.
    const csv = await download(page, view.getByRole('button', { name: 'Download the history as CSV' }));
    expect(csv.name).toBe(`descent-spiral-epoch-${epochs}.csv`);
    const lines = csv.text.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('optimizer,epoch,trainLoss,testLoss,trainAccuracy,testAccuracy,gradNorm,weightNorm,lr');
    expect(lines).toHaveLength(1 + 4 * (epochs + 1));
    // gradNorm (the whole training set's gradient) is empty: mini-batch runs do not compute it.
    expect(lines[1]).toMatch(/^"SGD · lr 0\.1, momentum 0\.9",0,[\d.]+,[\d.]+,[\d.]+,[\d.]+,,[\d.]+,0\.1$/);
    const json = await download(page, view.getByRole('button', { name: 'Download the history as JSON' }));
    const doc = JSON.parse(json.text.toString('utf8'));
    expect(doc).toMatchObject({ format: 'descent-train-history', setup: { spec: { dataset: { type: 'spiral' } } } });
    expect(doc.optimizers.map((o) => o.epoch.length)).toEqual([epochs + 1, epochs + 1, epochs + 1, epochs + 1]);
    expect(doc.optimizers[0].gradNorm).toBeNull();
    const png = await download(page, view.getByRole('button', { name: 'Download the loss chart as PNG' }));
    expect(png.name).toBe(`descent-spiral-epoch-${epochs}-loss.png`);
    expect(png.text.subarray(1, 4).toString('latin1')).toBe('PNG');
    const maps = await download(page, view.getByRole('button', { name: 'Download the decision maps as PNG' }));
    expect(maps.name).toMatch(/-maps\.png$/);

    await page.screenshot({ path: screenshotPath('train.png'), fullPage: true });

    await view.getByRole('button', { name: 'Reset' }).click();
    expect(await view.getAttribute('data-epoch')).toBe('0');
    expect(await view.getByRole('button', { name: 'Download the history as CSV' }).isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(browser.external).toEqual([]);
  });

  it('digits: confusion matrices and predicted test images; the URL carries the setup and restores it', async () => {
    const { page, pageErrors, view } = shared ?? await openTrain(browser);
    // The digits travel beside the module (a chunk of their own), fetched only once a run needs them.
    const digitsChunk = () => browser.requests.filter((r) => /\/assets\/descent-digits-[\w-]+\.js$/.test(r));
    expect(digitsChunk()).toEqual([]);
    await view.getByLabel('Data set', { exact: true }).selectOption('digits');
    await view.getByLabel('Epochs', { exact: true }).fill('12');
    await view.getByLabel('Epochs', { exact: true }).press('Tab');
    const adam = view.locator('article.train-optimizer').nth(2);
    await adam.getByRole('textbox', { name: 'lr', exact: true }).fill('0.005');
    await adam.getByRole('textbox', { name: 'lr', exact: true }).press('Tab');
    await adam.getByLabel('LR schedule').selectOption('cosine');

    // The URL follows the setup (train fields prefixed t., the landscape's untouched).
    await page.waitForFunction(() => window.location.hash.includes('t.opt='));
    const url = page.url();
    expect(url).toContain('view=train');
    expect(url).toContain('t.data=digits(testFraction:0.2)');
    expect(url).toContain('t.epochs=12');
    expect(url).toContain('adam(lr:0.005).cosine;adamw(lr:0.01)');
    expect(url).toMatch(/#view=train&f=rosenbrock/);

    // A few epochs: a confusion matrix per optimizer (a table with a caption), and the digit grid.
    expect(await view.locator('figure.train-map').count()).toBe(0);
    await view.getByRole('button', { name: 'Play' }).click();
    await epochAtLeast(page, 3);
    await stopPlaying(view);
    expect(digitsChunk().length).toBe(1);
    await page.waitForFunction(() => document.querySelector('#train-view .train-view').dataset.confusion === 'drawn', null, { timeout: 15000 });
    const tables = view.locator('.train-confusion table');
    expect(await tables.count()).toBe(4);
    expect(await tables.first().locator('caption').textContent()).toMatch(/test accuracy \d+\.\d%/);
    expect(await tables.first().locator('tbody tr').count()).toBe(10);
    expect(await tables.first().locator('thead th[scope="col"]').count()).toBe(11);
    const counts = (await tables.first().locator('tbody td').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(359); // every test image counted once
    const diagonal = counts.filter((_, i) => Math.floor(i / 10) === i % 10).reduce((a, b) => a + b, 0);
    expect(diagonal / 359).toBeGreaterThan(0.5);
    expect(await view.locator('.train-digits li').count()).toBe(24);
    expect(await view.locator('.train-digits li[data-correct="true"]').count()).toBeGreaterThan(10);
    await page.screenshot({ path: screenshotPath('train-digits.png'), fullPage: true });
    expect(pageErrors).toEqual([]);

    // A copied URL restores the setup in a fresh page.
    const copy = await browser.context.newPage();
    await copy.goto(url);
    expect(await waitReady(copy)).toBe('');
    await copy.waitForSelector(`${VIEW}[data-ready="true"]`, { timeout: 30000 });
    const restored = copy.locator(VIEW);
    expect(await copy.locator('#notice').isHidden()).toBe(true);
    expect(await restored.getByLabel('Data set', { exact: true }).inputValue()).toBe('digits');
    expect(await restored.getByLabel('Epochs', { exact: true }).inputValue()).toBe('12');
    const restoredAdam = restored.locator('article.train-optimizer').nth(2);
    expect(await restoredAdam.getByRole('textbox', { name: 'lr', exact: true }).inputValue()).toBe('0.005');
    expect(await restoredAdam.getByLabel('LR schedule').inputValue()).toBe('cosine');
    expect(copy.url()).toBe(url);
    await copy.close();
    await page.close();
  });

  it('a hostile train URL falls back to the default setup with a notice, and injects nothing', async () => {
    const { page, pageErrors, view } = await openTrain(browser, '#view=train&t.data=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&t.epochs=5');
    await expect.poll(() => page.locator('#notice').isVisible()).toBe(true);
    expect(await page.locator('#notice').textContent()).toMatch(/training settings could not be used/);
    expect(await page.locator('#notice img, #train-view img').count()).toBe(0);
    expect(await view.getByLabel('Data set', { exact: true }).inputValue()).toBe('spiral');
    expect(await view.getByLabel('Epochs', { exact: true }).inputValue()).toBe('200');
    expect(pageErrors).toEqual([]);
    expect(browser.external).toEqual([]);
    await page.close();
  });
});
