// Every step of the guided tour, opened by its link in Chromium: the step's title and rule are
// shown, and its demo shows what the step's text says it shows. Landscape demos run to the end on
// their own; their race legend carries each run's first and final gap f - f*. Network demos are
// played to their end; their legend carries each optimizer's loss. Saves one screenshot per
// step (tour-step-<id>.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, screenshotPath, waitReady } from './browser.js';
import { TOUR_STEPS } from '../../web/src/tour/steps.js';

const LOG = process.env.TOUR_LOG === '1';

// What each step's demo must show, from the runs' numbers. Landscape: runs[i] = { type, first,
// last, diverged } in the preset's order. Network: runs[i] = { type, loss, norm } at the demo's last epoch
// (norm, the weights' ‖θ‖, where some decay is set; NaN elsewhere).
const CLAIMS = {
  gd: (runs) => {
    // The lecture's bound with a step of 1/beta = 0.1: f - f* shrinks by at least (1 - alpha/beta) per step.
    expect(runs[0].last / runs[0].first).toBeLessThanOrEqual(0.9 ** 59);
  },
  zigzag: (runs) => {
    // Both converge; the larger step still gets further in 60 steps (its slow direction contracts faster).
    expect(runs[0].last).toBeLessThan(runs[0].first);
    expect(runs[1].last).toBeLessThan(runs[1].first);
    expect(runs[0].last).toBeLessThan(runs[1].last);
  },
  momentum: (runs) => {
    expect(runs[1].last).toBeLessThan(runs[0].last * 1e-6); // tuned heavy ball against GD
  },
  nesterov: (runs) => {
    expect(runs[1].last).toBeLessThan(runs[0].last / 10); // O(1/k^2) against O(1/k)
  },
  newton: (runs) => {
    expect(runs[0].last).toBeLessThan(1e-12 * runs[0].first); // one exact jump on a quadratic
    expect(runs[1].last).toBeGreaterThan(1e3 * runs[0].last);
  },
  adagrad: (runs) => {
    expect(runs[0].last).toBeLessThan(runs[1].last); // the full matrix turns the step into the valley
  },
  rmsprop: (runs) => {
    expect(runs[1].last).toBeLessThan(runs[0].last); // RMSProp's steps do not shrink for good
  },
  adam: (runs) => {
    expect(runs.map((r) => r.type)).toEqual(['adam', 'rmsprop', 'heavyBall']);
    expect(runs[0].last).toBeLessThan(runs[1].last / 10); // Adam's momentum and bias correction against RMSProp
    expect(runs[2].last).toBeLessThan(runs[0].last); // the heavy ball, tuned for this valley, first (as the text says)
  },
  compare: (runs) => {
    const [sgd, momentum, rmsprop, adam] = runs.map((r) => r.loss);
    expect(Math.max(momentum, rmsprop, adam)).toBeLessThan(sgd); // every method beats plain SGD at these rates
  },
  sgdw: (runs) => {
    expect(runs.map((r) => r.type)).toEqual(['sgd', 'sgdw', 'sgd', 'sgdw']);
    // At lr 0.1 and momentum 0.9, L2's decay (lr λ / (1 - momentum) per step) equals SGDW's λ:
    // the same curves (the last epochs differ by the decay's path while momentum builds up).
    expect(Math.abs(runs[1].loss / runs[0].loss - 1)).toBeLessThan(0.1);
    expect(runs[0].loss).toBeLessThan(0.4); // both train from ln 3 ≈ 1.1
    // At lr 0.02 L2's decay is 5 times weaker; SGDW's is not, and holds the weights back.
    expect(runs[3].loss).toBeGreaterThan(runs[2].loss * 1.05);
    expect(runs[3].norm).toBeLessThan(runs[2].norm); // the weight-norm chart: SGDW holds the weights down
  },
  adamw: (runs) => {
    expect(runs.map((r) => r.type)).toEqual(['adam', 'adamw']);
    expect(runs[0].norm).toBeLessThan(runs[1].norm / 2); // L2 through Adam's normalisation decays harder here
    expect(runs[1].loss).toBeLessThan(runs[0].loss); // the same value, decoupled, hurts the fit less
  },
  schedules: (runs) => {
    expect(runs).toHaveLength(6);
    // At lr 0.3 the constant rate stays noisy and high; every schedule that lowers it does better.
    for (const r of runs.slice(1)) expect(r.loss).toBeLessThan(runs[0].loss);
  },
  init: (runs) => {
    expect(runs[0].loss).toBeLessThan(0.9); // a six-layer tanh network with Xavier and tanh's gain trains
  },
};

describe('every step of the guided tour', () => {
  let browser;
  beforeAll(async () => {
    browser = await launch({ viewport: { width: 1400, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has a claim for every step', () => {
    expect(Object.keys(CLAIMS).sort()).toEqual(TOUR_STEPS.map((s) => s.id).sort());
  });

  it.each(TOUR_STEPS.map((s, i) => [s.id, s, i]))('step %s shows what it says', async (id, step, i) => {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${browser.baseUrl}#view=tour&tour=${id}`);
    expect(await waitReady(page)).toBe('');
    expect(await page.locator('.tour-title').textContent()).toBe(step.title);
    expect(await page.locator('.tour-count').textContent()).toBe(`Step ${i + 1} of ${TOUR_STEPS.length}`);
    expect(await page.locator('.tour-step .katex').count()).toBeGreaterThan(0); // the rule or formula, typeset
    let runs;
    if (step.demo.view === 'landscape') {
      const steps = /steps=(\d+)/.exec(step.demo.state)[1];
      await page.waitForFunction((k) => document.querySelector('.tour-demo-landscape .landscape-figure')?.dataset.k === k, steps, { timeout: 30000 });
      runs = await page.locator('.tour-demo-landscape .race-legend li').evaluateAll((els) => els.map((el) => ({
        type: el.dataset.type, first: Number(el.dataset.firstGap), last: Number(el.dataset.finalGap), diverged: el.dataset.diverged === 'true',
      })));
      for (const r of runs) expect(r.diverged).toBe(false);
    } else {
      const demo = page.locator('.tour-demo-train');
      await page.waitForSelector('.tour-demo-train .train-optimizer', { timeout: 15000 });
      await demo.getByRole('button', { name: 'Play' }).click();
      // Played to the end, as a student would: the numbers are then the same however loaded the
      // machine is (pausing at some epoch is not: a busy page may report epoch 5 and then 100).
      const epochs = /t\.epochs=(\d+)/.exec(step.demo.state)[1];
      await page.waitForFunction((total) => {
        const view = document.querySelector('.tour-demo-train .train-view');
        return view.dataset.epoch === total && view.dataset.playing === 'false';
      }, epochs, { timeout: 120000 });
      await demo.getByRole('button', { name: 'Train more' }).waitFor();
      const types = await demo.locator('.train-optimizer').evaluateAll((els) => els.map((el) => el.dataset.type));
      const losses = await demo.locator('.train-legend li .values').allTextContents();
      const number = (pattern, k) => Number(pattern.exec(losses[k] ?? '')?.[1]);
      runs = types.map((type, k) => ({ type, loss: number(/loss ([\d.e+-]+)/, k), norm: number(/‖θ‖ ([\d.e+-]+)/, k) }));
      // The weight-norm chart shows exactly when some decay is set (the two weight-decay steps).
      expect(await demo.locator('.train-norm-figure').isVisible()).toBe(id === 'sgdw' || id === 'adamw');
    }
    if (LOG) console.log(id, JSON.stringify(runs));
    CLAIMS[id](runs);
    await page.screenshot({ path: screenshotPath(`tour-step-${id}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
