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

/** The colour of a point's own value on a regression map (the map's range), as CSS. */
function valueCss(value, lo, hi) {
  const [r, g, b] = valueCellColor(value, lo, hi);
  return `rgb(${r},${g},${b})`;
}

/**
 * A decision map: the grid painted smoothly into `canvas` at `size` pixels a side (cell k of the
 * resolution^2 grid centred where predictGrid sampled point k), and the data on top in the same
 * coordinates: training points as filled dots with a dark outline, test points hollow rings, both
 * in their class colour (regression: their target on the map's viridis range).
 *
 * points: [{ x: rows of 2 features (flat), y: labels or targets, hollow }]; grid: { xMin, xMax,
 * yMin, yMax, resolution }; radius: the dot radius in pixels of `size`. Returns the number of
 * points drawn inside the window.
 */
export function drawDecisionMap(canvas, { values, resolution, outputs, classification = true, grid, points = [], size = 240, radius = 2.5 }) {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const ctx = canvas.getContext('2d');
  const cells = canvas.__descentCells ?? (canvas.__descentCells = document.createElement('canvas'));
  if (cells.width !== resolution) cells.width = resolution;
  if (cells.height !== resolution) cells.height = resolution;
  cells.getContext('2d').putImageData(new ImageData(gridToRgba(values, resolution, outputs, { classification }), resolution, resolution), 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.clearRect(0, 0, size, size);
  ctx.drawImage(cells, 0, 0, size, size);
  ctx.restore();

  let lo = Infinity;
  let hi = -Infinity;
  if (!classification) {
    for (let i = 0; i < resolution * resolution; i++) {
      const v = values[i * outputs];
      if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
  }
  const r = resolution;
  const cell = size / r;
  const toPixel = (x, y) => [
    (((x - grid.xMin) / (grid.xMax - grid.xMin)) * (r - 1) + 0.5) * cell,
    size - (((y - grid.yMin) / (grid.yMax - grid.yMin)) * (r - 1) + 0.5) * cell,
  ];
  let drawn = 0;
  ctx.save();
  ctx.lineJoin = 'round';
  // Training points under the test points, so the rings stay visible.
  for (const set of [...points].sort((a, b) => Number(Boolean(a.hollow)) - Number(Boolean(b.hollow)))) {
    const n = Math.min(Math.floor(set.x.length / 2), set.y.length);
    for (let i = 0; i < n; i++) {
      const [px, py] = toPixel(set.x[2 * i], set.x[2 * i + 1]);
      if (!(px >= -radius && px <= size + radius && py >= -radius && py <= size + radius)) continue;
      const color = classification ? CLASS_COLORS[set.y[i] % CLASS_COLORS.length] ?? '#888888' : valueCss(set.y[i], lo, hi);
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
      if (set.hollow) {
        ctx.lineWidth = radius * 0.95;
        ctx.strokeStyle = 'rgba(20, 24, 30, 0.9)';
        ctx.stroke();
        ctx.lineWidth = radius * 0.5;
        ctx.strokeStyle = color;
        ctx.stroke();
      } else {
        ctx.fillStyle = color;
        ctx.fill();
        ctx.lineWidth = Math.max(1, radius * 0.4);
        ctx.strokeStyle = 'rgba(20, 24, 30, 0.85)';
        ctx.stroke();
      }
      drawn += 1;
    }
  }
  ctx.restore();
  return drawn;
}
