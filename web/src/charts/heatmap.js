// Decision-boundary heatmaps: the probabilities predictGrid returns (resolution^2 points, y
// slowest, `outputs` values each) painted into a canvas, one cell per grid point. Classification:
// each cell blends the class colours by probability and fades towards white where the network is
// unsure; one output (a sigmoid head) is read as p(class 1). Regression on a 2-D input: a
// sequential colour scale (viridis) over the grid's own range. The pure colour mapping is
// exported for tests (tests/web/train-heatmap.test.js); drawing needs a canvas.
import { interpolateViridis } from 'd3-scale-chromatic';
import { CLASS_COLORS, hexToRgb } from '../views/train/palette.js';

const CLASS_RGB = CLASS_COLORS.map(hexToRgb);
const UNKNOWN = [200, 200, 200]; // NaN predictions (a diverged network)

/** The colour [r, g, b] of one grid point's class probabilities. */
export function classCellColor(probs, { classRgb = CLASS_RGB } = {}) {
  const p = probs.length === 1 ? [1 - probs[0], probs[0]] : Array.from(probs);
  const k = p.length;
  if (!p.every((v) => Number.isFinite(v))) return UNKNOWN.slice();
  let sum = 0;
  let max = 0;
  const mix = [0, 0, 0];
  for (let c = 0; c < k; c++) {
    const w = Math.max(0, p[c]);
    sum += w;
    if (w > max) max = w;
    const rgb = classRgb[c % classRgb.length];
    mix[0] += w * rgb[0];
    mix[1] += w * rgb[1];
    mix[2] += w * rgb[2];
  }
  if (!(sum > 0)) return UNKNOWN.slice();
  // Confidence 0 (uniform) .. 1 (one class): unsure regions fade towards white.
  const confidence = k > 1 ? Math.min(1, Math.max(0, (max / sum - 1 / k) / (1 - 1 / k))) : 1;
  const strength = 0.3 + 0.6 * confidence;
  return mix.map((v) => Math.round(255 * (1 - strength) + (v / sum) * strength));
}

/** The colour of a regression output `value` on the range [lo, hi]. */
export function valueCellColor(value, lo, hi) {
  if (!Number.isFinite(value)) return UNKNOWN.slice();
  const t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
  const css = interpolateViridis(Math.min(1, Math.max(0, t)));
  const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(css);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : hexToRgb(css);
}

/**
 * RGBA bytes (resolution^2 * 4) for a grid, rows flipped so that y grows upwards on screen.
 * `classification` false paints values with valueCellColor over their finite range.
 */
export function gridToRgba(values, resolution, outputs, { classification = true } = {}) {
  const r = resolution;
  const rgba = new Uint8ClampedArray(r * r * 4);
  let lo = Infinity;
  let hi = -Infinity;
  if (!classification) {
    for (let i = 0; i < r * r; i++) {
      const v = values[i * outputs];
      if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
  }
  for (let j = 0; j < r; j++) {
    for (let k = 0; k < r; k++) {
      const point = j * r + k;
      const color = classification
        ? classCellColor(values.subarray ? values.subarray(point * outputs, point * outputs + outputs) : values.slice(point * outputs, point * outputs + outputs))
        : valueCellColor(values[point * outputs], lo, hi);
      const o = ((r - 1 - j) * r + k) * 4;
      rgba[o] = color[0];
      rgba[o + 1] = color[1];
      rgba[o + 2] = color[2];
      rgba[o + 3] = 255;
    }
  }
  return rgba;
}

/** Paints a grid into `canvas` (its CSS size is left to the page; the bitmap is resolution^2, smoothed). */
export function drawHeatmap(canvas, values, resolution, outputs, options = {}) {
  if (canvas.width !== resolution) canvas.width = resolution;
  if (canvas.height !== resolution) canvas.height = resolution;
  const ctx = canvas.getContext('2d');
  ctx.putImageData(new ImageData(gridToRgba(values, resolution, outputs, options), resolution, resolution), 0, 0);
}
