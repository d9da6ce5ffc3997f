// Handlers for the train view: live Experiments kept in the worker, trained in chunks.
//
//   trainCreate      { spec, scheduleUnit? }        -> { experimentId, info, stepsPerEpoch, schedules }
//   trainRun         { experimentId, steps | epochs } -> { progress, ms, optimizers: [new epoch points...] }
//   trainHistory     { experimentId }               -> the whole per-epoch history (no per-step arrays)
//   trainPredictGrid { experimentId, index?, grid } -> { resolution, outputs, grids: [{ index, values }] }
//   trainData        { experimentId }               -> the data the networks see (exp.data()): xTrain, yTrain,
//                                                      xTest, yTest, classNames, features, ... (fetch once per run)
//   trainPredictions { experimentId, index?, split? } -> { split, outputs, predictions: [{ index, values }] }:
//                                                      head outputs per example (`outputs` each) of one optimizer or all
//   trainOptimizerState { experimentId, index }     -> { index, states: [{ name, symbol, length, norm,
//                                                      meanAbs, min, max, first: [up to 6 values] }] }: a summary
//                                                      of the optimizer's state buffers (not the whole arrays)
//   trainLayerHistograms { experimentId, index?, bins? } -> per layer, histograms of the activations and
//                                                      of the weight gradient's entries now (exp.layerHistograms)
//   trainDelete      { experimentId }               -> { deleted: true }
//
// The experiment is named `experimentId` (not `id`: the request's own `id` is the client's reply key).
// trainRun sends only the epoch points the page has not seen yet, read with history({from,
// stepsFrom}) so that neither the message nor the work of reading grows with the length of the run.
// scheduleUnit 'epochs' means the schedules' lengths (tMax, stepSize, t0, warm-up steps, totalIters)
// are given in epochs; they are converted to optimizer steps, the unit the library's schedules
// count in (PyTorch's, when scheduler.step() is called every batch).

import { loadDatasetOf } from '../datasets.js';

/** The lecture's symbol for each PyTorch state name (undefined when there is none). */
export const STATE_SYMBOLS = Object.freeze({
  exp_avg: 'm', exp_avg_sq: 'v', momentum_buffer: 'b', sum: 'r', square_avg: 'r',
});

/** A state buffer's summary: norm, mean |value|, min, max and its first 6 values. */
export function summarizeState(name, values) {
  const a = values ?? [];
  const n = a.length;
  let sq = 0;
  let abs = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    sq += x * x;
    abs += Math.abs(x);
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    name,
    symbol: STATE_SYMBOLS[name] ?? null,
    length: n,
    norm: Math.sqrt(sq),
    meanAbs: n ? abs / n : 0,
    min: n ? min : null,
    max: n ? max : null,
    first: Array.from(a.slice(0, 6)),
  };
}

const experimentsByModule = new WeakMap();
let nextExperimentId = 1;

function experiments(descent) {
  let map = experimentsByModule.get(descent);
  if (!map) {
    map = new Map();
    experimentsByModule.set(descent, map);
  }
  return map;
}

function entryOf(descent, request) {
  const key = request?.experimentId;
  const entry = experiments(descent).get(key);
  if (!entry) {
    throw new Error(`No training run with experimentId ${JSON.stringify(key ?? null)}: it was deleted (reset) or never created`);
  }
  return entry;
}

/** Schedule fields counted in steps (multiplied by the steps per epoch); tMult and factors are not lengths. */
const LENGTH_FIELDS = ['tMax', 'stepSize', 't0', 'steps', 'totalIters'];

/** A schedule whose lengths are in epochs, in optimizer steps instead (nested `then` included). */
export function scheduleInSteps(schedule, stepsPerEpoch) {
  if (!schedule || typeof schedule !== 'object' || Array.isArray(schedule)) return schedule;
  const out = { ...schedule };
  for (const field of LENGTH_FIELDS) {
    if (typeof out[field] === 'number' && Number.isFinite(out[field])) out[field] = Math.max(1, Math.round(out[field] * stepsPerEpoch));
  }
  if (out.then) out.then = scheduleInSteps(out.then, stepsPerEpoch);
  return out;
}

