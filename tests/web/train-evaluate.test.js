// Per-example evaluation (web/src/views/train/evaluate.js): predicted classes, confusion matrices,
// digit grey levels, sampling, and the map's point coordinates.
import { describe, expect, it } from 'vitest';
import { confusionMatrix, imageGreys, pixelScales, pointToPixel, predictedClasses, sampleIndices } from '../../web/src/views/train/evaluate.js';

describe('predicted classes', () => {
  it('take the arg max per example, p > 0.5 for one output, -1 for NaN', () => {
    expect(Array.from(predictedClasses(new Float32Array([0.1, 0.7, 0.2, 0.5, 0.3, 0.2]), 3))).toEqual([1, 0]);
    expect(Array.from(predictedClasses([0.2, 0.8, 0.5], 1))).toEqual([0, 1, 0]);
    expect(Array.from(predictedClasses([NaN, NaN, 0.4, 0.6], 2))).toEqual([-1, 1]);
    expect(Array.from(predictedClasses([NaN], 1))).toEqual([-1]);
  });
});

describe('confusion matrix', () => {
  it('counts true class by predicted class, with row totals and accuracy', () => {
    const m = confusionMatrix([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 0, -1], 3);
    expect(m.counts).toEqual([[1, 1, 0], [0, 2, 0], [1, 0, 0]]);
    expect(m.rowTotals).toEqual([2, 2, 2]);
    expect(m.unpredicted).toEqual([0, 0, 1]);
    expect(m).toMatchObject({ correct: 3, total: 6, accuracy: 0.5 });
  });

  it('ignores labels outside the classes and has no accuracy when empty', () => {
    expect(confusionMatrix([5, -1], [0, 0], 2)).toMatchObject({ total: 0, accuracy: null });
  });
});

describe('digit images', () => {
  it('map each image\'s own min..max to black..white', () => {
    expect(Array.from(imageGreys([-1, 0, 1]))).toEqual([0, 128, 255]);
    expect(Array.from(imageGreys([-1, 0, 1], { invert: true }))).toEqual([255, 128, 0]);
    expect(Array.from(imageGreys([2, 2]))).toEqual([0, 0]);
    expect(Array.from(imageGreys([NaN, 0, 1.5]))).toEqual([0, 0, 255]);
    // clipped to [-1, 2] standard deviations: a rare, extreme pixel does not wash out the rest
    expect(Array.from(imageGreys([-3, -1, 0.5, 2, 6]))).toEqual([0, 0, 128, 255, 255]);
    expect(Array.from(imageGreys([-3, 0.5, 6], { clip: null }))).toEqual([0, 99, 255]);
  });

  it('recover integer pixel counts from standardised columns, and draw them as ink on paper', () => {
    // two columns of counts standardised with their own mean and std; a third always 0
    const raw = [[0, 4, 0], [3, 16, 0], [1, 0, 0], [2, 8, 0]];
    const stats = [0, 1, 2].map((j) => {
      const col = raw.map((r) => r[j]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length) || 1;
      return { mean, std };
    });
    const x = raw.flatMap((r) => r.map((v, j) => (j === 2 ? 0 : (v - stats[j].mean) / stats[j].std)));
    const scales = pixelScales(x, 3);
    expect(scales.full).toBe(4); // column 1's gaps are 4 counts apart: its unit is a 4 here
    expect(scales.columns[2].step).toBeNull();
    const first = pixelScales(x.filter((_, i) => i % 3 === 0), 1);
    expect(first.full).toBe(3);
    const greys = imageGreys([x[3]], { scales: first }); // count 3 of 3: full ink, black
    expect(Array.from(greys)).toEqual([0]);
    expect(Array.from(imageGreys([x[0]], { scales: first }))).toEqual([255]); // count 0: paper
    expect(Array.from(imageGreys([x[6]], { scales: first }))).toEqual([170]); // count 1 of 3
    expect(pixelScales([], 3)).toBeNull();
  });

  it('samples indices evenly, each once', () => {
    expect(sampleIndices(5, 24)).toEqual([0, 1, 2, 3, 4]);
    const s = sampleIndices(359, 24);
    expect(s).toHaveLength(24);
    expect(new Set(s).size).toBe(24);
    expect(s[0]).toBe(0);
    expect(Math.max(...s)).toBeLessThan(359);
  });
});

describe('map coordinates', () => {
  const grid = { xMin: -2.5, xMax: 2.5, yMin: -2.5, yMax: 2.5, resolution: 60 };
  it('put the grid\'s corner points at the centres of the corner cells, y upwards', () => {
    const cell = 240 / 60;
    expect(pointToPixel(-2.5, -2.5, grid, 240)).toEqual([cell / 2, 240 - cell / 2]);
    expect(pointToPixel(2.5, 2.5, grid, 240)).toEqual([240 - cell / 2, cell / 2]);
    const [x, y] = pointToPixel(0, 0, grid, 240);
    expect(x).toBeCloseTo(120);
    expect(y).toBeCloseTo(120);
  });
});
