// Every optimizer, step by step, against torch.optim (tests/fixtures/optimizers.json): the
// same gradients are fed to both and the parameters after every step must agree to 1e-12.
import { describe, expect, it } from 'vitest';
import { loadDescent, readFixture, relativeError } from './load-module.js';

const fixture = readFixture('optimizers.json');
const TOLERANCE = 1e-12;

describe('optimizers equal PyTorch step by step', async () => {
  const d = await loadDescent();

  it('covers every PyTorch-compatible optimizer in the registry', () => {
    const covered = new Set(fixture.cases.map((c) => c.spec.type));
    for (const info of d.listOptimizers()) if (info.family === 'pytorch') expect(covered).toContain(info.type);
  });

  for (const c of fixture.cases) {
    it(`${c.name}: ${c.reference}`, () => {
      const opt = d.createOptimizer(c.spec);
      try {
        const params = Float64Array.from(c.x0);
        c.grads.forEach((grad, k) => {
          opt.step(params, Float64Array.from(grad));
          const error = relativeError(params, c.params[k]);
          if (error > TOLERANCE) throw new Error(`step ${k + 1}: relative error ${error} > ${TOLERANCE}`);
        });
        expect(opt.stepsTaken()).toBe(c.grads.length);
      } finally {
        opt.delete();
      }
    });
  }

  it('detects a wrong update: PyTorch 1.13 NAdam (mu counted twice) is not what we compute', () => {
    // The fixture follows PyTorch >= 2.0; perturbing momentumDecay must break agreement, which
    // shows the comparison above has teeth.
    const c = fixture.cases.find((x) => x.spec.type === 'nadam');
    const opt = d.createOptimizer({ ...c.spec, momentumDecay: (c.spec.momentumDecay ?? 4e-3) * 1.01 });
    const params = Float64Array.from(c.x0);
    let worst = 0;
    c.grads.forEach((grad, k) => {
      opt.step(params, Float64Array.from(grad));
      worst = Math.max(worst, relativeError(params, c.params[k]));
    });
    opt.delete();
    expect(worst).toBeGreaterThan(1e-9);
  });
});