/** One optimizer's epoch points as history({from, stepsFrom}) returned them (plain arrays of numbers). */
function epochPoints(h, lastStepLoss = null) {
  const plain = (a) => (a ? Array.from(a) : null);
  const steps = h.steps.loss;
  return {
    from: h.from,
    epoch: plain(h.epoch),
    trainLoss: plain(h.trainLoss),
    testLoss: plain(h.testLoss),
    trainAccuracy: plain(h.trainAccuracy),
    testAccuracy: plain(h.testAccuracy),
    gradNorm: plain(h.gradNorm),
    weightNorm: plain(h.weightNorm),
    lr: plain(h.lr),
    // With recordLayerStats: per epoch and layer (epochs x count, row-major) activation mean and
    // std and weight-gradient norm.
    layers: h.layers ? { count: h.layers.count, mean: plain(h.layers.mean), std: plain(h.layers.std), gradNorm: plain(h.layers.gradNorm) } : null,
    lastStepLoss: steps.length ? steps[steps.length - 1] : lastStepLoss,
    diverged: h.diverged,
    divergedAt: h.divergedAt,
    reason: h.reason,
  };
}

/** Every optimizer's epoch points (and steps) the page has not been sent yet; marks them sent. */
function freshPoints(entry) {
  const histories = entry.experiment.history({ from: entry.sent, stepsFrom: entry.sentSteps });
  return histories.map((h, i) => {
    const points = epochPoints(h, entry.lastStepLoss[i]);
    entry.sent[i] = h.from + h.epoch.length;
    entry.sentSteps[i] = h.stepsFrom + h.steps.loss.length;
    entry.lastStepLoss[i] = points.lastStepLoss;
    return points;
  });
}

function positiveInteger(value, name, max) {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`trainRun: '${name}' must be an integer from 1 to ${max}, got ${JSON.stringify(value ?? null)}`);
  }
  return value;
}

const now = () => (globalThis.performance?.now ? globalThis.performance.now() : Date.now());

