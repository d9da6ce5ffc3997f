// Curve decimation for the train view's charts (web/src/charts/decimate.js).
import { describe, expect, it } from 'vitest';
import { decimate } from '../../web/src/charts/decimate.js';

const range = (n) => Array.from({ length: n }, (_, i) => i);

describe('decimate', () => {
  it('leaves short columns alone (the same arrays)', () => {
    const columns = [range(10), range(10).map((i) => i * i)];
    expect(decimate(columns, 10)).toBe(columns);
    expect(decimate(columns, 100)).toBe(columns);
  });

  it('keeps every bucket\'s minimum and maximum in the order they occur, and the last point exactly', () => {
    const n = 1001;
    const x = range(n);
    const y = x.map((i) => Math.sin(i / 7) + (i === 500 ? 10 : 0) - (i === 501 ? 10 : 0)); // a spike up, then down
    const [dx, dy] = decimate([x, y], 100);
    expect(dx).toHaveLength(101);
    expect(dy).toHaveLength(101);
    expect(dx[0]).toBe(0);
    expect(dx.at(-1)).toBe(1000);
    expect(dy.at(-1)).toBe(y[1000]);
    for (let i = 1; i < dx.length; i++) expect(dx[i]).toBeGreaterThanOrEqual(dx[i - 1]); // x still sorted
    expect(Math.max(...dy)).toBe(y[500]); // the spikes survive
    expect(Math.min(...dy)).toBe(y[501]);
    const up = dy.indexOf(y[500]);
    expect(dy.indexOf(y[501])).toBe(up + 1); // up before down, as they happened
    // Every kept value is a value of the series inside its bucket's x range.
    for (let i = 0; i < dx.length - 1; i++) {
      const bucket = Math.floor(i / 2);
      const from = dx[2 * bucket];
      const to = dx[2 * bucket + 1];
      const k = y.findIndex((v, j) => j >= from && j <= to && v === dy[i]);
      expect(k, `point ${i}`).toBeGreaterThanOrEqual(0);
    }
  });

  it('treats null as a gap: an all-null bucket stays null, a series that stopped (diverged) ends in the bucket where it stopped', () => {
    const n = 400;
    const x = range(n);
    const stopped = x.map((i) => (i < 150 ? 1 / (i + 1) : null));
    const full = x.map((i) => i);
    const [dx, a, b] = decimate([x, stopped, full], 40);
    expect(dx).toHaveLength(41);
    expect(a.at(-1)).toBeNull();
    expect(b.at(-1)).toBe(399);
    const lastValue = a.findLastIndex((v) => v !== null);
    const bucketStart = dx[2 * Math.floor(lastValue / 2)];
    expect(bucketStart).toBeLessThanOrEqual(149);
    expect(dx[lastValue]).toBeLessThan(149 + (n / 20));
    expect(a[lastValue]).toBeGreaterThanOrEqual(1 / 150);
    expect(a.slice(lastValue + 1).every((v) => v === null)).toBe(true);
  });
});
