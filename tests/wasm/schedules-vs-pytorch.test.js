// Learning-rate schedules against torch.optim.lr_scheduler (tests/fixtures/schedules.json), at
// every epoch, and the optimizer's own use of a schedule.
import { describe, expect, it } from 'vitest';
import { loadDescent, readFixture } from './load-module.js';

const fixture = readFixture('schedules.json');

describe('schedules equal PyTorch at every epoch', async () => {
  const d = await loadDescent();

  for (const c of fixture.cases) {
    it(`${c.name}: ${c.reference}`, () => {
      const lrs = d.scheduleLrs(c.spec, c.baseLr, c.epochs);
      expect(lrs).toBeInstanceOf(Float64Array);
      expect(lrs.length).toBe(c.epochs);
      // PyTorch updates cosine and linear schedules recursively, so they drift from the
      // closed form by ~1e-14 relative.
      lrs.forEach((lr, e) => {
        if (Math.abs(lr - c.lrs[e]) > 1e-12 * c.baseLr) throw new Error(`epoch ${e}: ${lr} != ${c.lrs[e]}`);
      });
    });
  }

  it('covers every schedule type in the registry', () => {
    const covered = new Set(fixture.cases.map((c) => c.spec.type));
    for (const info of d.listSchedules()) expect(covered).toContain(info.type);
  });

  it('an optimizer reports the scheduled learning rate before each step', () => {
    const spec = { type: 'cosineWarmRestarts', t0: 5, tMult: 2, etaMin: 0.002 };
    const expected = d.scheduleLrs(spec, 0.1, 12);
    const opt = d.createOptimizer({ type: 'sgd', lr: 0.1, schedule: spec });
    const params = new Float64Array([1]);
    for (let e = 0; e < 12; e++) {
      expect(opt.currentLr()).toBeCloseTo(expected[e], 15);
      opt.step(params, [0]);
    }
    opt.delete();
  });
});
