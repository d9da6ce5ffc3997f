// The Schedules view in Chromium: a link chooses the schedules; their rates per epoch are drawn at
// once from the library (the summary's numbers: the step decay's cuts, SGDR back at the base rate
// at epochs 10 and 30), with each formula and PyTorch class; the checkboxes and fields rewrite the
// URL and a bad rate is named; "Train under each" trains the network in the worker with progress,
// and each warm restart shows in the loss (it rises after the restart); Cancel stops a run.
// Saves test-output/e2e/schedules.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';

const hashOf = (page) => page.evaluate(() => decodeURIComponent(window.location.hash));

describe('the Schedules view', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the chosen schedules\' rates at once, trains under each, and the warm restarts show in the loss', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=schedules&sched=constant,step,cosineWarmRestarts,warmupCosine`);
    expect(await waitReady(page)).toBe('');
    expect(await page.getByRole('tab', { name: 'Schedules' }).getAttribute('aria-selected')).toBe('true');
    await page.waitForSelector('#schedules-view[data-rates="ready"]', { timeout: 20000 });

    const rates = () => page.locator('.sched-summary li').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.dataset.schedule, {
      first: Number(el.dataset.first), last: Number(el.dataset.last), min: Number(el.dataset.min), max: Number(el.dataset.max), restarts: el.dataset.restarts,
    }])));
    const r = await rates();
    expect(Object.keys(r)).toEqual(['constant', 'step', 'cosineWarmRestarts', 'warmupCosine']);
    expect(r.constant).toMatchObject({ first: 0.3, last: 0.3, restarts: '' });
    expect(r.step.last).toBeCloseTo(0.3 * 0.3 ** 3, 12); // cut by γ = 0.3 at 20, 40 and 60
    expect(r.cosineWarmRestarts).toMatchObject({ first: 0.3, max: 0.3, restarts: '10,30' });
    expect(r.cosineWarmRestarts.min).toBeLessThan(0.01);
    expect(r.warmupCosine.first).toBeCloseTo(0.03, 12);
    expect(await page.locator('.sched-lr canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.sched-rule .katex-display').count()).toBe(5); // the warm-up's cosine has its own
    expect(await page.locator('.sched-rule[data-schedule="cosineWarmRestarts"]').textContent())
      .toContain('torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)');

    // The boxes and fields rewrite the URL; a bad rate is named and not kept.
    await page.locator('#sched-step').uncheck();
    await expect.poll(async () => Object.keys(await rates())).toEqual(['constant', 'cosineWarmRestarts', 'warmupCosine']);
    expect(await hashOf(page)).toContain('sched=constant,cosineWarmRestarts,warmupCosine');
    await page.fill('#sched-lr', '0');
    await page.locator('#sched-lr').press('Tab');
    expect(await page.locator('.sched-status').textContent()).toBe('Base learning rate: must be a number above 0 and at most 10');
    expect(await hashOf(page)).not.toContain('schedLr');
    await page.fill('#sched-lr', '0.3');
    await page.locator('#sched-lr').press('Tab');
    await expect.poll(() => page.locator('.sched-status').textContent()).toBe('');

    await page.click('#sched-run');
    await page.waitForFunction(() => document.querySelector('#schedules-view').dataset.state === 'done', null, { timeout: 60000 });
    expect(await page.locator('.sched-progress').evaluate((el) => el.value)).toBe(1);
    const runs = await page.locator('.sched-results li').evaluateAll((els) => Object.fromEntries(els.map((el) => [el.dataset.schedule, {
      final: Number(el.dataset.final), diverged: el.dataset.diverged,
      before: el.dataset.before ? el.dataset.before.split(',').map(Number) : [], after: el.dataset.after ? el.dataset.after.split(',').map(Number) : [],
    }])));
    expect(Object.keys(runs)).toEqual(['constant', 'cosineWarmRestarts', 'warmupCosine']);
    const sgdr = runs.cosineWarmRestarts;
    expect(sgdr.before).toHaveLength(2); // the restarts at epochs 10 and 30
    sgdr.before.forEach((before, k) => expect(sgdr.after[k]).toBeGreaterThan(1.3 * before));
    expect(runs.constant.before).toEqual([]);
    expect(sgdr.final).toBeLessThan(runs.constant.final / 2);
    expect(await page.locator('.sched-results li[data-schedule="cosineWarmRestarts"]').textContent()).toMatch(/at each restart the loss goes from 0\.\d+ \(epoch 10\) to 0\.\d+/);
    expect(await page.locator('.sched-loss canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('schedules.png'), fullPage: true });

    // A long run cancelled half-way says so; the epochs ride in the URL.
    await page.fill('#sched-epochs', '500');
    await page.locator('#sched-epochs').press('Tab');
    expect(await hashOf(page)).toContain('schedEpochs=500');
    expect(await page.locator('.sched-results li').count()).toBe(0); // losses of another setup are cleared
    await page.click('#sched-run');
    await page.waitForFunction(() => Number(document.querySelector('.sched-progress').value) > 0.01, null, { timeout: 20000 });
    await page.click('#sched-cancel');
    await page.waitForFunction(() => document.querySelector('#schedules-view').dataset.state === 'cancelled', null, { timeout: 10000 });
    expect(await page.locator('.sched-status').textContent()).toBe('Training cancelled.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to the defaults with a notice naming a bad key', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}#view=schedules&sched=cosine,linear`);
    expect(await waitReady(page)).toBe('');
    expect(await page.locator('#notice').textContent()).toContain('(sched names an unknown schedule; allowed: constant, step, exponential');
    expect(await page.getByRole('tab', { name: 'Landscape' }).getAttribute('aria-selected')).toBe('true');
    await page.close();
  });
});
