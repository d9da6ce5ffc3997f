// Live curves: accumulating epoch points and guarding the log axis (pure).
import { describe, expect, it } from 'vitest';
import { alignedColumns, appendRun, createSeries, divergenceLabel, finiteOrNull, lastEpoch, latest, logSafe } from '../../web/src/views/train/series.js';

const points = (from, epochs, loss, extra = {}) => ({
  from, epoch: epochs, trainLoss: loss, testLoss: loss.map((v) => v * 2), trainAccuracy: loss.map(() => 0.5), testAccuracy: loss.map(() => 0.4),
  lr: loss.map(() => 0.1), weightNorm: loss.map((v) => 10 * v), lastStepLoss: loss.at(-1) ?? null, diverged: false, divergedAt: 0, reason: '', ...extra,
});

describe('train series', () => {
  it('never passes NaN, infinities or values ≤ 0 to a log axis', () => {
    expect([1, 0.5, 0, -1, NaN, Infinity, -Infinity, null, undefined, '3'].map(logSafe)).toEqual([1, 0.5, null, null, null, null, null, null, null, null]);
    expect([0, -1, NaN, Infinity].map(finiteOrNull)).toEqual([0, -1, null, null]);
  });

  it('appends new points, tolerates resent ones, and aligns optimizers by epoch', () => {
    const series = createSeries(2);
    appendRun(series, { optimizers: [points(0, [0, 1], [1, 0.5]), points(0, [0, 1], [1, 0.8])] });
    appendRun(series, { optimizers: [points(2, [2], [0.25]), points(2, [2], [NaN], { diverged: true, divergedAt: 17 })] });
    appendRun(series, { optimizers: [points(0, [0, 1, 2], [1, 0.5, 0.25]), points(3, [], [], { diverged: true, divergedAt: 17 })] }); // a full resend
    expect(series.optimizers[0].epoch).toEqual([0, 1, 2]);
    expect(lastEpoch(series)).toBe(2);
    expect(series.hasTest).toBe(true);
    expect(series.hasAccuracy).toBe(true);
    const columns = alignedColumns(series, ['trainLoss', 'testLoss'], logSafe);
    expect(columns).toEqual([[0, 1, 2], [1, 0.5, 0.25], [2, 1, 0.5], [1, 0.8, null], [2, 1.6, null]]);
    expect(latest(series.optimizers[1], 'trainLoss')).toBe(0.8);
    expect(alignedColumns(series, ['weightNorm'])).toEqual([[0, 1, 2], [10, 5, 2.5], [10, 8, null]]); // the weight-norm chart's
    expect(divergenceLabel(series.optimizers[1])).toBe('diverged at step 17');
    expect(divergenceLabel(series.optimizers[0])).toBe('');
  });

  it('fills epochs a diverged optimizer never reached with gaps, and has no x before any point', () => {
    const series = createSeries(2);
    expect(alignedColumns(series, ['trainLoss'])).toEqual([[], [], []]);
    appendRun(series, { optimizers: [points(0, [0, 1, 2, 3], [4, 3, 2, 1]), points(0, [0], [4], { diverged: true, divergedAt: 2 })] });
    expect(alignedColumns(series, ['trainLoss'], logSafe)).toEqual([[0, 1, 2, 3], [4, 3, 2, 1], [4, null, null, null]]);
  });

  it('notices when there is no test set or no accuracy (regression)', () => {
    const series = createSeries(1);
    appendRun(series, { optimizers: [points(0, [0], [1], { testLoss: [NaN], trainAccuracy: null, testAccuracy: null })] });
    expect(series.hasTest).toBe(false);
    expect(series.hasAccuracy).toBe(false);
  });

  it('says whether a reply changed anything; an entry with no points keeps the status it repeats', () => {
    const series = createSeries(1);
    expect(appendRun(series, { optimizers: [points(0, [0, 1], [1, 0.5])] })).toBe(true);
    expect(appendRun(series, { optimizers: [{ from: 2, epoch: [] }] })).toBe(false); // mid-epoch, status unknown
    expect(series.optimizers[0].diverged).toBe(false);
    expect(appendRun(series, { optimizers: [{ from: 2, epoch: [], lastStepLoss: 0.4, diverged: false, divergedAt: 0, reason: '' }] })).toBe(false);
    expect(series.optimizers[0].lastStepLoss).toBe(0.4);
    expect(appendRun(series, { optimizers: [{ from: 2, epoch: [], diverged: true, divergedAt: 9, reason: 'NaN loss' }] })).toBe(true);
    expect(divergenceLabel(series.optimizers[0])).toBe('diverged at step 9');
    expect(series.optimizers[0].epoch).toEqual([0, 1]);
    expect(appendRun(series, { optimizers: [points(1, [1], [0.6], { diverged: true, divergedAt: 9 })] })).toBe(true); // a resend
    expect(series.optimizers[0].trainLoss).toEqual([1, 0.6]);
  });
});
