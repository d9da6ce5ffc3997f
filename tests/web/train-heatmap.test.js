// Decision-boundary colour mapping (pure parts of web/src/charts/heatmap.js).
import { describe, expect, it } from 'vitest';
import { classCellColor, gridToRgba, valueCellColor } from '../../web/src/charts/heatmap.js';
import { CLASS_COLORS, OPTIMIZER_COLORS, hexToRgb } from '../../web/src/views/train/palette.js';

const [red, blue] = CLASS_COLORS.map(hexToRgb);

describe('heatmap colours', () => {
  it('a certain prediction gets its class colour at full strength, an unsure one fades to white', () => {
    const sure = classCellColor([1, 0, 0]);
    const unsure = classCellColor([1 / 3, 1 / 3, 1 / 3]);
    // strength 0.9 of the class colour over white
    expect(sure).toEqual(red.map((v) => Math.round(255 * 0.1 + v * 0.9)));
    expect(Math.min(...unsure)).toBeGreaterThan(Math.min(...sure));
  });

  it('blends classes by probability', () => {
    const half = classCellColor([0.5, 0.5]);
    const mid = red.map((v, i) => (v + blue[i]) / 2);
    expect(half).toEqual(mid.map((v) => Math.round(255 * 0.7 + v * 0.3)));
  });

  it('reads one output as p(class 1), and NaN (a diverged network) as grey', () => {
    expect(classCellColor([0.9])).toEqual(classCellColor([0.1, 0.9]));
    expect(classCellColor([NaN, 0.5])).toEqual([200, 200, 200]);
    expect(classCellColor([0, 0])).toEqual([200, 200, 200]);
  });

  it('maps regression values along viridis over their range', () => {
    expect(valueCellColor(0, 0, 1)).toEqual([68, 1, 84]);
    expect(valueCellColor(1, 0, 1)).toEqual([253, 231, 37]);
    expect(valueCellColor(5, 5, 5)).toEqual(valueCellColor(0.5, 0, 1));
    expect(valueCellColor(NaN, 0, 1)).toEqual([200, 200, 200]);
  });

  it('lays the grid out with y growing upwards', () => {
    // 2x2 grid, 2 classes: row j = 0 (bottom) is class 0, row j = 1 (top) is class 1.
    const values = new Float32Array([1, 0, 1, 0, 0, 1, 0, 1]);
    const rgba = gridToRgba(values, 2, 2);
    expect(rgba).toHaveLength(16);
    expect(Array.from(rgba.slice(0, 3))).toEqual(classCellColor([0, 1])); // top-left pixel: class 1
    expect(Array.from(rgba.slice(8, 11))).toEqual(classCellColor([1, 0])); // bottom-left pixel: class 0
    expect(rgba[3]).toBe(255);
    const regression = gridToRgba(new Float32Array([0, 1, 2, 3]), 2, 1, { classification: false });
    expect(Array.from(regression.slice(8, 11))).toEqual([68, 1, 84]); // the smallest value, bottom-left
  });

  it('uses eight distinct optimizer colours and valid hex everywhere', () => {
    expect(new Set(OPTIMIZER_COLORS).size).toBe(8);
    for (const c of [...OPTIMIZER_COLORS, ...CLASS_COLORS]) expect(hexToRgb(c)).toHaveLength(3);
    expect(() => hexToRgb('red')).toThrow(/#rrggbb/);
  });
});
