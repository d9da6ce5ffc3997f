// The train handlers against the real WebAssembly module, through handleMessage (no Worker).
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { handleMessage } from '../../web/src/worker/handlers.js';
import { liveExperimentCount, scheduleInSteps } from '../../web/src/worker/handlers/train.js';
import { pixelScales } from '../../web/src/views/train/evaluate.js';

let descent;
let nextId = 1;
const ask = (type, payload = {}) => handleMessage(descent, { ...payload, id: nextId++, type });
const ok = async (type, payload) => {
  const reply = await ask(type, payload);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error}`);
  return reply.result;
};

const spec = {
  dataset: { type: 'spiral', n: 120, classes: 3, noise: 0.1, testFraction: 0.25 },
  network: { hidden: [8], activation: 'tanh', loss: 'crossEntropy' },
  batchSize: 30,
  seed: 3,
  optimizers: [{ type: 'sgd', lr: 0.1, momentum: 0.9 }, { type: 'adam', lr: 0.01 }],
};

beforeAll(async () => {
  descent = await createDescent();
});

describe('train handlers', () => {
  it('creates an experiment, runs chunks, sends only the new epoch points', async () => {
    const before = liveExperimentCount(descent);
    const created = await ok('trainCreate', { spec });
    expect(created.experimentId).toEqual(expect.any(Number));
    expect(created.info).toMatchObject({ inputs: 2, outputs: 3, classification: true, optimizers: 2 });
    expect(created.stepsPerEpoch).toBe(3); // 90 training examples / 30
    expect(liveExperimentCount(descent)).toBe(before + 1);

    const first = await ok('trainRun', { experimentId: created.experimentId, steps: 3 });
    expect(first.progress).toMatchObject({ steps: 3, epochs: 1 });
    expect(first.ms).toBeGreaterThanOrEqual(0);
    expect(first.optimizers).toHaveLength(2);
    expect(first.optimizers[0]).toMatchObject({ from: 0, epoch: [0, 1], diverged: false });
    expect(first.optimizers[0].trainLoss).toHaveLength(2);
    expect(first.optimizers[0].testAccuracy).toHaveLength(2);

    const second = await ok('trainRun', { experimentId: created.experimentId, epochs: 4 });
    expect(second.progress).toMatchObject({ steps: 15, epochs: 5 });
    expect(second.optimizers[1]).toMatchObject({ from: 2, epoch: [2, 3, 4, 5] });
    const empty = await ok('trainRun', { experimentId: created.experimentId, steps: 1 });
    expect(empty.optimizers[0].epoch).toEqual([]); // mid-epoch: nothing new yet
    expect(empty.optimizers[0].lastStepLoss).toEqual(expect.any(Number));

    const history = await ok('trainHistory', { experimentId: created.experimentId });
    expect(history[0].epoch).toEqual([0, 1, 2, 3, 4, 5]);
    expect(history[0].trainLoss[5]).toBeLessThan(history[0].trainLoss[0]); // it learns

    await ok('trainDelete', { experimentId: created.experimentId });
    expect(liveExperimentCount(descent)).toBe(before);
  });

  it('the chunks\' points, put together, are the whole history; the last step loss is always there', async () => {
    const { experimentId } = await ok('trainCreate', { spec });
    const merged = [[], []];
    let last;
    for (const steps of [1, 1, 2, 5, 1, 1, 4]) {
      last = await ok('trainRun', { experimentId, steps });
      last.optimizers.forEach((o, i) => {
        expect(o.from).toBe(merged[i].length); // nothing skipped, nothing sent twice
        merged[i].push(...o.trainLoss);
        expect(o.lastStepLoss).toEqual(expect.any(Number));
      });
    }
    expect(last.progress).toMatchObject({ steps: 15, epochs: 5 });
    const history = await ok('trainHistory', { experimentId });
    expect(merged).toEqual(history.map((h) => h.trainLoss));
    expect(history[1].lastStepLoss).toBe(last.optimizers[1].lastStepLoss);
    await ok('trainDelete', { experimentId });
  });

  it('reports a divergence in the reply of the chunk where it happened', async () => {
    const diverging = { ...spec, optimizers: [{ type: 'sgd', lr: 1e30 }, { type: 'adam', lr: 0.01 }] };
    const { experimentId } = await ok('trainCreate', { spec: diverging });
    let reply;
    for (let i = 0; i < 20 && !reply?.progress.optimizers[0].diverged; i++) reply = await ok('trainRun', { experimentId, steps: 1 });
    expect(reply.progress.optimizers[0].diverged).toBe(true);
    expect(reply.optimizers[0]).toMatchObject({ diverged: true, divergedAt: expect.any(Number), reason: expect.stringMatching(/diverged at step/) });
    expect(reply.optimizers[1].diverged).toBe(false);
    await ok('trainDelete', { experimentId });
  });

  it('predicts on grids of the requested size, for one optimizer or all', async () => {
    const { experimentId } = await ok('trainCreate', { spec });
    const all = await ok('trainPredictGrid', { experimentId, grid: { resolution: 20 } });
    expect(all).toMatchObject({ resolution: 20, outputs: 3 });
    expect(all.grids.map((g) => g.index)).toEqual([0, 1]);
    expect(all.grids[0].values).toBeInstanceOf(Float32Array);
    expect(all.grids[0].values).toHaveLength(20 * 20 * 3);
    const one = await ok('trainPredictGrid', { experimentId, index: 1 });
    expect(one.grids).toHaveLength(1);
    expect(one.grids[0].values).toHaveLength(60 * 60 * 3);
    const bad = await ask('trainPredictGrid', { experimentId, index: 5 });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.error).toMatch(/optimizer index must be a whole number from 0 to 1/);
    await ok('trainDelete', { experimentId });
  });

  it('trainData returns the data the networks see; trainPredictions the head outputs per example', async () => {
    const { experimentId } = await ok('trainCreate', { spec });
    const data = await ok('trainData', { experimentId });
    expect(data).toMatchObject({ type: 'spiral', classification: true, features: 2, outputs: 3, trainCount: 90, testCount: 30 });
    expect(data.classNames).toEqual(['class 0', 'class 1', 'class 2']);
    expect(data.xTrain).toHaveLength(90 * 2);
    expect(data.yTrain).toHaveLength(90);
    expect(data.xTest).toHaveLength(30 * 2);
    expect(Array.from(data.yTest).every((y) => y >= 0 && y < 3)).toBe(true);
    await ok('trainRun', { experimentId, epochs: 3 });
    const all = await ok('trainPredictions', { experimentId });
    expect(all).toMatchObject({ split: 'test', outputs: 3 });
    expect(all.predictions.map((p) => p.index)).toEqual([0, 1]);
    expect(all.predictions[0].values).toHaveLength(30 * 3);
    const row = Array.from(all.predictions[0].values.slice(0, 3));
    expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5); // probabilities
    const train = await ok('trainPredictions', { experimentId, index: 1, split: 'train' });
    expect(train.predictions).toHaveLength(1);
    expect(train.predictions[0].values).toHaveLength(90 * 3);
    expect((await ask('trainPredictions', { experimentId, split: 'validation' })).error).toMatch(/'split' must be 'train' or 'test'/);
    expect((await ask('trainPredictions', { experimentId, index: 7 })).ok).toBe(false);
    // the history carries the weight norms the CSV export writes; the full-gradient norm only on request
    const history = await ok('trainHistory', { experimentId });
    expect(history[0].weightNorm).toHaveLength(4);
    expect(history[0].gradNorm).toBeNull();
    await ok('trainDelete', { experimentId });
    expect((await ask('trainData', { experimentId })).error).toMatch(/No training run/);
  });

  it('trainData for digits: 64 standardised pixels per image and labels 0..9', async () => {
    const { experimentId } = await ok('trainCreate', { spec: { ...spec, dataset: { type: 'digits' }, network: { hidden: [] } } });
    const data = await ok('trainData', { experimentId });
    expect(data).toMatchObject({ type: 'digits', features: 64, outputs: 10 });
    expect(data.xTest).toHaveLength(data.testCount * 64);
    expect(data.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    // the pixel counts 0..16 can be read back from the standardised features
    const scales = pixelScales(data.xTrain, 64);
    expect(scales.full).toBe(16);
    for (let i = 0; i < 64 * 20; i++) {
      const c = scales.columns[i % 64];
      const count = c.step ? (data.xTest[i] - c.min) / c.step : 0;
      expect(Math.abs(count - Math.round(count))).toBeLessThan(1e-6);
    }
    const { predictions, outputs } = await ok('trainPredictions', { experimentId, index: 0 });
    expect(outputs).toBe(10);
    expect(predictions[0].values).toHaveLength(data.testCount * 10);
    await ok('trainDelete', { experimentId });
  });

  it('deleted or unknown ids give a clear error, and deleting twice fails', async () => {
    const { experimentId } = await ok('trainCreate', { spec });
    await ok('trainDelete', { experimentId });
    for (const type of ['trainDelete', 'trainRun', 'trainPredictGrid', 'trainHistory']) {
      const reply = await ask(type, { experimentId, steps: 1 });
      expect(reply.ok).toBe(false);
      expect(reply.error).toMatch(/No training run with experimentId \d+: it was deleted/);
    }
    expect((await ask('trainRun', { steps: 1 })).error).toMatch(/No training run with experimentId null/);
  });

  it('bad specs and run requests give the library message', async () => {
    const badLr = await ask('trainCreate', { spec: { ...spec, optimizers: [{ type: 'adam', lr: -1 }] } });
    expect(badLr).toMatchObject({ ok: false });
    expect(badLr.error).toContain("optimizer 'adam': option 'lr' must be > 0, got -1");
    const csv = await ask('trainCreate', { spec: { ...spec, dataset: { type: 'csv', text: '1,2\nfoo' } } });
    expect(csv.error).toContain('csv: line 2 has 1 columns but line 1 has 2');
    expect((await ask('trainCreate', {})).error).toMatch(/expected \{ spec/);
    const { experimentId } = await ok('trainCreate', { spec });
    expect((await ask('trainRun', { experimentId })).error).toMatch(/exactly one of 'steps' or 'epochs'/);
    expect((await ask('trainRun', { experimentId, steps: 0 })).error).toMatch(/'steps' must be an integer/);
    expect((await ask('trainRun', { experimentId, steps: 2.5 })).error).toMatch(/'steps' must be an integer/);
    await ok('trainDelete', { experimentId });
  });

  it('converts schedules given in epochs into optimizer steps', async () => {
    const scheduled = {
      ...spec,
      optimizers: [
        { type: 'sgd', lr: 0.1, schedule: { type: 'cosine', tMax: 4 } },
        { type: 'adam', lr: 0.01, schedule: { type: 'warmup', steps: 1, then: { type: 'cosine', tMax: 3 } } },
      ],
    };
    const created = await ok('trainCreate', { spec: scheduled, scheduleUnit: 'epochs' });
    expect(created.stepsPerEpoch).toBe(3);
    expect(created.schedules).toEqual([
      { type: 'cosine', tMax: 12 },
      { type: 'warmup', steps: 3, then: { type: 'cosine', tMax: 9 } },
    ]);
    const run = await ok('trainRun', { experimentId: created.experimentId, epochs: 4 });
    // Cosine over 4 epochs: the lr at the end of epoch 4 is back at eta_min = 0.
    expect(run.optimizers[0].lr[4]).toBeCloseTo(0, 12);
    expect(run.optimizers[0].lr[2]).toBeCloseTo(0.05, 12);
    await ok('trainDelete', { experimentId: created.experimentId });
    expect((await ask('trainCreate', { spec, scheduleUnit: 'weeks' })).error).toMatch(/scheduleUnit/);
  });

  it('leaves the heap where it was after create/run/delete cycles', async () => {
    const { experimentId } = await ok('trainCreate', { spec });
    await ok('trainDelete', { experimentId });
    const heap = descent.heapBytesInUse();
    for (let k = 0; k < 5; k++) {
      const created = await ok('trainCreate', { spec, scheduleUnit: 'epochs' });
      await ok('trainRun', { experimentId: created.experimentId, steps: 7 });
      await ok('trainPredictGrid', { experimentId: created.experimentId, grid: { resolution: 10 } });
      await ok('trainDelete', { experimentId: created.experimentId });
    }
    expect(descent.heapBytesInUse()).toBe(heap);
    // memoryUse, what the page's long-session test reads through the worker, says the same.
    const use = await ok('memoryUse');
    expect(use).toEqual({ heapBytesInUse: heap, memoryBytes: descent.HEAP8.buffer.byteLength, liveRuns: liveExperimentCount(descent) });
    expect(use.memoryBytes % 65536).toBe(0);
    expect(use.memoryBytes).toBeGreaterThan(use.heapBytesInUse);
  });

  it('scheduleInSteps scales lengths, keeps factors, and recurses into then', () => {
    expect(scheduleInSteps({ type: 'step', stepSize: 2, gamma: 0.5 }, 10)).toEqual({ type: 'step', stepSize: 20, gamma: 0.5 });
    expect(scheduleInSteps({ type: 'cosineWarmRestarts', t0: 3, tMult: 2 }, 4)).toEqual({ type: 'cosineWarmRestarts', t0: 12, tMult: 2 });
    expect(scheduleInSteps({ type: 'warmup', steps: 1, then: { type: 'cosine', tMax: 2 } }, 5))
      .toEqual({ type: 'warmup', steps: 5, then: { type: 'cosine', tMax: 10 } });
    expect(scheduleInSteps(undefined, 5)).toBeUndefined();
  });

  it('summarises each optimizer\'s state (trainOptimizerState), not the whole arrays', async () => {
    const { experimentId } = await ok('trainCreate', { spec });
    const before = await ok('trainOptimizerState', { experimentId, index: 1 });
    expect(before.index).toBe(1);
    for (const s of before.states) expect(s.norm).toBe(0); // nothing yet before the first step
    await ok('trainRun', { experimentId, steps: 4 });
    const sgd = await ok('trainOptimizerState', { experimentId, index: 0 });
    const momentum = sgd.states.find((s) => s.name === 'momentum_buffer');
    expect(momentum).toMatchObject({ symbol: 'b', length: expect.any(Number) });
    expect(momentum.length).toBeGreaterThan(6);
    expect(momentum.first).toHaveLength(6);
    expect(momentum.norm).toBeGreaterThan(0);
    expect(momentum.min).toBeLessThanOrEqual(momentum.max);
    expect(momentum.meanAbs).toBeGreaterThan(0);
    expect(momentum.meanAbs).toBeLessThanOrEqual(Math.max(Math.abs(momentum.min), Math.abs(momentum.max)));
    const adam = await ok('trainOptimizerState', { experimentId, index: 1 });
    const names = adam.states.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['exp_avg', 'exp_avg_sq']));
    expect(adam.states.find((s) => s.name === 'exp_avg').symbol).toBe('m');
    const v = adam.states.find((s) => s.name === 'exp_avg_sq');
    expect(v.symbol).toBe('v');
    expect(v.min).toBeGreaterThanOrEqual(0);
    expect(v.norm).toBeGreaterThan(0);
    for (const s of adam.states) expect(Object.values(s).some((x) => ArrayBuffer.isView(x))).toBe(false);
    const bad = await ask('trainOptimizerState', { experimentId, index: 2 });
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/index/);
    await ok('trainDelete', { experimentId });
  });
});