export const trainHandlers = {
  async trainCreate(descent, { spec, scheduleUnit = 'steps' } = {}) {
    if (!spec || typeof spec !== 'object') throw new Error('trainCreate: expected { spec: { dataset, network, optimizers, ... } }');
    if (scheduleUnit !== 'steps' && scheduleUnit !== 'epochs') {
      throw new Error(`trainCreate: 'scheduleUnit' must be 'steps' or 'epochs', got ${JSON.stringify(scheduleUnit)}`);
    }
    await loadDatasetOf(descent, spec); // digits travel beside the module
    const hasSchedule = Array.isArray(spec.optimizers) && spec.optimizers.some((o) => o && o.schedule);
    // The spec as given is validated (its errors name the user's fields) and tells the steps per
    // epoch; only schedules counted in epochs need a second experiment, with lengths in steps.
    let experiment = descent.createExperiment(spec);
    const { stepsPerEpoch } = experiment.info();
    let finalSpec = spec;
    if (scheduleUnit === 'epochs' && hasSchedule) {
      experiment.delete();
      finalSpec = { ...spec, optimizers: spec.optimizers.map((o) => (o && o.schedule ? { ...o, schedule: scheduleInSteps(o.schedule, stepsPerEpoch) } : o)) };
      experiment = descent.createExperiment(finalSpec);
    }
    const optimizerCount = experiment.info().optimizers;
    const experimentId = nextExperimentId++;
    const zeros = () => new Array(optimizerCount).fill(0);
    experiments(descent).set(experimentId, {
      experiment, stepsPerEpoch, sent: zeros(), sentSteps: zeros(), lastStepLoss: new Array(optimizerCount).fill(null),
    });
    // Epoch 0 (before training) is recorded at creation; the first trainRun sends it.
    return { experimentId, info: experiment.info(), stepsPerEpoch, schedules: finalSpec.optimizers.map((o) => o?.schedule ?? null) };
  },

  trainRun(descent, request = {}) {
    const entry = entryOf(descent, request);
    const { steps, epochs } = request;
    if ((steps === undefined) === (epochs === undefined)) throw new Error("trainRun: give exactly one of 'steps' or 'epochs'");
    const start = now();
    const progress = steps !== undefined
      ? entry.experiment.run({ steps: positiveInteger(steps, 'steps', 100000) })
      : entry.experiment.run({ epochs: positiveInteger(epochs, 'epochs', 10000) });
    const ms = now() - start;
    return { progress, ms, stepsPerEpoch: entry.stepsPerEpoch, optimizers: freshPoints(entry) };
  },

  trainHistory(descent, request = {}) {
    const entry = entryOf(descent, request);
    // Every epoch point, and of the per-step record only the last step (its loss).
    const { progress } = entry.experiment.info();
    const stepsFrom = progress.optimizers.map((o) => Math.max(0, o.steps - 1));
    return entry.experiment.history({ stepsFrom }).map((h) => epochPoints(h));
  },

  trainLayerHistograms(descent, request = {}) {
    const entry = entryOf(descent, request);
    return entry.experiment.layerHistograms(request.index ?? 0, request.bins);
  },

  trainPredictGrid(descent, request = {}) {
    const entry = entryOf(descent, request);
    const { grid = {}, index } = request;
    const g = { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, resolution: 60, ...grid };
    const info = entry.experiment.info();
    const indices = index === undefined || index === null ? [...Array(info.optimizers).keys()] : [index];
    const grids = indices.map((i) => ({ index: i, values: entry.experiment.predictGrid(i, g) }));
    return { resolution: g.resolution, outputs: info.outputs, grid: g, grids };
  },

  trainData(descent, request = {}) {
    const entry = entryOf(descent, request);
    const d = entry.experiment.data();
    return {
      type: d.type,
      description: d.description,
      classification: d.classification,
      features: d.features,
      outputs: d.outputs,
      classNames: Array.from(d.classNames ?? []),
      xTrain: d.xTrain,
      yTrain: d.yTrain,
      xTest: d.xTest,
      yTest: d.yTest,
      trainCount: d.yTrain.length / (d.classification ? 1 : Math.max(1, d.outputs)),
      testCount: d.yTest.length / (d.classification ? 1 : Math.max(1, d.outputs)),
    };
  },

  trainPredictions(descent, request = {}) {
    const entry = entryOf(descent, request);
    const { index, split = 'test' } = request;
    if (split !== 'train' && split !== 'test') {
      throw new Error(`trainPredictions: 'split' must be 'train' or 'test', got ${JSON.stringify(split)}`);
    }
    const info = entry.experiment.info();
    const indices = index === undefined || index === null ? [...Array(info.optimizers).keys()] : [index];
    const predictions = indices.map((i) => ({ index: i, values: entry.experiment.predictions(i, split) }));
    return { split, outputs: info.outputs, predictions };
  },

  trainOptimizerState(descent, request = {}) {
    const entry = entryOf(descent, request);
    const count = entry.experiment.info().optimizers;
    const { index } = request;
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new Error(`trainOptimizerState: 'index' must be a whole number in 0 to ${count - 1}, got ${JSON.stringify(index ?? null)}`);
    }
    const raw = entry.experiment.optimizerState(index) ?? {};
    const states = Object.keys(raw).map((name) => summarizeState(name, raw[name]));
    return { index, states };
  },

  trainDelete(descent, request = {}) {
    const entry = entryOf(descent, request);
    experiments(descent).delete(request.experimentId);
    entry.experiment.delete();
    return { deleted: true };
  },
};

/** How many experiments are alive (for tests and leak checks). */
export function liveExperimentCount(descent) {
  return experiments(descent).size;
}
