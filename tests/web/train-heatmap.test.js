// Decision-boundary colour mapping (pure parts of web/src/charts/heatmap.js).
import { describe, expect, it } from 'vitest';
import { interpolateViridis } from 'd3-scale-chromatic';
import { classCellColor, classTable, gridToRgba, valueCellColor, valueRange } from '../../web/src/charts/heatmap.js';
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

  it('the per-cell loop (flat class table, no arrays per cell) gives exactly the colours of classCellColor', () => {
    expect(Array.from(classTable([[1, 2, 3], [4, 5, 6]]))).toEqual([1, 2, 3, 4, 5, 6]);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const outputs of [1, 2, 3, 10, 12]) {
      const r = 7;
      const values = new Float32Array(r * r * outputs).map(() => random());
      values[5] = NaN; // a diverged network's cell
      values.fill(0, 2 * outputs, 3 * outputs); // all zero: grey
      const out = new Uint8ClampedArray(r * r * 4);
      expect(gridToRgba(values, r, outputs, { out })).toBe(out); // reuses the buffer it is given
      for (let j = 0; j < r; j++) {
        for (let k = 0; k < r; k++) {
          const point = j * r + k;
          const o = ((r - 1 - j) * r + k) * 4;
          expect(Array.from(out.slice(o, o + 4))).toEqual([...classCellColor(values.subarray(point * outputs, point * outputs + outputs)), 255]);
        }
      }
    }
  });

  it('reads viridis from its 256-colour table exactly as d3 picks it', () => {
    const d3 = (t) => {
      const hex = interpolateViridis(Math.min(1, Math.max(0, t)));
      return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    };
    for (let i = -10; i <= 1010; i++) expect(valueCellColor(i / 1000, 0, 1)).toEqual(d3(i / 1000));
    expect(valueCellColor(3, -1, 7)).toEqual(d3(0.5));
    expect(valueRange(new Float32Array([NaN, 0, 2, 9, -1, 0]), 3, 2)).toEqual([-1, 2]);
  });

  it('uses eight distinct optimizer colours and valid hex everywhere', () => {
    expect(new Set(OPTIMIZER_COLORS).size).toBe(8);
    for (const c of [...OPTIMIZER_COLORS, ...CLASS_COLORS]) expect(hexToRgb(c)).toHaveLength(3);
    expect(() => hexToRgb('red')).toThrow(/#rrggbb/);
  });
});
