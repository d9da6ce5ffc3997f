// The Momentum view's worker handler against the real module, through handleMessage.
import { beforeAll, describe, expect, it } from 'vitest';
import createDescent from '../../build/wasm/descent.mjs';
import { handleMessage } from '../../web/src/worker/handlers.js';

let d;
const ask = (type, payload) => handleMessage(d, { id: 1, type, ...payload });

beforeAll(async () => {
  d = await createDescent();
});

describe('momentum handlers (real module)', () => {
  it('momentumRateMap: the grid as copies, the closed forms, the rate at a point; nothing leaks', async () => {
    await ask('momentumRateMap', { alpha: 1, beta: 10, resolution: 20 }); // warm up
    const before = d.heapBytesInUse();
    const reply = await ask('momentumRateMap', { alpha: 1, beta: 10, resolution: 20, muMax: 0.9, lr: 0.1, momentum: 0.2, unrelated: 1 });
    expect(reply.ok).toBe(true);
    const m = reply.result;
    expect(m.rates).toBeInstanceOf(Float64Array);
    expect(m.rates).toHaveLength(400);
    expect([m.lrs[0], m.lrs[19], m.momenta[0], m.momenta[19]]).toEqual([0, 0.4, 0, 0.9]);
    expect(m.optimum.rate).toBeCloseTo((Math.sqrt(10) - 1) / (Math.sqrt(10) + 1), 14);
    expect(m.gd.rate).toBeCloseTo(9 / 11, 14);
    expect(m.lecture.rate).toBeCloseTo(0.9, 14);
    expect(m.at.rate).toBeCloseTo(0.55 + Math.sqrt(0.1025), 14);
    expect(m.rates[m.bestIndex]).toBe(m.best.rate);
    expect(structuredClone(m)).toEqual(m);
    expect(d.heapBytesInUse()).toBe(before);
  });

  it('momentumRateMap: the library\'s message for bad options', async () => {
    const reply = await ask('momentumRateMap', { alpha: 2, beta: 1 });
    expect(reply).toMatchObject({ ok: false });
    expect(reply.error).toMatch(/momentumRateMap: option 'beta' must be >= option 'alpha'/);
    expect((await ask('momentumRateMap', { beta: 1 })).error).toMatch(/'alpha' is required/);
  });
});
