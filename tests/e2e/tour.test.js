// The guided tour in the built page (Chromium): a deep link opens its step with the rule typeset
// from the registry and the step's demo racing; the arrow keys and buttons move through the
// lecture's order with the URL following; a network step mounts the Train view with its preset;
// presenter mode hides the page's chrome and the demo's controls and survives a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, stopPlaying, waitReady } from './browser.js';

const hashOf = (page) => page.evaluate(() => decodeURIComponent(window.location.hash));

describe('the guided tour', () => {
  let browser;

  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens a step by link, races its demo, moves with the keys, and shows a network step', async () => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=tour&tour=momentum`);
    expect(await waitReady(page)).toBe('');
    expect(await page.getByRole('tab', { name: 'Tour' }).getAttribute('aria-selected')).toBe('true');
    const step = page.locator('.tour-step');
    expect(await page.locator('.tour-title').textContent()).toBe('Momentum');
    expect(await page.locator('.tour-count').textContent()).toBe('Step 3 of 13');
    // The heavy ball's rule, typeset by KaTeX from the registry (the same as the Rules tab's).
    expect(await step.locator('[data-rule="heavyBall"] .katex').count()).toBe(1);
    expect(await step.locator('.torch-mapping').textContent()).toContain('momentum=μ');

    // The demo: the landscape with the step's two optimizers, animated to the end on its own.
    const figure = page.locator('.tour-demo-landscape .landscape-figure');
    await page.waitForFunction(() => document.querySelector('.tour-demo-landscape .landscape-figure')?.dataset.k === '60', null, { timeout: 15000 });
    expect(await figure.getAttribute('data-paths')).toBe('2');
    const runs = await page.locator('.tour-demo-landscape .race-legend li').evaluateAll((els) => els.map((el) => ({
      type: el.dataset.type, first: Number(el.dataset.firstGap), last: Number(el.dataset.finalGap),
    })));
    expect(runs.map((r) => r.type)).toEqual(['gd', 'heavyBall']);
    // The lecture's point: tuned momentum gets far closer in the same 60 steps.
    expect(runs[1].last).toBeLessThan(runs[0].last * 1e-6);
    // The objective's controls are left out of this step's demo.
    expect(await page.locator('.tour-demo-landscape [data-group="objective"]').first().isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('tour-momentum.png'), fullPage: true });

    // Arrow keys from the page (not from a field): next, then back.
    await page.locator('.tour-title').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.tour-title').textContent()).toBe('Nesterov\'s acceleration and its ODE');
    expect(await hashOf(page)).toContain('tour=nesterov');
    expect(await step.locator('[data-rule="nesterovAccelerated"] .katex').count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect(await hashOf(page)).toContain('tour=momentum');
    // An arrow key inside a field belongs to the field.
    await page.locator('#tour-landscape-steps').focus();
    await page.keyboard.press('ArrowRight');
    expect(await hashOf(page)).toContain('tour=momentum');

    // The step list jumps; a network step shows the Train view with its preset.
    await page.locator('.tour-list button[data-step="adamw"]').click();
    expect(await page.locator('.tour-title').textContent()).toBe('Adam with L2 against AdamW');
    expect(await page.locator('.tour-demo-landscape').isHidden()).toBe(true);
    await page.waitForSelector('.tour-demo-train .train-optimizer', { timeout: 15000 });
    const cards = await page.locator('.tour-demo-train .train-optimizer').count();
    expect(cards).toBe(2);
    expect(await page.locator('#tour-next').isEnabled()).toBe(true);
    // No schedule in this preset: no learning-rate chart.
    expect(await page.locator('.tour-demo-train .train-lr-figure').isHidden()).toBe(true);

    // The schedules step: six schedules of one optimizer, trained by Play, their rates drawn.
    await page.locator('.tour-list button[data-step="schedules"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.tour-demo-train .train-optimizer').length === 6, null, { timeout: 15000 });
    const demo = page.locator('.tour-demo-train');
    await demo.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => Number(document.querySelector('.tour-demo-train .train-view').dataset.epoch) >= 12, null, { timeout: 30000 });
    await stopPlaying(demo);
    expect(await demo.locator('.train-lr-figure').isVisible()).toBe(true);
    expect(await demo.locator('.train-lr-figure canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('tour-schedules.png'), fullPage: true });

    await page.locator('.tour-list button[data-step="init"]').click();
    expect(await page.locator('#tour-next').isEnabled()).toBe(false);
    expect(await page.locator('#tour-previous').isEnabled()).toBe(true);
    // A step's link opens the page's own view of the topic.
    await page.locator('.tour-list button[data-step="momentum"]').click();
    await page.locator('.tour-more a[data-view="momentum"]').click();
    expect(await page.getByRole('tab', { name: 'Momentum' }).getAttribute('aria-selected')).toBe('true');
    expect(await hashOf(page)).toContain('view=momentum');
    await page.getByRole('tab', { name: 'Tour' }).click();
    await page.locator('.tour-list button[data-step="schedules"]').click();
    await page.locator('.tour-more a[data-view="schedules"]').click();
    expect(await page.getByRole('tab', { name: 'Schedules' }).getAttribute('aria-selected')).toBe('true');
    await page.waitForSelector('#schedules-view[data-rates="ready"]', { timeout: 20000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('presenter mode hides the chrome and the demo controls, and a link keeps it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${browser.baseUrl}#view=tour&tour=gd`);
    expect(await waitReady(page)).toBe('');
    const controls = page.locator('.tour-demo-landscape .landscape-controls');
    await controls.waitFor({ state: 'visible', timeout: 15000 });
    const fontBefore = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

    await page.locator('#tour-presenter').click();
    expect(await page.locator('#tour-presenter').getAttribute('aria-pressed')).toBe('true');
    expect(await hashOf(page)).toContain('present=1');
    expect(await controls.isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('.tour-nav').isVisible()).toBe(false);
    const fontAfter = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(fontAfter).toBeGreaterThan(fontBefore * 1.2);
    await page.screenshot({ path: screenshotPath('tour-presenter.png'), fullPage: true });

    // The link reproduces it; Escape leaves it.
    await page.reload();
    expect(await waitReady(page)).toBe('');
    expect(await page.locator('#tour-presenter').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    await page.locator('.tour-title').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('#tour-presenter').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.site-footer').isVisible()).toBe(true);
    expect(await hashOf(page)).not.toContain('present=1');
    // Leaving the tour's tab leaves presenter mode's styles behind.
    await page.locator('#tour-presenter').click();
    await page.getByRole('tab', { name: 'Rules' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.presenter ?? null)).toBeNull();
    await page.close();
  });
});
