// Fair tuning: every optimizer of the current setup trained at each learning rate of a log grid,
// so that a comparison gives each one a rate that suits it. One experiment per rate holds all the
// optimizers at that rate (same initial weights, same mini-batches), and it trains one epoch per
// worker request: the worker answers other requests between them (the page stays live), progress
// is counted per epoch, and cancelling stops before the next request and deletes the experiment
// (epochs.js).
// No DOM here: tests/web/train-sweep.test.js runs it against the real handlers.

import { trainEpochByEpoch } from './epochs.js';

export const SWEEP_LIMITS = Object.freeze({ minRate: 1e-6, maxRate: 100, maxPoints: 25, maxEpochs: 500 });

/** `points` learning rates from `from` to `to`, evenly spaced in log (rounded to 3 digits). */
export function logRates(from, to, points) {
  const { minRate, maxRate, maxPoints } = SWEEP_LIMITS; // the message below quotes them
  if (!(from >= minRate && to <= maxRate && from < to)) {
    throw new Error('Learning-rate sweep: the rates must satisfy 1e-6 <= from < to <= 100');
  }
  if (!Number.isInteger(points) || points < 2 || points > maxPoints) {
    throw new Error(`Learning-rate sweep: the number of rates must be a whole number in 2 to ${maxPoints}`);
  }
  const a = Math.log10(from);
  const b = Math.log10(to);
  return Array.from({ length: points }, (_, k) => Number((10 ** (a + ((b - a) * k) / (points - 1))).toPrecision(3)));
}

/** Per optimizer, the rate with the lowest final loss ({ lr, loss }), or null if every run diverged. */
export function bestRates({ lrs, losses }) {
  return losses.map((row) => {
    let best = null;
    row.forEach((loss, k) => {
      if (Number.isFinite(loss) && (best === null || loss < best.loss)) best = { lr: lrs[k], loss };
    });
    return best;
  });
}

/**
 * Trains spec (a module experiment spec, schedules counted in epochs) at every rate in `lrs` for
 * `epochs` epochs. onProgress({ done, total, lr }) after each epoch; signal: an AbortSignal.
 * Resolves { lrs, losses: [optimizer][rate] (final training loss, NaN when it diverged), cancelled }.
 */
export async function runSweep(client, { spec, lrs, epochs, onProgress, signal } = {}) {
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > SWEEP_LIMITS.maxEpochs) {
    throw new Error(`Learning-rate sweep: epochs must be a whole number in 1 to ${SWEEP_LIMITS.maxEpochs}`);
  }
  const count = spec.optimizers.length;
  const losses = Array.from({ length: count }, () => new Array(lrs.length).fill(NaN));
  const total = lrs.length * epochs;
  for (const [k, lr] of lrs.entries()) {
    if (signal?.aborted) return { lrs, losses, cancelled: true };
    const atRate = { ...spec, optimizers: spec.optimizers.map((o) => ({ ...o, lr })) };
    const last = new Array(count).fill(NaN);
    const run = await trainEpochByEpoch(client, {
      spec: atRate, scheduleUnit: 'epochs', epochs, signal,
      onEpoch(points, e) {
        points.forEach((p, i) => {
          const value = p.trainLoss?.at(-1);
          if (p.diverged) last[i] = NaN;
          else if (Number.isFinite(value)) last[i] = value;
        });
        onProgress?.({ done: k * epochs + e + 1, total, lr });
      },
    });
    if (run.cancelled) return { lrs, losses, cancelled: true };
    last.forEach((value, i) => { losses[i][k] = value; });
  }
  onProgress?.({ done: total, total, lr: null });
  return { lrs, losses, cancelled: false };
}
