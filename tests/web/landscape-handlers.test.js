// The landscape's worker handlers against the real WebAssembly module, through handleMessage as
// the worker calls them.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { handleMessage } from '../../web/src/worker/handlers.js';

let d;
const ask = (type, payload) => handleMessage(d, { id: 1, type, ...payload });

beforeAll(async () => {
  d = await createDescent();
});

describe('landscape handlers (real module)', () => {
  it('landscapeGrid: values on the window, the minimum and the grid minimum; the objective is deleted', async () => {
    await ask('landscapeGrid', { objective: { type: 'rosenbrock' }, nx: 41, ny: 31 }); // warm up
    const before = d.heapBytesInUse();
    const reply = await ask('landscapeGrid', { objective: { type: 'rosenbrock' }, nx: 41, ny: 31 });
    expect(reply.ok).toBe(true);
    const g = reply.result;
    expect(g.values).toBeInstanceOf(Float64Array);
    expect(g.values.length).toBe(41 * 31);
    expect(g.window).toMatchObject({ xMin: -2, xMax: 2, yMin: -1, yMax: 3, start: [-1.5, 2] });
    expect(g.minimum).toEqual({ x: [1, 1], value: 0 });
    // row j = y index: values[0] = f(xMin, yMin), values[1] = f(xMin + dx, yMin)
    expect(g.values[0]).toBeCloseTo(2509, 9);
    expect(g.values[1]).toBeCloseTo((1 + 1.9) ** 2 + 100 * (-1 - 1.9 ** 2) ** 2, 9);
    expect(g.gridMin).toBeGreaterThanOrEqual(0);
    expect(g.gridMin).toBeLessThan(0.05);
    expect(d.heapBytesInUse()).toBe(before);
  });

  it('landscapeGrid: saddle has no minimum; n-D types are refused; bad sizes are errors', async () => {
    const saddle = await ask('landscapeGrid', { objective: { type: 'saddle' }, nx: 10, ny: 10 });
    expect(saddle.ok).toBe(true);
    expect(saddle.result.minimum).toBeNull();
    const nd = await ask('landscapeGrid', { objective: { type: 'nesterovWorstCase' } });
    expect(nd).toMatchObject({ ok: false });
    expect(nd.error).toMatch(/2-D/);
    expect((await ask('landscapeGrid', { objective: { type: 'rosenbrock' }, nx: 5000 })).ok).toBe(false);
    expect((await ask('landscapeGrid', { objective: 'rosenbrock' })).error).toMatch(/object/);
    expect((await ask('landscapeGrid', { objective: { type: 'quadratic', beta: 5, kappa: 3 } })).error).toMatch(/kappa/);
  });

  it('minimize: one call per optimizer, with gradients and state per step, copied off the heap', async () => {
    const reply = await ask('minimize', {
      objective: { type: 'rosenbrock' }, optimizer: { type: 'adam', lr: 0.1 }, x0: [-1.5, 2], steps: 50,
    });
    expect(reply.ok).toBe(true);
    const r = reply.result;
    expect(r.steps).toBe(50);
    expect(r.xs.length).toBe(51 * 2);
    expect(r.grads.length).toBe(51 * 2);
    expect(r.values.length).toBe(51);
    expect(Array.from(r.xs.slice(0, 2))).toEqual([-1.5, 2]);
    expect(r.values[0]).toBe(12.5);
    expect(r.values[50]).toBeLessThan(r.values[0]);
    expect(Object.keys(r.states).sort()).toEqual(['exp_avg', 'exp_avg_sq']);
    expect(r.states.exp_avg.length).toBe(50 * 2);
    expect(r.fStar).toBe(0);
    expect(r.diverged).toBe(false);
    for (const a of [r.xs, r.grads, r.values, r.states.exp_avg]) expect(a.buffer).not.toBe(d.HEAPF64?.buffer);
    expect(() => structuredClone(r)).not.toThrow();
  });

  it('minimize: a diverging run says so, with the step', async () => {
    const r = (await ask('minimize', { objective: { type: 'rosenbrock' }, optimizer: { type: 'gd', lr: 0.01 }, x0: [-1.5, 2], steps: 200 })).result;
    expect(r.diverged).toBe(true);
    expect(r.divergedAt).toBeGreaterThan(0);
    expect(r.steps).toBeLessThan(200);
    expect(r.reason).toMatch(/diverged/);
  });

  it('minimize: bad requests are error replies', async () => {
    expect((await ask('minimize', { objective: { type: 'rosenbrock' }, optimizer: { type: 'adam', lr: -1 }, x0: [0, 0] })).ok).toBe(false);
    expect((await ask('minimize', { objective: { type: 'rosenbrock' }, optimizer: { type: 'adam' }, x0: [0] })).error).toMatch(/two numbers/);
    expect((await ask('minimize', { objective: { type: 'rosenbrock' }, optimizer: { type: 'adam' }, x0: [NaN, 0] })).error).toMatch(/finite/);
    expect((await ask('minimize', { objective: { type: 'rosenbrock' }, optimizer: null, x0: [0, 0] })).error).toMatch(/object/);
  });

  it('integrateFlow: gradient flow and Nesterov ODE at the steps of a run', async () => {
    const eta = 0.001;
    const steps = 100;
    const flow = (await ask('integrateFlow', { objective: { type: 'rosenbrock' }, kind: 'gradient', x0: [-1.5, 2], tEnd: steps * eta, points: steps + 1 })).result;
    expect(flow.t.length).toBe(steps + 1);
    expect(flow.t[1]).toBeCloseTo(eta, 12);
    expect(flow.values[0]).toBe(12.5);
    expect(flow.values[steps]).toBeLessThan(12.5);
    const gd = (await ask('minimize', { objective: { type: 'rosenbrock' }, optimizer: { type: 'gd', lr: eta }, x0: [-1.5, 2], steps })).result;
    expect(Math.abs(gd.values[steps] - flow.values[steps]) / flow.values[steps]).toBeLessThan(0.05); // GD follows the flow at t = k eta
    const ode = (await ask('integrateFlow', { objective: { type: 'rosenbrock' }, kind: 'nesterov', x0: [-1.5, 2], tEnd: steps * Math.sqrt(eta), points: steps + 1 })).result;
    expect(ode.values.length).toBe(steps + 1);
    expect((await ask('integrateFlow', { objective: { type: 'rosenbrock' }, kind: 'sideways', x0: [0, 0], tEnd: 1 })).ok).toBe(false);
  });
});
