// The landscape's pure parts: controls built from the registry, log-spaced contour levels, and the
// theory curves of the convergence chart.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { describeControls, readControl, withoutDefaults } from '../../web/src/views/landscape/controls-model.js';
import { gapField, logLevels } from '../../web/src/charts/contour.js';
import { OPTIMIZER_COLORS, optimizerColor } from '../../web/src/charts/colors.js';
import {
  LOG_FLOOR, buildConvergence, flowTime, gapForLog, gdBound, quadraticConstants, referenceSlope, referenceValue,
} from '../../web/src/views/landscape/theory.js';
import { inspectRows } from '../../web/src/views/landscape/inspector.js';

let registry;
beforeAll(async () => {
  const d = await createDescent();
  registry = { optimizers: d.listOptimizers(), objectives: d.listObjectives() };
});
const optimizer = (type) => registry.optimizers.find((o) => o.type === type);
const objective = (type) => registry.objectives.find((o) => o.type === type);

describe('controls from the registry', () => {
  it('every optimizer gets an lr control with its default, and no schedule control', () => {
    for (const entry of registry.optimizers) {
      const controls = describeControls(entry.options);
      const lr = controls.find((c) => c.name === 'lr');
      expect(lr, entry.type).toMatchObject({ kind: 'number', value: lr.defaultValue, logScale: true, min: 0 });
      expect(controls.some((c) => c.name === 'schedule')).toBe(false);
    }
  });

  it('maps kinds: booleans to checkboxes, pairs to two inputs, numbers with bounds', () => {
    const controls = describeControls(optimizer('adam').options, { lr: 0.1, amsgrad: true });
    expect(controls.map((c) => [c.name, c.kind])).toEqual([
      ['lr', 'number'], ['betas', 'pair'], ['eps', 'number'], ['weightDecay', 'number'], ['amsgrad', 'checkbox'],
    ]);
    expect(controls[0].value).toBe(0.1);
    expect(controls[1]).toMatchObject({ value: [0.9, 0.999], min: 0, max: 1 });
    expect(controls[4].value).toBe(true);
    expect(controls[1].symbol).toContain('beta');
  });

  it('objective controls leave out dim and eigenvalues (the landscape is 2-D)', () => {
    expect(describeControls(objective('quadratic').options, {}, { objective: true }).map((c) => c.name)).toEqual(['alpha', 'beta', 'kappa', 'rotation']);
    expect(describeControls(objective('rastrigin').options, {}, { objective: true }).map((c) => c.name)).toEqual(['A']);
    expect(describeControls(objective('beale').options, {}, { objective: true })).toEqual([]);
    expect(describeControls(objective('rosenbrock').options, {}, { objective: true })[0]).toMatchObject({ min: null, max: null });
  });

  it('reads and validates input', () => {
    const lr = optimizer('adam').options.find((o) => o.name === 'lr');
    expect(readControl(lr, '0.01')).toEqual({ value: 0.01 });
    expect(readControl(lr, '0').error).toMatch(/> 0/);
    expect(readControl(lr, '').error).toBeTruthy();
    const betas = optimizer('adam').options.find((o) => o.name === 'betas');
    expect(readControl(betas, ['0.8', '0.9'])).toEqual({ value: [0.8, 0.9] });
    expect(readControl(betas, ['0.8', '1']).error).toMatch(/< 1/);
    const momentum = optimizer('heavyBall').options.find((o) => o.name === 'momentum');
    expect(readControl(momentum, '1').error).toMatch(/≥ 0 and < 1/);
  });

  it('stores only what differs from the defaults (lr kept on request)', () => {
    const specs = optimizer('adam').options;
    expect(withoutDefaults(specs, { lr: 0.001, betas: [0.9, 0.999], eps: 1e-6 })).toEqual({ eps: 1e-6 });
    expect(withoutDefaults(specs, { lr: 0.001 }, { keep: ['lr'] })).toEqual({ lr: 0.001 });
  });
});

describe('contour levels', () => {
  it('are log-spaced between the bounds', () => {
    const levels = logLevels(1e-4, 1e4, 9);
    expect(levels).toHaveLength(9);
    levels.forEach((v, i) => expect(v).toBeCloseTo(10 ** (i - 4), 12 - Math.max(0, i - 4)));
    for (let i = 1; i < levels.length; i++) expect(levels[i] / levels[i - 1]).toBeCloseTo(10, 10);
    expect(logLevels(2, 2, 5)).toEqual([2]);
    expect(() => logLevels(0, 1)).toThrow();
  });

  it('gapField measures from f_min, clamps zeros and non-finite values', () => {
    const { log10gap, lo, hi } = gapField(Float64Array.from([1, 2, 11, NaN, 1]), 1);
    expect(hi).toBe(10);
    expect(lo).toBe(1);
    expect(Array.from(log10gap)).toEqual([0, 0, 1, 1, 0]);
    const tiny = gapField([0, 1e-20, 1e3], 0);
    expect(tiny.lo).toBeCloseTo(1e3 * 1e-9, 20); // at most 9 decades below the top
  });
});

