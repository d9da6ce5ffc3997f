// Weight decay, coupled against decoupled (Loshchilov and Hutter's comparison): a grid of learning
// rate x weight decay, each cell one experiment holding both optimizers of a pair (L2 in the
// gradient: adam or sgd with weightDecay; decoupled: adamw or sgdw) from the same start on the same
// mini-batches, trained one epoch per worker request (progress, Cancel, a live page, as sweep.js).
// Each cell keeps the final test loss (training loss without a test split) and the weight norm per
// epoch. The loop per cell is views/train/epochs.js. No DOM here: tests/web/decay.test.js runs it against the real handlers.

import { trainEpochByEpoch } from '../train/epochs.js';

/** The pairs offered: the L2 optimizer and the decoupled one, with the options both share, and what the grid's columns mean for each. */
export const DECAY_PAIRS = Object.freeze({
  adam: { label: 'Adam with L2 against AdamW', coupled: 'adam', decoupled: 'adamw', options: {},
    lrs: [0.0003, 0.001, 0.003, 0.01, 0.03],
    columns: 'Both get the same weightDecay: it is λ for Adam with L2; AdamW takes PyTorch\'s weight_decay, λ/α in its rule, so its weights shrink by lr × weightDecay per step.' },
  sgd: { label: 'SGD with L2 against SGDW (momentum 0.9)', coupled: 'sgd', decoupled: 'sgdw', options: { momentum: 0.9 },
    lrs: [0.003, 0.01, 0.03, 0.1, 0.3],
    columns: 'Both get the same weightDecay, λ in both rules: SGD with L2 adds λθ to the gradient, SGDW shrinks the weights by λ per step.' },
});
export const DEFAULT_DECAYS = Object.freeze([0, 0.0001, 0.001, 0.01, 0.1, 1]);

/**
 * The task the view starts with, on which tests/web/train-decay.test.js checks the claim: the
 * spiral with some noise and a held-out third, a 2-32-32-3 ReLU network, batch 32, 30 epochs.
 */
export const DECAY_TASK = Object.freeze({
  spec: {
    dataset: { type: 'spiral', n: 300, classes: 3, noise: 0.2, testFraction: 0.3 },
    network: { hidden: [32, 32], activation: 'relu', loss: 'crossEntropy' },
    batchSize: 32,
    seed: 1,
  },
  epochs: 30,
  label: 'spiral (300 points, noise 0.2, 30% held out), 2-32-32-3 ReLU, batch 32',
});
export const DECAY_LIMITS = Object.freeze({ maxValues: 12, maxEpochs: 500 });

/** "0, 1e-4, 0.001" -> [0, 0.0001, 0.001]: non-negative numbers, at most DECAY_LIMITS.maxValues, increasing. */
export function parseValues(text, what, { positive = false } = {}) {
  const parts = String(text ?? '').split(/[\s,;]+/).filter(Boolean);
  if (parts.length < 2 || parts.length > DECAY_LIMITS.maxValues) {
    throw new Error(`${what}: give 2 to ${DECAY_LIMITS.maxValues} numbers, separated by commas`);
  }
  const values = parts.map((p) => {
    const x = /^[0-9]*\.?[0-9]+(?:e[-+]?[0-9]+)?$/i.test(p) ? Number(p) : NaN;
    if (!Number.isFinite(x) || x < 0 || (positive && x === 0) || x > 100) {
      throw new Error(`${what}: "${p.slice(0, 12)}" is not a number in ${positive ? '(0' : '[0'}, 100]`);
    }
    return x;
  });
  for (let k = 1; k < values.length; k++) if (!(values[k] > values[k - 1])) throw new Error(`${what}: the numbers must increase`);
  return values;
}

/**
 * Trains the pair at every (lr, wd) for `epochs` epochs. spec: the module spec of the setup (its
 * optimizers are replaced). Resolves { lrs, wds, loss: { coupled, decoupled } ([lr][wd], NaN when
 * diverged or not reached), weightNorm: { coupled, decoupled } ([lr][wd] -> per-epoch array), cancelled }.
 */
export async function runDecayGrid(client, { spec, pair, lrs, wds, epochs, onProgress, signal } = {}) {
  const p = DECAY_PAIRS[pair];
  if (!p) throw new Error(`Weight-decay grid: unknown pair ${JSON.stringify(pair)}; allowed: ${Object.keys(DECAY_PAIRS).join(', ')}`);
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > DECAY_LIMITS.maxEpochs) {
    throw new Error(`Weight-decay grid: epochs must be a whole number in 1 to ${DECAY_LIMITS.maxEpochs}`);
  }
  const table = () => lrs.map(() => wds.map(() => NaN));
  const norms = () => lrs.map(() => wds.map(() => []));
  const out = { lrs, wds, loss: { coupled: table(), decoupled: table() }, weightNorm: { coupled: norms(), decoupled: norms() }, cancelled: false };
  const kinds = ['coupled', 'decoupled'];
  const total = lrs.length * wds.length * epochs;
  for (const [i, lr] of lrs.entries()) {
    for (const [j, wd] of wds.entries()) {
      if (signal?.aborted) return { ...out, cancelled: true };
      const optimizers = kinds.map((k) => ({ type: p[k], ...p.options, lr, weightDecay: wd }));
      const cell = (i * wds.length + j) * epochs;
      const run = await trainEpochByEpoch(client, {
        spec: { ...spec, optimizers }, scheduleUnit: 'epochs', epochs, signal,
        onEpoch(points, e) {
          points.forEach((pts, o) => {
            const k = kinds[o];
            out.weightNorm[k][i][j].push(...(pts.weightNorm ?? []));
            const losses = pts.testLoss?.some(Number.isFinite) ? pts.testLoss : pts.trainLoss;
            const value = losses?.at(-1);
            out.loss[k][i][j] = pts.diverged ? NaN : (Number.isFinite(value) ? value : out.loss[k][i][j]);
          });
          onProgress?.({ done: cell + e + 1, total, lr, wd });
        },
      });
      if (run.cancelled) return { ...out, cancelled: true };
    }
  }
  return out;
}

/** The best cell of a loss table: { i, j, loss } (lowest finite), or null. */
export function bestCell(table) {
  let best = null;
  table.forEach((row, i) => row.forEach((loss, j) => {
    if (Number.isFinite(loss) && (best === null || loss < best.loss)) best = { i, j, loss };
  }));
  return best;
}

/**
 * How wide the good region is along the weight-decay axis: the number of weight-decay columns
 * holding a cell within `tolerance` (a factor) of the table's best loss.
 */
export function decayWidth(table, tolerance = 1.25) {
  const best = bestCell(table);
  if (!best) return 0;
  const columns = new Set();
  table.forEach((row) => row.forEach((loss, j) => { if (Number.isFinite(loss) && loss <= best.loss * tolerance) columns.add(j); }));
  return columns.size;
}
