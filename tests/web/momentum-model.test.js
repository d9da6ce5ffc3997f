// The Momentum view's pure helpers (web/src/views/momentum/model.js and the map's colours).
import { describe, expect, it } from 'vitest';
import {
  cellAt, describeRate, eigenComponents, heavyBallSpec, mapPosition, quadraticSpec, rateEnvelope, stepsPerDecade,
} from '../../web/src/views/momentum/model.js';
import { rateMapRgba } from '../../web/src/views/momentum/rate-map.js';

const map = {
  resolution: 3,
  lrs: [0, 0.2, 0.4],
  momenta: [0, 0.45, 0.9],
  rates: [1, 0.8, 1.2, 0.9, 0.5, 1.1, 0.95, 0.9487, 1.05],
  best: { rate: 0.5 },
};

describe('momentum view model', () => {
  it('splits f - f* into 1/2 alpha x1^2 and 1/2 beta x2^2 per step; zeros are gaps on the log axis', () => {
    const parts = eigenComponents(new Float64Array([2, 1, 0, 0.5, 1e-20, 1e16]), { alpha: 1, beta: 10 });
    expect(parts).toEqual({ steps: [0, 1, 2], slow: [2, null, null], fast: [5, 1.25, null], total: [7, 1.25, null] });
  });

  it('draws the rate envelope f0 rate^(2t), without values a log axis cannot show', () => {
    expect(rateEnvelope(4, 0.5, [0, 1, 2])).toEqual([4, 1, 0.25]);
    expect(rateEnvelope(4, 0, [0, 1])).toEqual([4, null]);
    expect(rateEnvelope(4, 1.5, [0, 1])).toEqual([null, null]); // diverges: no envelope
  });

  it('finds the cell under a point (lr left to right, momentum bottom to top) and back', () => {
    expect(cellAt(map, 0.5, 0.5)).toEqual({ i: 1, j: 1, lr: 0.2, momentum: 0.45, rate: 0.5 });
    expect(cellAt(map, 0.99, 0.01)).toEqual({ i: 2, j: 2, lr: 0.4, momentum: 0.9, rate: 1.05 });
    expect(cellAt(map, -1, 2)).toMatchObject({ i: 0, j: 0 });
    expect(mapPosition(map, 0.2, 0.9)).toEqual({ u: 0.5, v: 0 });
  });

  it('reads rates: four decimals, divergence named, steps per decade', () => {
    expect(describeRate(0.519493)).toBe('0.5195');
    expect(describeRate(1)).toBe('1.0000 (diverges)');
    expect(describeRate(Infinity)).toBe('∞ (diverges)');
    expect(stepsPerDecade(0.1)).toBeCloseTo(1, 12);
    expect(stepsPerDecade(1.2)).toBe(null);
  });

  it('asks the library for its quadratic and its heavy ball', () => {
    expect(quadraticSpec({ alpha: 1, beta: 10, lr: 3 })).toEqual({ type: 'quadratic', alpha: 1, beta: 10 });
    expect(heavyBallSpec({ lr: 0.1, momentum: 0.5, alpha: 2 })).toEqual({ type: 'heavyBall', lr: 0.1, momentum: 0.5 });
  });

  it('colours the map: grey where it diverges, momentum growing upwards', () => {
    const rgba = rateMapRgba(map);
    expect(rgba).toHaveLength(36);
    // Row 0 (momentum 0) is drawn at the bottom: its first cell (rate 1, diverges) is pixel 6.
    expect([...rgba.slice(24, 28)]).toEqual([210, 210, 210, 255]);
    // The best cell (centre) has the darkest viridis colour, distinct from grey.
    expect([...rgba.slice(16, 19)]).not.toEqual([210, 210, 210]);
  });
});
