// The WebAssembly build trains exactly like the native one: three float64 experiments (spiral with
// four optimizers, digits with Adam, a sine regression) against tests/fixtures/experiment_golden.json,
// which the native build wrote (tests/cpp/experiment_test.cpp checks itself against it too). Both
// sides run the spec stored in the golden; every history series and the final weights must agree
// to 1e-9 relative (to the largest value of each series).
import { describe, expect, it } from 'vitest';
import { loadDescent, readFixture, relativeError } from './load-module.js';

const golden = readFixture('experiment_golden.json');
const TOLERANCE = 1e-9;
const SERIES = ['trainLoss', 'testLoss', 'trainAccuracy', 'testAccuracy', 'gradNorm', 'weightNorm', 'lr'];
const STEP_SERIES = { stepLoss: 'loss', stepGradNorm: 'gradNorm' };

describe('native and WebAssembly experiments agree (float64)', async () => {
  const d = await loadDescent();
  await d.loadDataset('digits'); // the digits-adam case

  it('the golden holds the three float64 cases', () => {
    expect(golden.cases.map((c) => c.name)).toEqual(['spiral-4-optimizers', 'digits-adam', 'sine-regression']);
    for (const c of golden.cases) expect(c.spec.precision).toBe('float64');
    expect(golden.tolerance).toBe(TOLERANCE);
  });

  it.each(golden.cases.map((c) => [c.name, c]))('%s matches the native golden to 1e-9', (_name, c) => {
    const exp = d.createExperiment(c.spec);
    try {
      exp.run(c.run);
      const histories = exp.history();
      expect(histories.length).toBe(c.optimizers.length);
      histories.forEach((h, i) => {
        const want = c.optimizers[i];
        const check = (name, actual, expected) => {
          if (expected === null) {
            expect(actual, `${c.name} optimizer ${i} ${name}`).toBeNull();
            return;
          }
          expect(actual, `${c.name} optimizer ${i} ${name}`).not.toBeNull();
          expect(actual.length, `${c.name} optimizer ${i} ${name} length`).toBe(expected.length);
          expect(relativeError(actual, expected), `${c.name} optimizer ${i} ${name}`).toBeLessThanOrEqual(TOLERANCE);
        };
        expect(h.diverged).toBe(want.diverged);
        for (const name of SERIES) check(name, h[name], want[name]);
        for (const [name, key] of Object.entries(STEP_SERIES)) check(name, h.steps[key], want[name]);
        check('weights', exp.weights(i), want.weights);
      });
    } finally {
      exp.delete();
    }
  });
});