describe('theory curves', () => {
  it("GD's bound on quadratics from alpha/beta or kappa", () => {
    expect(quadraticConstants({ type: 'quadratic', options: {} })).toEqual({ alpha: 1, beta: 10 });
    expect(quadraticConstants({ type: 'quadratic', options: { alpha: 2, kappa: 5 } })).toEqual({ alpha: 2, beta: 10 });
    expect(quadraticConstants({ type: 'quadratic', options: { beta: 4 } })).toEqual({ alpha: 1, beta: 4 });
    expect(quadraticConstants({ type: 'booth', options: {} })).toEqual({ alpha: 2, beta: 18 });
    expect(quadraticConstants({ type: 'rosenbrock', options: {} })).toBeNull();
    const bound = gdBound({ alpha: 1, beta: 10 }, 8, 3);
    expect(bound).toEqual([8, 8 * 0.9, 8 * 0.81, 8 * 0.9 ** 3]);
  });

  it('reference slopes pass through the first point at k = 1', () => {
    expect(referenceSlope(6, 3, 1)).toEqual([null, 6, 3, 2]);
    expect(referenceSlope(8, 2, 2)).toEqual([null, 8, 2]);
    expect(flowTime('gradient', 0.01, 5)).toBeCloseTo(0.05, 15);
    expect(flowTime('nesterov', 0.01, 5)).toBeCloseTo(0.5, 15);
  });

  it('gaps for a log axis never are non-positive or non-finite', () => {
    expect(gapForLog(3, 1)).toBe(2);
    expect(gapForLog(1, 1)).toBe(LOG_FLOOR);
    expect(gapForLog(0.5, 1)).toBe(LOG_FLOOR);
    expect(gapForLog(NaN, 1)).toBeNull();
    expect(gapForLog(Infinity, 1)).toBeNull();
  });

  it('f* is the known minimum, else the lowest value seen', () => {
    expect(referenceValue({ minimum: { value: -1 }, gridMin: -5 })).toEqual({ value: -1, known: true });
    expect(referenceValue({ minimum: null, gridMin: -5, runs: [{ values: [0, -7, NaN] }] })).toEqual({ value: -7, known: false });
  });

  it('builds one series per run plus the theory, aligned on k; log-log drops k = 0', () => {
    const run = (values, extra = {}) => ({ label: 'r', color: '#000', result: { values: Float64Array.from(values), steps: values.length - 1, diverged: false, divergedAt: -1, ...extra } });
    const runs = [run([4, 2, 1, 0.5]), run([4, 40], { diverged: true, divergedAt: 2 })];
    const flows = { gradient: { eta: 0.1, values: [4, 3, 2, 1] }, nesterov: null };
    const m = buildConvergence({ runs, fStar: 0, steps: 3, objective: { type: 'quadratic', options: {} }, flows });
    expect(m.x).toEqual([0, 1, 2, 3]);
    expect(m.series.map((s) => s.id)).toEqual(['run-0', 'run-1', 'bound', 'slope1', 'slope2', 'flow-gradient']);
    expect(m.series[1].values).toEqual([4, 40, null, null]);
    expect(m.series[1].diverged).toBe(true);
    expect(m.series[2].values[1]).toBeCloseTo(3.6, 12);
    expect(m.notes.join(' ')).toMatch(/Nesterov ODE is not drawn/);
    for (const s of m.series) for (const v of s.values) expect(v === null || v > 0).toBe(true);
    const ll = buildConvergence({ runs, fStar: 0, steps: 3, objective: { type: 'rosenbrock', options: {} }, flows: {}, logX: true });
    expect(ll.x).toEqual([1, 2, 3]);
    expect(ll.series.every((s) => s.values.length === 3)).toBe(true);
    expect(ll.notes.join(' ')).toMatch(/quadratics only/);
    expect(ll.notes.join(' ')).toMatch(/gradient flow is not drawn/);
  });

  it('clamps exact minima to the floor and says so', () => {
    const runs = [{ label: 'n', color: '#000', result: { values: Float64Array.from([2, 0]), steps: 1, diverged: false } }];
    const m = buildConvergence({ runs, fStar: 0, steps: 1, objective: { type: 'quadratic', options: {} } });
    expect(m.series[0].values).toEqual([2, LOG_FLOOR]);
    expect(m.notes.join(' ')).toMatch(/drawn at 1e-16/);
  });
});

describe('palette and inspector', () => {
  it('gives each optimizer its own colour', () => {
    expect(new Set(OPTIMIZER_COLORS).size).toBe(8);
    expect(optimizerColor(0)).not.toBe(optimizerColor(1));
    expect(optimizerColor(8)).toBe(optimizerColor(0));
  });

  it('shows x, f - f*, the gradient and the state after step t', () => {
    const result = {
      steps: 2, xs: Float64Array.from([0, 1, 2, 3, 4, 5]), grads: Float64Array.from([1, 1, 2, 2, 3, 3]),
      values: Float64Array.from([10, 5, 1]), states: { exp_avg: Float64Array.from([0.1, 0.2, 0.3, 0.4]) },
    };
    const [row] = inspectRows([{ label: 'Adam', color: '#000', result }], 2, 1);
    expect(row).toMatchObject({ t: 2, x: '(4, 5)', gap: '0', grad: '(3, 3)', state: [['exp_avg', '(0.3, 0.4)']] });
    expect(inspectRows([{ label: 'Adam', color: '#000', result }], 0, 1)[0].state).toEqual([['exp_avg', '(initial)']]);
    expect(inspectRows([{ label: 'Adam', color: '#000', result }], 99, 1)[0].t).toBe(2); // clamped to the run
  });
});
