// The module's JavaScript API as the page and course sites use it: registries, objectives,
// whole runs in one call, flows. Arrays come back as Float64Array copies.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

describe('module API', async () => {
  const d = await loadDescent();

  it('lists every optimizer with its rule, PyTorch mapping and option specs', () => {
    const list = d.listOptimizers();
    const types = list.map((o) => o.type);
    for (const t of ['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'adamax', 'adadelta', 'gd',
      'heavyBall', 'nesterovAccelerated', 'newton', 'adagradFull', 'sgdw']) expect(types).toContain(t);
    for (const o of list) {
      expect(o.formula.length).toBeGreaterThan(20);
      expect(o.torch).toMatch(/torch|PyTorch/);
      const names = o.options.map((p) => p.name);
      expect(names).toContain('lr');
      expect(names).toContain('schedule');
      const lr = o.options.find((p) => p.name === 'lr');
      expect(lr).toMatchObject({ kind: 'number', min: 0, minOpen: true, logScale: true });
      expect(lr.default).toBeGreaterThan(0);
    }
    const adam = list.find((o) => o.type === 'adam');
    expect(adam.options.find((p) => p.name === 'betas').default).toEqual([0.9, 0.999]);
    expect(list.find((o) => o.type === 'adamw').options.find((p) => p.name === 'weightDecay').default).toBe(0.01);
    expect(list.find((o) => o.type === 'adamw').torch).toMatch(/weight_decay=λ\/α/);
  });

  it('creates every optimizer from its type alone, with PyTorch defaults filled in', () => {
    for (const info of d.listOptimizers()) {
      const opt = d.createOptimizer({ type: info.type });
      const params = new Float64Array([1, -2]);
      const result = opt.step(params, [0.5, 0.25], info.needsHessian ? [2, 0, 0, 2] : undefined);
      expect(result).toBe(params);
      expect(params.every(Number.isFinite)).toBe(true);
      expect(params[0]).toBeLessThan(1);
      const options = opt.options();
      for (const p of info.options) if (p.default !== null) expect(options[p.name]).toEqual(p.default);
      opt.reset();
      expect(opt.stepsTaken()).toBe(0);
      opt.delete();
    }
  });

  it('exposes optimizer state by PyTorch names', () => {
    const opt = d.createOptimizer({ type: 'adam', amsgrad: true });
    opt.step(new Float64Array([1, 2]), [1, -1]);
    expect(Object.keys(opt.state()).sort()).toEqual(['exp_avg', 'exp_avg_sq', 'max_exp_avg_sq']);
    expect(Array.from(opt.state().exp_avg)).toEqual([0.09999999999999998, -0.09999999999999998]);
    opt.delete();
  });

  it('bound functions and classes carry their JavaScript names', () => {
    expect(d.createExperiment.name).toBe('createExperiment');
    expect(d.listDatasets.name).toBe('listDatasets');
    expect(d.Experiment.name).toBe('Experiment');
    expect(d.Optimizer.prototype.step.name).toBe('step');
  });

  it('makes no code at run time (no eval, no new Function), so a strict Content-Security-Policy allows it', () => {
    const source = readFileSync(new URL('../../build/wasm/descent.mjs', import.meta.url), 'utf8');
    expect(source).not.toMatch(/new Function\b|[^\w.]eval\(/);
  });

  it('lists schedules and objectives', () => {
    expect(d.listSchedules().map((s) => s.type)).toEqual(
      ['constant', 'step', 'exponential', 'cosine', 'cosineWarmRestarts', 'linear', 'warmup']);
    const objectives = d.listObjectives().map((o) => o.type);
    for (const t of ['quadratic', 'rosenbrock', 'beale', 'himmelblau', 'rastrigin', 'booth', 'saddle', 'nesterovWorstCase'])
      expect(objectives).toContain(t);
  });

  it('lists data sets with their options', () => {
    const list = d.listDatasets();
    const types = list.map((x) => x.type);
    for (const t of ['spiral', 'circles', 'xor', 'gaussians', 'moons', 'sine', 'surface', 'digits', 'iris', 'csv'])
      expect(types).toContain(t);
    expect(list.find((x) => x.type === 'sine').task).toBe('regression');
    const spiral = list.find((x) => x.type === 'spiral');
    expect(spiral.options.map((o) => o.name)).toEqual(expect.arrayContaining(['n', 'classes', 'noise', 'testFraction']));
  });

  it('a network on its own: initial parameters are seeded, predictions are probabilities', () => {
    const net = d.createNetwork({ inputs: 2, outputs: 3, hidden: [5], activation: 'tanh', precision: 'float64',
      init: { type: 'xavierNormal', gain: 'auto' } });
    expect(net.parameterCount()).toBe(2 * 5 + 5 + 5 * 3 + 3);
    const p = net.initialParameters(4);
    expect(Array.from(net.initialParameters(4))).toEqual(Array.from(p));
    expect(Array.from(net.initialParameters(5))).not.toEqual(Array.from(p));
    const out = net.predict(p, [[0.5, -1], [2, 0]]);
    expect(out.length).toBe(6);
    expect(out[0] + out[1] + out[2]).toBeCloseTo(1, 12);
    net.delete();
  });

  it('evaluates objectives: value, gradient, row-major Hessian, minimum, window, grid', () => {
    const f = d.createObjective({ type: 'rosenbrock' });
    expect(f.value([1, 1])).toBe(0);
    expect(Array.from(f.gradient([0, 0]))).toEqual([-2, 0]);
    const h = f.hessian([1, 2]); // [[1200x^2 - 400y + 2, -400x], [-400x, 200]]
    expect(Array.from(h)).toEqual([402, -400, -400, 200]);
    expect(Array.from(f.minimum().x)).toEqual([1, 1]);
    const w = f.window();
    const grid = f.valuesOnGrid({ ...w, nx: 3, ny: 2 });
    expect(grid.length).toBe(6);
    expect(grid[0]).toBeCloseTo(f.value([w.xMin, w.yMin]), 12);
    expect(grid[5]).toBeCloseTo(f.value([w.xMax, w.yMax]), 12);
    f.delete();
    const q = d.createObjective({ type: 'quadratic', kappa: 10, rotation: 90 });
    expect(Array.from(q.hessian([0, 0])).map((v) => Math.round(v * 1e12) / 1e12 + 0)).toEqual([10, 0, 0, 1]);
    q.delete();
  });

  it('minimize runs in one call and records trajectory, gradients, lrs and state', () => {
    const run = d.minimize({ type: 'rosenbrock' }, { type: 'adam', lr: 0.05, schedule: { type: 'step', stepSize: 100, gamma: 0.5 } },
      { steps: 300, recordState: true });
    expect(run.steps).toBe(300);
    expect(run.xs.length).toBe(301 * 2);
    expect(run.grads.length).toBe(301 * 2);
    expect(run.values.length).toBe(301);
    expect(run.lrs[0]).toBe(0.05);
    expect(run.lrs[299]).toBeCloseTo(0.0125, 15);
    expect(run.states.exp_avg.length).toBe(300 * 2);
    expect(run.values[300]).toBeLessThan(run.values[0] / 2);
    expect(Array.from(run.xs.subarray(0, 2))).toEqual(Array.from(d.createObjective({ type: 'rosenbrock' }).window().start));
  });

  it('a diverging run stops, says where, and returns no NaN', () => {
    const run = d.minimize({ type: 'rosenbrock' }, { type: 'gd', lr: 0.1 }, { steps: 100 });
    expect(run.diverged).toBe(true);
    expect(run.divergedAt).toBeGreaterThan(0);
    expect(run.steps).toBe(run.divergedAt - 1);
    expect(run.reason).toMatch(/diverged at step \d+/);
    for (const a of [run.xs, run.values, run.gradNorms, run.grads]) expect(a.every(Number.isFinite)).toBe(true);
  });

  it('newton gets the Hessian from the objective, and converges on rosenbrock', () => {
    const run = d.minimize({ type: 'rosenbrock' }, { type: 'newton' }, { steps: 20, gradTol: 1e-10 });
    expect(run.converged).toBe(true);
    expect(run.x[0]).toBeCloseTo(1, 10);
  });

  it('integrates the gradient flow and Nesterov ODE', () => {
    const flow = d.integrateFlow({ type: 'quadratic', eigenvalues: [1, 2] }, { kind: 'gradient', x0: [1, 1], tEnd: 2, points: 5 });
    expect(Array.from(flow.t)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(flow.xs[8]).toBeCloseTo(Math.exp(-2), 7);
    expect(flow.xs[9]).toBeCloseTo(Math.exp(-4), 7);
    const ode = d.integrateFlow({ type: 'rosenbrock' }, { kind: 'nesterov', x0: [-1.5, 2], tEnd: 10 });
    expect(ode.values.at(-1)).toBeLessThan(ode.values[0]);
    const saddle = d.integrateFlow({ type: 'saddle' }, { kind: 'gradient', x0: [1, 0.1], tEnd: 1000 });
    expect(saddle.stoppedEarly).toBe(true);
    expect(saddle.values.every(Number.isFinite)).toBe(true);
  });
});
