// Training small networks side by side (issue: networks). Learning works within stated epoch
// budgets; comparisons are fair (same start, same batches); runs are reproducible; a diverging
// optimizer is stopped and marked while the others go on; bad specs are refused with the field named.
import { describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

const spiral = { type: 'spiral', n: 300, classes: 3, noise: 0.1, testFraction: 0.2 };
const tanhNet = { hidden: [32, 32], activation: 'tanh', init: { type: 'xavierNormal', gain: 'auto' }, loss: 'crossEntropy' };

function withExperiment(d, spec, body) {
  const exp = d.createExperiment(spec);
  try {
    return body(exp);
  } finally {
    exp.delete();
  }
}

describe('experiments', async () => {
  const d = await loadDescent();

  it('spiral, 3 classes, 2-32-32-3 tanh with Adam reaches 95% training accuracy within 300 epochs', () => {
    withExperiment(d, { dataset: spiral, network: tanhNet, batchSize: 32, seed: 7, optimizers: [{ type: 'adam', lr: 0.01 }] },
      (exp) => {
        exp.run({ epochs: 300 });
        const [h] = exp.history();
        expect(h.trainAccuracy.at(-1)).toBeGreaterThanOrEqual(0.95);
        expect(h.trainLoss.at(-1)).toBeLessThan(h.trainLoss[0] / 5);
      });
  });

  it('digits with one hidden layer of 64 reaches 95% test accuracy within 30 epochs', async () => {
    await d.loadDataset('digits');
    withExperiment(d, {
      dataset: { type: 'digits', testFraction: 0.2 }, network: { hidden: [64], activation: 'relu', loss: 'crossEntropy' },
      batchSize: 32, seed: 3, optimizers: [{ type: 'adam', lr: 0.003 }],
    }, (exp) => {
      exp.run({ epochs: 30 });
      expect(exp.history()[0].testAccuracy.at(-1)).toBeGreaterThanOrEqual(0.95);
    });
  });

  it('is fair: every optimizer starts from the same weights; identical configurations stay identical', () => {
    withExperiment(d, {
      dataset: spiral, network: tanhNet, batchSize: 16, seed: 11,
      optimizers: [{ type: 'sgd', lr: 0.1, momentum: 0.9 }, { type: 'adam', lr: 0.01 }, { type: 'sgd', lr: 0.1, momentum: 0.9 }],
    }, (exp) => {
      expect(Array.from(exp.weights(0))).toEqual(Array.from(exp.weights(1)));
      exp.run({ epochs: 3 });
      expect(Array.from(exp.weights(0))).toEqual(Array.from(exp.weights(2)));
      expect(Array.from(exp.weights(0))).not.toEqual(Array.from(exp.weights(1)));
      const h = exp.history();
      expect(h[0].epoch.length).toBe(4); // epoch 0 (the start) and three more
      expect(h[0].steps.loss.length).toBe(3 * Math.ceil(240 / 16));
      expect(exp.info().stepsPerEpoch).toBe(Math.ceil(240 / 16));
      const adamState = exp.optimizerState(1);
      expect(Object.keys(adamState).sort()).toEqual(['exp_avg', 'exp_avg_sq']);
      expect(adamState.exp_avg.length).toBe(exp.weights(1).length);
      expect(Object.keys(exp.optimizerState(0))).toEqual(['momentum_buffer']);
    });
  });

  it('the same seed gives the same history, bit for bit; another seed does not', () => {
    const spec = (seed) => ({ dataset: spiral, network: tanhNet, batchSize: 32, seed, precision: 'float32',
      optimizers: [{ type: 'adamw', lr: 0.01 }, { type: 'sgdw', lr: 0.05 }] });
    const history = (seed) => withExperiment(d, spec(seed), (exp) => {
      exp.run({ epochs: 4 });
      return exp.history().map((h) => Array.from(h.trainLoss).concat(Array.from(h.steps.loss)));
    });
    expect(history(5)).toEqual(history(5));
    expect(history(5)).not.toEqual(history(6));
  });

  it('a diverging optimizer is stopped and marked with its step; the others go on', () => {
    withExperiment(d, {
      dataset: spiral, network: tanhNet, batchSize: 32, seed: 1,
      optimizers: [{ type: 'sgd', lr: 1e3 }, { type: 'adam', lr: 0.01 }],
    }, (exp) => {
      const progress = exp.run({ epochs: 5 });
      const [bad, good] = exp.history();
      expect(bad.diverged).toBe(true);
      expect(bad.divergedAt).toBeGreaterThan(0);
      expect(bad.reason).toMatch(/diverged at step/);
      expect(progress.optimizers[1].steps).toBe(5 * 8);
      expect(good.diverged).toBe(false);
      for (const h of [bad, good]) for (const a of [h.trainLoss, h.steps.loss, h.weightNorm]) expect(a.every(Number.isFinite)).toBe(true);
    });
  });

  it('full batch is gradient descent; regression has no accuracy; predictGrid and layerStats work', () => {
    withExperiment(d, {
      dataset: { type: 'sine', n: 100, testFraction: 0.2 }, network: { hidden: [16], activation: 'tanh', loss: 'mse' },
      batchSize: 80, seed: 2, recordLayerStats: true, optimizers: [{ type: 'gd', lr: 0.1 }],
    }, (exp) => {
      exp.run({ epochs: 5 });
      const [h] = exp.history();
      expect(h.steps.loss.length).toBe(5);
      expect(h.trainAccuracy).toBeNull();
      expect(h.layers.count).toBe(2);
      expect(exp.layerStats(0).std.length).toBe(2);
      // Histograms: layers x bins fractions on one range per quantity; with what fell outside, 1 per layer.
      const hist = exp.layerHistograms(0, 12);
      expect(hist).toMatchObject({ bins: 12, layers: 2 });
      for (const set of [hist.activations, hist.gradients]) {
        expect(set.fractions).toBeInstanceOf(Float64Array);
        expect(set.fractions.length).toBe(24);
        expect(set.hi).toBeGreaterThan(set.lo);
        for (let l = 0; l < 2; l++) {
          const inside = set.fractions.slice(l * 12, (l + 1) * 12).reduce((a, b) => a + b, 0);
          expect(inside + set.below[l] + set.above[l] + set.nonFinite[l]).toBeCloseTo(1, 12);
        }
      }
      expect(exp.layerHistograms(0).bins).toBe(30);
      for (const bins of [1, 201, 2.5, '10', NaN]) {
        expect(() => exp.layerHistograms(0, bins)).toThrow('layerHistograms: bins must be a whole number in 2 to 200');
      }
      expect(() => exp.layerHistograms(3, 10)).toThrow(/layerHistograms/);
      expect(exp.layerHistograms(0, 10).layers).toBe(2); // still working after the errors
    });
    withExperiment(d, { dataset: spiral, network: tanhNet, seed: 2, optimizers: [{ type: 'adam' }] }, (exp) => {
      const grid = exp.predictGrid(0, { xMin: -2, xMax: 2, yMin: -2, yMax: 2, resolution: 10 });
      expect(grid).toBeInstanceOf(Float32Array);
      expect(grid.length).toBe(10 * 10 * 3);
      expect(grid[0] + grid[1] + grid[2]).toBeCloseTo(1, 5);
    });
  });

  it('exposes the data the networks see and their predictions on it', () => {
    withExperiment(d, { dataset: { type: 'iris', testFraction: 0.2 }, network: { hidden: [8] }, seed: 3, batchSize: 30,
      optimizers: [{ type: 'adam', lr: 0.01 }] }, (exp) => {
      const data = exp.data();
      expect(data.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
      expect(data.features).toBe(4);
      expect(data.xTrain.length).toBe(120 * 4);
      expect(data.yTrain).toBeInstanceOf(Int32Array);
      expect(data.yTest.length).toBe(30);
      exp.run({ epochs: 30 });
      const p = exp.predictions(0, 'test');
      expect(p.length).toBe(30 * 3);
      let correct = 0;
      for (let k = 0; k < 30; k++) {
        const row = Array.from(p.subarray(3 * k, 3 * k + 3));
        if (row.indexOf(Math.max(...row)) === data.yTest[k]) correct++;
      }
      expect(correct / 30).toBeCloseTo(exp.history()[0].testAccuracy.at(-1), 10);
      expect(() => exp.predictions(0, 'validation')).toThrow(/split must be 'train' or 'test'/);
    });
  });

  it('L2 in the loss and decoupled decay both shrink the weights', () => {
    const norms = withExperiment(d, {
      dataset: spiral, network: tanhNet, batchSize: 32, seed: 4, l2: 0,
      optimizers: [{ type: 'adam', lr: 0.01 }, { type: 'adam', lr: 0.01, weightDecay: 0.01 }, { type: 'adamw', lr: 0.01, weightDecay: 0.5 }],
    }, (exp) => {
      exp.run({ epochs: 20 });
      return exp.history().map((h) => h.weightNorm.at(-1));
    });
    expect(norms[1]).toBeLessThan(norms[0]);
    expect(norms[2]).toBeLessThan(norms[0]);
  });

  it.each([
    ['unknown data set', { dataset: { type: 'spirals' } }, /unknown type 'spirals'/],
    ['zero width', { network: { hidden: [32, 0] } }, /'hidden'.*entry 1 must be >= 1, got 0/],
    ['unknown activation', { network: { hidden: [8], activation: 'relu6' } }, /'activation'.*'relu6'/],
    ['batch larger than data', { batchSize: 1000 }, /'batchSize' is 1000, larger than the training set \(240 examples\)/],
    ['lr of 0', { optimizers: [{ type: 'adam', lr: 0 }] }, /optimizers\[0\]: optimizer 'adam': option 'lr' must be > 0, got 0/],
    ['no optimizers', { optimizers: [] }, /'optimizers' must be a non-empty array/],
    ['csv with text', { dataset: { type: 'csv', text: '1,2,0\n3,x,1\n5,6,1\n7,8,0\n' } }, /line 2, column 2: 'x' is not a number/],
    ['newton too big', { network: { hidden: [64, 64] }, optimizers: [{ type: 'newton' }] }, /limited to networks of at most 500 parameters/],
    ['precision', { precision: 'float16' }, /'precision' must be one of 'float32' or 'float64'/],
  ])('refuses %s', (_name, change, message) => {
    const spec = { dataset: spiral, network: tanhNet, batchSize: 32, seed: 1, optimizers: [{ type: 'adam' }], ...change };
    expect(() => d.createExperiment(spec)).toThrow(message);
  });

  it('history({from, stepsFrom}) returns exactly the tail of the whole record, per optimizer', () => {
    withExperiment(d, {
      dataset: spiral, network: tanhNet, batchSize: 32, seed: 5, recordLayerStats: true,
      optimizers: [{ type: 'sgd', lr: 1e30 }, { type: 'adam', lr: 0.01 }],
    }, (exp) => {
      exp.run({ epochs: 4 });
      const whole = exp.history();
      expect(whole[0].diverged).toBe(true); // a shorter record than the other's
      expect(whole[1].epoch.length).toBe(5);
      const cut = exp.history({ from: [0, 3], stepsFrom: 10 });
      const tail = (a, k) => Array.from(a).slice(k);
      for (const [i, from] of [[0, 0], [1, 3]]) {
        const [w, c] = [whole[i], cut[i]];
        const f = Math.min(from, w.epoch.length);
        expect(c.from).toBe(f);
        expect(c.stepsFrom).toBe(Math.min(10, w.steps.loss.length));
        for (const key of ['epoch', 'trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'gradNorm', 'weightNorm', 'lr']) {
          expect(Array.from(c[key]), `${i} ${key}`).toEqual(tail(w[key], f));
        }
        for (const key of ['loss', 'gradNorm', 'lr']) expect(Array.from(c.steps[key])).toEqual(tail(w.steps[key], 10));
        expect(c.layers.count).toBe(w.layers.count);
        expect(Array.from(c.layers.mean)).toEqual(tail(w.layers.mean, f * w.layers.count));
        expect([c.diverged, c.divergedAt, c.reason]).toEqual([w.diverged, w.divergedAt, w.reason]);
      }
      // Past the end: empty arrays, not an error (a view that has read everything asks for more).
      const past = exp.history({ from: 99, stepsFrom: 1e6 })[1];
      expect([past.from, past.epoch.length, past.steps.loss.length]).toEqual([5, 0, 0]);
      expect(exp.history({})[1].epoch.length).toBe(5);
    });
  });

  it.each([
    [{ from: -1 }, /history: 'from' must be a whole number >= 0 or an array of 1 of them/],
    [{ from: 1.5 }, /'from' must be a whole number/],
    [{ stepsFrom: '3' }, /'stepsFrom' must be a whole number/],
    [{ from: [0, 1] }, /'from' has 2 entries; give one per optimizer \(1\)/],
    [[1, 2], /the options must be an object like \{from, stepsFrom\}/],
    [7, /the options must be an object like \{from, stepsFrom\}/],
  ])('history refuses %j', (options, message) => {
    withExperiment(d, { dataset: spiral, network: tanhNet, optimizers: [{ type: 'adam' }] }, (exp) => {
      expect(() => exp.history(options)).toThrow(message);
    });
  });

  it('refuses a bad run request and a bad index', () => {
    withExperiment(d, { dataset: spiral, network: tanhNet, optimizers: [{ type: 'adam' }] }, (exp) => {
      expect(() => exp.run({ epochs: 0 })).toThrow(/'epochs' must be in \[1, 10000\], got 0/);
      expect(() => exp.run({})).toThrow(/exactly one of 'epochs' or 'steps'/);
      expect(() => exp.weights(3)).toThrow(/index must be a whole number from 0 to 0/);
    });
  });
});
