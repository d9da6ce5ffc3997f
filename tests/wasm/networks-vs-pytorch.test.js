// One training step (three, in fact) of small networks against PyTorch
// (tests/fixtures/network_steps.json): the same weights and batches, our network's loss and
// gradient fed to our optimizer. float64 must agree to 1e-10, float32 to 1e-5 relative.
import { describe, expect, it } from 'vitest';
import { loadDescent, readFixture, relativeError } from './load-module.js';

const fixture = readFixture('network_steps.json');
const TOLERANCE = { float64: 1e-10, float32: 1e-5 };

function networkSpec(c) {
  const { leakySlope, ...network } = c.network;
  // Our outputs count classes: binaryCrossEntropy's single unit serves 2 classes.
  const outputs = network.loss === 'binaryCrossEntropy' ? 2 : network.outputs;
  return { ...network, outputs, leakySlope, precision: c.precision };
}

describe('networks train as PyTorch does', async () => {
  const d = await loadDescent();

  for (const c of fixture.cases) {
    it(c.name, () => {
      const net = d.createNetwork(networkSpec(c));
      const opt = d.createOptimizer(c.optimizer);
      try {
        const tolerance = TOLERANCE[c.precision];
        const params = Float64Array.from(c.params0);
        expect(net.parameterCount()).toBe(params.length);
        c.batches.forEach((batch, k) => {
          const { loss, gradient } = net.lossAndGradient(params, batch.x, batch.labels ?? batch.targets.flat());
          expect(Math.abs(loss - c.losses[k])).toBeLessThanOrEqual(tolerance * Math.abs(c.losses[k]));
          if (k === 0) expect(relativeError(gradient, c.grads)).toBeLessThanOrEqual(tolerance);
          opt.step(params, gradient);
          const error = relativeError(params, c.params[k]);
          if (error > tolerance) throw new Error(`step ${k + 1}: relative error ${error} > ${tolerance}`);
        });
      } finally {
        net.delete();
        opt.delete();
      }
    });
  }

  it('covers every activation and loss', () => {
    const activations = new Set(fixture.cases.flatMap((c) => c.network.activation));
    for (const a of ['relu', 'leakyRelu', 'tanh', 'sigmoid', 'linear', 'elu', 'selu']) expect(activations).toContain(a);
    const losses = new Set(fixture.cases.map((c) => c.network.loss));
    for (const l of ['crossEntropy', 'binaryCrossEntropy', 'mse']) expect(losses).toContain(l);
  });

  it('refuses a malformed batch with the field named', () => {
    const net = d.createNetwork({ inputs: 2, outputs: 3, hidden: [4], precision: 'float64' });
    const params = net.initialParameters(1);
    expect(() => net.lossAndGradient(params, [[1, 2, 3]], [0])).toThrow(/x\[0\] has 3 numbers, expected 2/);
    expect(() => net.lossAndGradient(params, [[1, 2]], [0, 1])).toThrow(/labels has 2 entries for a batch of 1/);
    expect(() => net.lossAndGradient(params.subarray(1), [[1, 2]], [0])).toThrow(/params has length/);
    expect(() => d.createNetwork({ inputs: 2, outputs: 3, hidden: [0] })).toThrow(/'hidden'/);
    net.delete();
  });
});
