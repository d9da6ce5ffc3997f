// The Initialisation view's computation: one experiment per initialisation scheme, the same data,
// architecture, optimizer and mini-batches, recording per-layer statistics (recordLayerStats):
// activation std and weight-gradient norm of every layer at the start (epoch 0) and after each
// epoch, and the training loss; and per-layer histograms of the activations and weight gradients
// at the start and at the end (trainLayerHistograms, HISTOGRAM_BINS bins). Trained one epoch per worker request (progress, Cancel, a live
// page; views/train/epochs.js). No DOM here: tests/web/init.test.js runs it against the real handlers.

import { trainEpochByEpoch } from '../train/epochs.js';

/** The schemes offered, in the lecture's order; `init` is the module's NetworkInitSpec. */
export const INIT_SCHEMES = Object.freeze([
  { id: 'normal', label: 'N(0, 1)', init: { type: 'normal', std: 1 } },
  { id: 'small', label: 'N(0, s²)', init: { type: 'normal' } }, // s: the study's `std`
  { id: 'xavier', label: 'Xavier normal, gain 1', init: { type: 'xavierNormal', gain: 1 } },
  { id: 'xavierGain', label: 'Xavier normal, the activation\'s gain', init: { type: 'xavierNormal', gain: 'auto' } },
  { id: 'xavierUniform', label: 'Xavier uniform, the activation\'s gain', init: { type: 'xavierUniform', gain: 'auto' } },
  { id: 'he', label: 'He (Kaiming normal, fan in)', init: { type: 'kaimingNormal', mode: 'fanIn', nonlinearity: 'relu' } },
]);

export const INIT_LIMITS = Object.freeze({ maxDepth: 30, maxWidth: 512, maxEpochs: 200, minStd: 1e-6, maxStd: 10 });
export const INIT_ACTIVATIONS = Object.freeze(['relu', 'tanh', 'sigmoid', 'leakyRelu', 'elu', 'selu', 'linear']);
/** The view's starting settings (and the URL's defaults: state.js leaves these out of links). */
export const INIT_DEFAULTS = Object.freeze({ depth: 10, width: 64, activation: 'relu', epochs: 15, std: 0.01, schemes: Object.freeze(['small', 'xavier', 'xavierGain', 'he']) });
export const HISTOGRAM_BINS = 40;

/** The experiment spec for a scheme: the spiral, `depth` hidden layers of `width`, SGD with momentum; `std` is N(0, s²)'s s. */
export function studySpec({ depth, width, activation, scheme, std = INIT_DEFAULTS.std }) {
  const s = INIT_SCHEMES.find((x) => x.id === scheme);
  if (!s) throw new Error(`Initialisation: unknown scheme ${JSON.stringify(scheme)}; allowed: ${INIT_SCHEMES.map((x) => x.id).join(', ')}`);
  const whole = (x, lo, hi, what) => {
    if (!Number.isInteger(x) || x < lo || x > hi) throw new Error(`Initialisation: ${what} must be a whole number in ${lo} to ${hi}`);
    return x;
  };
  whole(depth, 1, INIT_LIMITS.maxDepth, 'the depth');
  whole(width, 1, INIT_LIMITS.maxWidth, 'the width');
  if (!(std >= INIT_LIMITS.minStd && std <= INIT_LIMITS.maxStd)) {
    throw new Error(`Initialisation: s (the std of N(0, s²)) must be a number in ${INIT_LIMITS.minStd} to ${INIT_LIMITS.maxStd}`);
  }
  const init = s.id === 'small' ? { ...s.init, std } : s.init;
  return {
    dataset: { type: 'spiral', n: 300, classes: 3, noise: 0.1, testFraction: 0.2 },
    network: { hidden: new Array(depth).fill(width), activation, init, loss: 'crossEntropy' },
    batchSize: 32,
    seed: 1,
    recordLayerStats: true,
    optimizers: [{ type: 'sgd', lr: 0.01, momentum: 0.9 }],
  };
}

/**
 * Trains every scheme for `epochs` epochs. Resolves { schemes: [{ id, label, loss: [per epoch],
 * std: [epoch][layer], gradNorm: [epoch][layer], histograms: { start, end } (trainLayerHistograms'
 * replies), diverged }], cancelled }.
 */
export async function runStudy(client, { depth, width, activation, std, schemes, epochs, onProgress, signal } = {}) {
  if (!Number.isInteger(epochs) || epochs < 0 || epochs > INIT_LIMITS.maxEpochs) {
    throw new Error(`Initialisation: epochs must be a whole number in 0 to ${INIT_LIMITS.maxEpochs}`);
  }
  const specs = schemes.map((scheme) => ({ scheme, spec: studySpec({ depth, width, activation, scheme, std }) }));
  const out = [];
  const total = Math.max(1, specs.length * (epochs + 1));
  for (const { scheme, spec } of specs) {
    if (signal?.aborted) return { schemes: out, cancelled: true };
    const label = scheme === 'small' ? `N(0, ${std ?? INIT_DEFAULTS.std}²)` : INIT_SCHEMES.find((x) => x.id === scheme).label;
    const row = { id: scheme, label, loss: [], std: [], gradNorm: [], histograms: {}, diverged: false };
    const histograms = (experimentId) => client.request('trainLayerHistograms', { experimentId, bins: HISTOGRAM_BINS });
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
        row.histograms.start = await histograms(experimentId);
      },
      atEnd: async (experimentId) => { row.histograms.end = await histograms(experimentId); },
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

/**
 * The width of the bins that hold the middle `mass` of layer `layer`'s values (from the bin of the
 * (1 - mass) / 2 quantile to that of the (1 + mass) / 2 one, values outside the range counted at its
 * ends), in the set's units. On one shared range, a layer whose width is a small fraction of the
 * first layer's has shrunk; the bins limit how small it can look (one bin at least).
 */
export function centralWidth(set, bins, layer, mass = 0.95) {
  const fractions = set.fractions.subarray ? set.fractions.subarray(layer * bins, (layer + 1) * bins) : set.fractions.slice(layer * bins, (layer + 1) * bins);
  const total = set.below[layer] + set.above[layer] + fractions.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return NaN;
  const lowQ = ((1 - mass) / 2) * total;
  const highQ = ((1 + mass) / 2) * total;
  let cumulative = set.below[layer];
  let first = cumulative >= lowQ ? 0 : -1;
  let last = bins - 1;
  for (let b = 0; b < bins; b++) {
    cumulative += fractions[b];
    if (first < 0 && cumulative >= lowQ) first = b;
    if (cumulative >= highQ) { last = b; break; }
  }
  return ((Math.max(last, first) - Math.max(first, 0) + 1) * (set.hi - set.lo)) / bins;
}

/** The last hidden layer's central width over the first's, at the start (see centralWidth). */
export function widthRatio(histograms) {
  const { layers, bins, activations } = histograms;
  return layers >= 3 ? centralWidth(activations, bins, layers - 2) / centralWidth(activations, bins, 0) : NaN;
}
