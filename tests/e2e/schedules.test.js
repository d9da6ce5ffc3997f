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

  it('takes each schedule\'s parameters by hand, keeps them in the URL, and names a bad one', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=schedules&sched=cosineWarmRestarts,warmupCosine`);
    expect(await waitReady(page)).toBe('');
    await page.waitForSelector('#schedules-view[data-rates="ready"]', { timeout: 20000 });
    const restarts = () => page.locator('.sched-summary li[data-schedule="cosineWarmRestarts"]').getAttribute('data-restarts');
    const set = async (field, value) => {
      await page.fill(`#sched-${field}`, value);
      await page.locator(`#sched-${field}`).press('Tab');
    };
    // The chosen schedules' fields show, empty, with the defaults for 70 epochs as placeholders.
    expect(await page.locator('.sched-param-group[data-schedule="step"]').isHidden()).toBe(true);
    expect(await page.getByLabel('T_0 (epochs)').getAttribute('placeholder')).toBe('10');
    expect(await page.getByLabel('T_mult').getAttribute('placeholder')).toBe('2');
    expect(await restarts()).toBe('10,30');

    await set('cosineWarmRestarts-t0', '5');
    await set('cosineWarmRestarts-tMult', '1');
    await expect.poll(restarts).toBe('5,10,15,20,25,30,35,40,45,50,55,60,65');
    expect(await hashOf(page)).toContain('schedArgs=cosineWarmRestarts(t0:5,tMult:1)');
    expect(await page.locator('.sched-rule[data-schedule="cosineWarmRestarts"] .sched-params').textContent()).toMatch(/T0=5,\s*Tmult=1/);
    // The warm-up's cosine takes what the warm-up leaves of the run.
    await set('warmupCosine-steps', '14');
    expect(await page.locator('#sched-warmupCosine-tMax').getAttribute('placeholder')).toBe('56');

    // A bad value is named, and neither kept nor put in the URL.
    await set('cosineWarmRestarts-t0', '0');
    expect(await page.locator('.sched-status').textContent()).toBe('Schedule cosine, warm restarts: T_0 (epochs) must be a whole number in 1 to 500');
    expect(await hashOf(page)).toContain('cosineWarmRestarts(t0:5,tMult:1)');
    // Emptied, a field is back at its default.
    await set('cosineWarmRestarts-t0', '');
    await expect.poll(restarts).toBe('10,20,30,40,50,60');
    expect(await hashOf(page)).toContain('schedArgs=cosineWarmRestarts(tMult:1);warmupCosine(steps:14)');

    // The link brings them back.
    const link = await page.evaluate(() => window.location.href);
    const again = await browser.context.newPage();
    await again.goto(link);
    expect(await waitReady(again)).toBe('');
    await again.waitForSelector('#schedules-view[data-rates="ready"]', { timeout: 20000 });
    expect(await again.locator('#sched-cosineWarmRestarts-tMult').inputValue()).toBe('1');
    expect(await again.locator('#sched-warmupCosine-steps').inputValue()).toBe('14');
    expect(await again.locator('#sched-cosineWarmRestarts-t0').inputValue()).toBe('');
    expect(await again.locator('.sched-summary li[data-schedule="cosineWarmRestarts"]').getAttribute('data-restarts')).toBe('10,20,30,40,50,60');
    expect(errors).toEqual([]);
    await again.close();
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
