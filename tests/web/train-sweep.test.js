// Fair tuning's learning-rate sweep against the real handlers and module (no Worker): the grid,
// the losses per optimizer and rate, divergence at absurd rates, progress, cancelling, and that
// every experiment it made is deleted.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { inProcessClient } from './in-process-client.js';
import { liveExperimentCount } from '../../web/src/worker/handlers/train.js';
import { bestRates, logRates, runSweep } from '../../web/src/views/train/sweep.js';

let descent;
const client = inProcessClient(() => descent);

const spec = {
  dataset: { type: 'spiral', n: 120, classes: 3, noise: 0.1, testFraction: 0.25 },
  network: { hidden: [8], activation: 'tanh', loss: 'crossEntropy' },
  batchSize: 30,
  seed: 3,
  optimizers: [{ type: 'sgd', momentum: 0.9 }, { type: 'adam' }],
};

beforeAll(async () => {
  descent = await createDescent();
});

describe('the learning-rate sweep', () => {
  it('spaces the rates evenly in log and refuses bad grids by name', () => {
    expect(logRates(0.001, 1, 4)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logRates(1e-4, 1e-2, 3)).toEqual([1e-4, 1e-3, 1e-2]);
    expect(() => logRates(1, 0.1, 3)).toThrow(/from < to/);
    expect(() => logRates(0, 1, 3)).toThrow(/1e-6 <= from/);
    expect(() => logRates(0.01, 1, 1)).toThrow(/number of rates must be a whole number in 2 to 25/);
    expect(() => logRates(0.01, 1, 2.5)).toThrow(/whole number/);
  });

  it('trains every optimizer at every rate, finds a best rate inside the grid, and marks divergence', async () => {
    const lrs = [0.001, 0.03, 1, 100];
    const progress = [];
    const result = await runSweep(client, { spec, lrs, epochs: 8, onProgress: (p) => progress.push(p.done) });
    expect(result.cancelled).toBe(false);
    expect(result.losses).toHaveLength(2);
    for (const row of result.losses) expect(row).toHaveLength(4);
    // Too small a rate barely moves from the initial loss (~ln 3), an absurd one blows it up (or
    // diverges: NaN, never a number on an axis): the best lies inside the grid.
    const best = bestRates(result);
    for (const [i, b] of best.entries()) {
      expect(b, `optimizer ${i}`).not.toBeNull();
      expect([0.03, 1]).toContain(b.lr);
      expect(b.loss).toBeLessThan(result.losses[i][0]);
      const absurd = result.losses[i][3];
      expect(Number.isNaN(absurd) || absurd > 10 * b.loss, `optimizer ${i} at lr 100: ${absurd}`).toBe(true);
    }
    expect(progress.at(-1)).toBe(lrs.length * 8);
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThanOrEqual(progress[k - 1]);
    expect(liveExperimentCount(descent)).toBe(0);
  });

  it('stops when cancelled and leaves no experiment behind', async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await runSweep(client, {
      spec, lrs: [0.01, 0.1, 1], epochs: 10, signal: controller.signal,
      onProgress: () => { calls += 1; if (calls === 3) controller.abort(); },
    });
    expect(result.cancelled).toBe(true);
    expect(calls).toBe(3);
    expect(liveExperimentCount(descent)).toBe(0);
  });

  it('refuses absurd epoch counts before training anything', async () => {
    await expect(runSweep(client, { spec, lrs: [0.1, 1], epochs: 0 })).rejects.toThrow(/epochs must be a whole number in 1 to 500/);
    await expect(runSweep(client, { spec, lrs: [0.1, 1], epochs: 1e6 })).rejects.toThrow(/1 to 500/);
  });

  it('bestRates skips diverged runs and gives null when all diverged', () => {
    expect(bestRates({ lrs: [1, 2, 3], losses: [[0.5, 0.2, NaN], [NaN, NaN, NaN]] })).toEqual([{ lr: 2, loss: 0.2 }, null]);
  });
});
