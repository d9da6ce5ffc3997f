// The Initialisation view's computation: one experiment per initialisation scheme, the same data,
// architecture, optimizer and mini-batches, recording per-layer statistics (recordLayerStats):
// activation std and weight-gradient norm of every layer at the start (epoch 0) and after each
// epoch, and the training loss. Trained one epoch per worker request (progress, Cancel, a live
// page; views/train/epochs.js). No DOM here: tests/web/init.test.js runs it against the real handlers.

import { trainEpochByEpoch } from '../train/epochs.js';

/** The schemes offered, in the lecture's order; `init` is the module's NetworkInitSpec. */
export const INIT_SCHEMES = Object.freeze([
  { id: 'normal', label: 'N(0, 1)', init: { type: 'normal', std: 1 } },
  { id: 'small', label: 'N(0, 0.01²)', init: { type: 'normal', std: 0.01 } },
  { id: 'xavier', label: 'Xavier normal, gain 1', init: { type: 'xavierNormal', gain: 1 } },
  { id: 'xavierGain', label: 'Xavier normal, the activation\'s gain', init: { type: 'xavierNormal', gain: 'auto' } },
  { id: 'xavierUniform', label: 'Xavier uniform, the activation\'s gain', init: { type: 'xavierUniform', gain: 'auto' } },
  { id: 'he', label: 'He (Kaiming normal, fan in)', init: { type: 'kaimingNormal', mode: 'fanIn', nonlinearity: 'relu' } },
]);

export const INIT_LIMITS = Object.freeze({ maxDepth: 30, maxWidth: 512, maxEpochs: 200 });

/** The experiment spec for a scheme: the spiral, `depth` hidden layers of `width`, SGD with momentum. */
export function studySpec({ depth, width, activation, scheme }) {
  const s = INIT_SCHEMES.find((x) => x.id === scheme);
  if (!s) throw new Error(`Initialisation: unknown scheme ${JSON.stringify(scheme)}; allowed: ${INIT_SCHEMES.map((x) => x.id).join(', ')}`);
  const whole = (x, lo, hi, what) => {
    if (!Number.isInteger(x) || x < lo || x > hi) throw new Error(`Initialisation: ${what} must be a whole number in ${lo} to ${hi}`);
    return x;
  };
  whole(depth, 1, INIT_LIMITS.maxDepth, 'the depth');
  whole(width, 1, INIT_LIMITS.maxWidth, 'the width');
  return {
    dataset: { type: 'spiral', n: 300, classes: 3, noise: 0.1, testFraction: 0.2 },
    network: { hidden: new Array(depth).fill(width), activation, init: s.init, loss: 'crossEntropy' },
    batchSize: 32,
    seed: 1,
    recordLayerStats: true,
    optimizers: [{ type: 'sgd', lr: 0.01, momentum: 0.9 }],
  };
}

/**
 * Trains every scheme for `epochs` epochs. Resolves { schemes: [{ id, label, loss: [per epoch],
 * std: [epoch][layer], gradNorm: [epoch][layer], diverged }], cancelled }.
 */
export async function runStudy(client, { depth, width, activation, schemes, epochs, onProgress, signal } = {}) {
  if (!Number.isInteger(epochs) || epochs < 0 || epochs > INIT_LIMITS.maxEpochs) {
    throw new Error(`Initialisation: epochs must be a whole number in 0 to ${INIT_LIMITS.maxEpochs}`);
  }
  const specs = schemes.map((scheme) => ({ scheme, spec: studySpec({ depth, width, activation, scheme }) }));
  const out = [];
  const total = Math.max(1, specs.length * (epochs + 1));
  for (const { scheme, spec } of specs) {
    if (signal?.aborted) return { schemes: out, cancelled: true };
    const row = { id: scheme, label: INIT_SCHEMES.find((x) => x.id === scheme).label, loss: [], std: [], gradNorm: [], diverged: false };
    const take = (points) => {
      row.loss.push(...(points.trainLoss ?? []));
      const l = points.layers;
      if (l) {
        for (let e = 0; e < l.std.length / l.count; e++) {
          row.std.push(l.std.slice(e * l.count, (e + 1) * l.count));
          row.gradNorm.push(l.gradNorm.slice(e * l.count, (e + 1) * l.count));
        }
      }
      if (points.diverged) row.diverged = true;
    };
    const base = out.length * (epochs + 1) + 1; // the start counts as one step of progress
    const run = await trainEpochByEpoch(client, {
      spec, epochs, signal,
      // The start: epoch 0's point arrives with the first run; a zero-epoch study reads the history.
      atStart: async (experimentId) => {
        if (epochs === 0) (await client.request('trainHistory', { experimentId })).forEach(take);
      },
      onEpoch(points, e) {
        points.forEach(take);
        onProgress?.({ done: base + e + 1, total, scheme });
      },
    });
    if (run.cancelled) return { schemes: out, cancelled: true };
    out.push(row);
  }
  return { schemes: out, cancelled: false };
}

/**
 * The last hidden layer's activation std over the first's, at the start (the last entry of the
 * statistics is the output layer's logits, left out): near 1 the signal keeps its scale through
 * the depth; far below, it vanishes; far above, it explodes.
 */
export function stdRatio(row) {
  const start = row.std[0];
  return start && start.length >= 3 ? start[start.length - 2] / start[0] : NaN;
}
