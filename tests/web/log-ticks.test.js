// The log axes' ticks (web/src/charts/log-ticks.js): decades only, thinned to fit, on exponents
// that are multiples of the step, for ranges up to the whole of double precision.
import { describe, expect, it } from 'vitest';
import { decadeLabel, decadeSplits, labelsThatFit } from '../../web/src/charts/log-ticks.js';

const exponents = (splits) => splits.map((v) => Math.round(Math.log10(v)));

describe('decadeSplits', () => {
  it('gives every decade when they fit', () => {
    expect(exponents(decadeSplits(1e-3, 10, 8))).toEqual([-3, -2, -1, 0, 1]);
    expect(exponents(decadeSplits(0.02, 7, 8))).toEqual([-1, 0]); // only the decades inside
  });

  it('thins a wide range to multiples of a round step', () => {
    expect(exponents(decadeSplits(1e-33, 1, 6))).toEqual([-30, -20, -10, 0]);
    expect(exponents(decadeSplits(1e-12, 1, 6))).toEqual([-12, -9, -6, -3, 0]);
  });

  it('keeps to maxCount over the whole of double precision', () => {
    for (const [min, max] of [[5e-324, 1e308], [1e-300, 1], [1e-40, 1e40], [1e-31, 10]]) {
      for (const count of [2, 3, 5, 9]) {
        const splits = decadeSplits(min, max, count);
        expect(splits.length).toBeGreaterThanOrEqual(1);
        expect(splits.length).toBeLessThanOrEqual(count);
        expect(splits.every((v) => v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12))).toBe(true);
      }
    }
  });

  it('is empty for a range a log axis cannot have', () => {
    for (const [min, max] of [[0, 1], [-1, 1], [NaN, 1], [1, Infinity], [10, 1]]) expect(decadeSplits(min, max)).toEqual([]);
  });
});

describe('labels', () => {
  it('writes decades with superscripts and nothing between them', () => {
    expect([1e-3, 1, 10, 100, 2e-3].map(decadeLabel)).toEqual(['10⁻³', '1', '10', '10²', '']);
  });

  it('fits one label per spacing, at least two', () => {
    expect(labelsThatFit(190)).toBe(6);
    expect(labelsThatFit(10)).toBe(2);
  });
});
