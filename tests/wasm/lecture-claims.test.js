// The lecture's claims, checked on the built module against closed-form facts: GD's linear
// rate, Newton's one-step solve, Nesterov's O(1/k^2) against GD's O(1/k), momentum's two
// parametrisations, L2 against decoupled weight decay, and GD's limit, the gradient flow.
import { describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

const sq = (v) => v.reduce((s, x) => s + x * x, 0);
const row = (xs, k, d) => xs.subarray(k * d, (k + 1) * d);

describe('the lecture, as tests', async () => {
  const d = await loadDescent();

  it('GD with eta = 1/beta stays under (1 - alpha/beta)^T (f(x0) - f*) on a strongly convex quadratic', () => {
    for (const [alpha, beta, rotation] of [[1, 10, 30], [0.5, 50, 0], [2, 3, 75]]) {
      const run = d.minimize({ type: 'quadratic', alpha, beta, rotation }, { type: 'gd', lr: 1 / beta },
        { x0: [3, -2], steps: 300 });
      const gap0 = run.values[0] - run.fStar;
      run.values.forEach((v, T) => expect(v - run.fStar).toBeLessThanOrEqual((1 - alpha / beta) ** T * gap0 * (1 + 1e-12)));
    }
    // The bound needs eta <= 2/beta: past it GD diverges, and the run says so.
    const run = d.minimize({ type: 'quadratic', alpha: 1, beta: 10 }, { type: 'gd', lr: 0.25 }, { x0: [1, 1], steps: 2000 });
    expect(run.diverged).toBe(true);
    expect(run.values.every(Number.isFinite)).toBe(true);
  });

  it('Newton with eta = 1 solves a quadratic in one step', () => {
    for (const objective of [{ type: 'quadratic', alpha: 1, beta: 1000, rotation: 20 },
      { type: 'quadratic', eigenvalues: [1e-2, 1, 1e2, 1e4] }]) {
      const f = d.createObjective(objective);
      const x0 = Float64Array.from({ length: f.dimension() }, (_, i) => 1 + i);
      const run = d.minimize(objective, { type: 'newton', lr: 1 }, { x0, steps: 1 });
      for (const xi of row(run.xs, 1, f.dimension())) expect(Math.abs(xi)).toBeLessThan(1e-12);
      f.delete();
    }
  });

  it("Nesterov's method stays under 2|x0 - x*|^2 / (eta (k+1)^2) on the worst-case quadratic; GD only under |x0 - x*|^2 / (2 eta k)", () => {
    const n = 401;
    const spec = { type: 'nesterovWorstCase', dim: n, L: 1 };
    const f = d.createObjective(spec);
    const { x: xStar, value: fStar } = f.minimum();
    const r0 = sq(xStar); // x0 = 0
    const eta = 1; // 1/L
    const steps = 400;
    const gd = d.minimize(spec, { type: 'gd', lr: eta }, { x0: new Float64Array(n), steps });
    const nesterov = d.minimize(spec, { type: 'nesterovAccelerated', lr: eta }, { x0: new Float64Array(n), steps, recordState: true });
    for (let k = 1; k <= steps; k++) {
      const gapNesterov = f.value(row(nesterov.states.u, k - 1, n)) - fStar; // at u^k, the theorem's sequence
      expect(gapNesterov).toBeLessThanOrEqual((2 * r0) / (eta * (k + 1) ** 2));
      expect(gd.values[k] - fStar).toBeLessThanOrEqual(r0 / (2 * eta * k));
    }
    // GD cannot keep to the 1/k^2 bound: by k = 400 it is far above it, and far behind Nesterov.
    const k = steps;
    expect(gd.values[k] - fStar).toBeGreaterThan((2 * 2 * r0) / (eta * (k + 1) ** 2));
    expect(gd.values[k] - fStar).toBeGreaterThan(4 * (nesterov.values[k] - fStar));
    f.delete();
  });

  it("the momentum slide's (beta, gamma) form is the heavy ball with eta = beta gamma, which is torch's SGD momentum", () => {
    const objective = { type: 'rosenbrock' };
    const f = d.createObjective(objective);
    const [beta, gamma, mu] = [0.0004, 2.5, 0.9];
    const heavy = d.minimize(objective, { type: 'heavyBall', lr: beta * gamma, momentum: mu }, { x0: [-1.5, 2], steps: 200 });
    const torchStyle = d.minimize(objective, { type: 'sgd', lr: beta * gamma, momentum: mu }, { x0: [-1.5, 2], steps: 200 });
    // By hand: u <- mu u - beta grad f(x), x <- x + gamma u.
    let x = [-1.5, 2];
    let u = [0, 0];
    for (let k = 1; k <= 200; k++) {
      const g = f.gradient(x);
      u = u.map((ui, i) => mu * ui - beta * g[i]);
      x = x.map((xi, i) => xi + gamma * u[i]);
      const ours = row(heavy.xs, k, 2);
      const torch = row(torchStyle.xs, k, 2);
      for (let i = 0; i < 2; i++) {
        expect(Math.abs(ours[i] - x[i])).toBeLessThan(1e-12 * (1 + Math.abs(x[i])));
        expect(Math.abs(torch[i] - x[i])).toBeLessThan(1e-12 * (1 + Math.abs(x[i])));
      }
    }
    f.delete();
  });

  it('L2 (sgd, adam with weightDecay) passes lambda x through the optimizer; decoupled decay (sgdw, adamw) does not', () => {
    const lambda = 0.1;
    const x0 = [1.5, -0.5, 2];
    const grads = [[0.3, -1, 2], [1, 0.5, -0.2], [-0.7, 0.1, 0.4], [0, 0, 0]];
    const run = (spec, gradOf) => {
      const opt = d.createOptimizer(spec);
      const x = Float64Array.from(x0);
      const path = grads.map((g) => Float64Array.from(opt.step(x, gradOf(g, x))));
      opt.delete();
      return path;
    };
    const same = (a, b) => a.forEach((p, k) => p.forEach((v, i) => expect(Math.abs(v - b[k][i])).toBeLessThan(1e-14)));
    const withL2 = (g, x) => g.map((gi, i) => gi + lambda * x[i]);
    // Coupled: the optimizer with weightDecay equals the plain one fed the L2 gradient.
    same(run({ type: 'adam', lr: 0.01, weightDecay: lambda }, (g) => g), run({ type: 'adam', lr: 0.01 }, withL2));
    same(run({ type: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: lambda }, (g) => g),
      run({ type: 'sgd', lr: 0.1, momentum: 0.9 }, withL2));
    // Decoupled, AdamW: Adam's step minus lr * weightDecay * x, the decay never normalised. Adam's
    // moments do not depend on x, so one Adam stepped from each AdamW iterate has AdamW's state.
    const lr = 0.01;
    const adam = d.createOptimizer({ type: 'adam', lr });
    const adamw = d.createOptimizer({ type: 'adamw', lr, weightDecay: lambda });
    const xw = Float64Array.from(x0);
    for (const g of grads) {
      const before = Float64Array.from(xw);
      const adamStep = Float64Array.from(adam.step(Float64Array.from(before), g)).map((v, i) => v - before[i]);
      adamw.step(xw, g);
      xw.forEach((v, i) => expect(Math.abs(v - (before[i] + adamStep[i] - lr * lambda * before[i]))).toBeLessThan(1e-15));
    }
    adam.delete();
    adamw.delete();
    // Decoupled, SGDW (Algorithm 1): with zero gradients the momentum stays 0 and theta shrinks by (1 - lambda) each step,
    // while SGD with L2 accelerates the decay through its momentum.
    const sgdw = d.createOptimizer({ type: 'sgdw', lr: 0.1, momentum: 0.9, weightDecay: lambda });
    const sgd = d.createOptimizer({ type: 'sgd', lr: 1, momentum: 0.9, weightDecay: lambda });
    const xs = new Float64Array([2]);
    const xl = new Float64Array([2]);
    for (let t = 1; t <= 5; t++) {
      sgdw.step(xs, [0]);
      sgd.step(xl, [0]);
      expect(xs[0]).toBeCloseTo(2 * (1 - lambda) ** t, 14);
    }
    expect(xl[0]).toBeLessThan(xs[0]);
    expect(Math.abs(sgdw.state().momentum_buffer[0])).toBe(0);
    sgdw.delete();
    sgd.delete();
  });

  it('GD iterates approach the gradient flow as eta -> 0 (error O(eta))', () => {
    const objective = { type: 'quadratic', alpha: 1, beta: 5, rotation: 40 };
    const x0 = [2, 1];
    const flow = d.integrateFlow(objective, { kind: 'gradient', x0, tEnd: 1, points: 2 });
    const target = row(flow.xs, 1, 2);
    const errorAt = (eta) => {
      const run = d.minimize(objective, { type: 'gd', lr: eta }, { x0, steps: Math.round(1 / eta) });
      return Math.sqrt(sq(row(run.xs, run.steps, 2).map((v, i) => v - target[i])));
    };
    const errors = [0.02, 0.01, 0.005, 0.0025].map(errorAt);
    for (let i = 1; i < errors.length; i++) {
      const ratio = errors[i - 1] / errors[i];
      expect(ratio).toBeGreaterThan(1.8);
      expect(ratio).toBeLessThan(2.2);
    }
    expect(errors.at(-1)).toBeLessThan(0.01);
  });

  it("Nesterov's iterates approach the ODE x'' + (3/t) x' + grad f = 0 at t = k sqrt(eta)", () => {
    const objective = { type: 'quadratic', alpha: 1, beta: 4, rotation: 25 };
    const x0 = [1, 1];
    const tEnd = 3;
    const flow = d.integrateFlow(objective, { kind: 'nesterov', x0, tEnd, points: 2 });
    const target = row(flow.xs, 1, 2);
    const errorAt = (eta) => {
      const steps = Math.round(tEnd / Math.sqrt(eta));
      const run = d.minimize(objective, { type: 'nesterovAccelerated', lr: eta }, { x0, steps });
      return Math.sqrt(sq(row(run.xs, steps, 2).map((v, i) => v - target[i])));
    };
    const errors = [1e-2, 1e-3, 1e-4].map(errorAt);
    expect(errors[1]).toBeLessThan(errors[0] / 2);
    expect(errors[2]).toBeLessThan(errors[1] / 2);
    expect(errors[2]).toBeLessThan(0.02);
  });
});
