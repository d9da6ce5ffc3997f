// Decision-boundary heatmaps: the probabilities predictGrid returns (resolution^2 points, y
// slowest, `outputs` values each) painted into a canvas, one cell per grid point. Classification:
// each cell blends the class colours by probability and fades towards white where the network is
// unsure; one output (a sigmoid head) is read as p(class 1). Regression on a 2-D input: a
// sequential colour scale (viridis) over the grid's own range. The pure colour mapping is
// exported for tests (tests/web/train-heatmap.test.js); drawing needs a canvas.
// gridToRgba runs for every cell of six maps a few times a second while training, so its inner
// loop allocates nothing: class colours come from a flat table, viridis from its 256-entry ramp.
import { interpolateViridis } from 'd3-scale-chromatic';
import { CLASS_COLORS, hexToRgb } from '../views/train/palette.js';
import { drawPointsLayer } from './map-points.js';

const CLASS_RGB = CLASS_COLORS.map(hexToRgb);
const UNKNOWN = [200, 200, 200]; // NaN predictions (a diverged network)

/** The class colours as one flat table [r0, g0, b0, r1, ...] (what the per-cell loop reads). */
export function classTable(classRgb = CLASS_RGB) {
  const table = new Float64Array(classRgb.length * 3);
  classRgb.forEach((rgb, c) => table.set(rgb, 3 * c));
  return table;
}

const CLASS_TABLE = classTable();

/**
 * Writes the colour of one point's class probabilities (values[at .. at + outputs)) into
 * out[o .. o + 3). One output is p(class 1). Allocation-free; classCellColor is this on an array.
 */
function writeClassColor(out, o, values, at, outputs, table) {
  const k = outputs === 1 ? 2 : outputs;
  const colors = table.length / 3;
  let sum = 0;
  let max = 0;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let c = 0; c < k; c++) {
    const p = outputs === 1 ? (c === 0 ? 1 - values[at] : values[at]) : values[at + c];
    if (!Number.isFinite(p)) { sum = NaN; break; }
    const w = Math.max(0, p);
    sum += w;
    if (w > max) max = w;
    const t = 3 * (c % colors);
    r += w * table[t];
    g += w * table[t + 1];
    b += w * table[t + 2];
  }
  if (!(sum > 0)) {
    out[o] = UNKNOWN[0]; out[o + 1] = UNKNOWN[1]; out[o + 2] = UNKNOWN[2];
    return;
  }
  // Confidence 0 (uniform) .. 1 (one class): unsure regions fade towards white.
  const confidence = k > 1 ? Math.min(1, Math.max(0, (max / sum - 1 / k) / (1 - 1 / k))) : 1;
  const strength = 0.3 + 0.6 * confidence;
  const white = 255 * (1 - strength);
  out[o] = Math.round(white + (r / sum) * strength);
  out[o + 1] = Math.round(white + (g / sum) * strength);
  out[o + 2] = Math.round(white + (b / sum) * strength);
}

/** The colour [r, g, b] of one grid point's class probabilities. */
export function classCellColor(probs, { classRgb = CLASS_RGB } = {}) {
  const out = [0, 0, 0];
  writeClassColor(out, 0, probs, 0, probs.length, classRgb === CLASS_RGB ? CLASS_TABLE : classTable(classRgb));
  return out;
}

// viridis is a ramp of 256 colours (d3 picks colors[floor(t * 256)]): the same table as bytes.
let viridis = null;
function viridisTable() {
  if (!viridis) {
    viridis = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) viridis.set(hexToRgb(interpolateViridis((i + 0.5) / 256)), 3 * i);
  }
  return viridis;
}

function writeValueColor(out, o, value, lo, hi) {
  if (!Number.isFinite(value)) {
    out[o] = UNKNOWN[0]; out[o + 1] = UNKNOWN[1]; out[o + 2] = UNKNOWN[2];
    return;
  }
  const t = hi > lo ? (value - lo) / (hi - lo) : 0.5;
  const i = 3 * Math.max(0, Math.min(255, Math.floor(Math.min(1, Math.max(0, t)) * 256)));
  const table = viridisTable();
  out[o] = table[i]; out[o + 1] = table[i + 1]; out[o + 2] = table[i + 2];
}

/** The colour of a regression output `value` on the range [lo, hi]. */
export function valueCellColor(value, lo, hi) {
  const out = [0, 0, 0];
  writeValueColor(out, 0, value, lo, hi);
  return out;
}

/** The finite range [lo, hi] of a grid's first output (Infinity, -Infinity when there is none). */
export function valueRange(values, count, outputs) {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = values[i * outputs];
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/**
 * RGBA bytes (resolution^2 * 4) for a grid, rows flipped so that y grows upwards on screen.
 * `classification` false paints values with valueCellColor over their finite range. `out`: a
 * buffer of the right length to reuse (e.g. an ImageData's data), else a new one.
 */
export function gridToRgba(values, resolution, outputs, { classification = true, out = null } = {}) {
  const r = resolution;
  const rgba = out && out.length === r * r * 4 ? out : new Uint8ClampedArray(r * r * 4);
  const [lo, hi] = classification ? [0, 0] : valueRange(values, r * r, outputs);
  for (let j = 0; j < r; j++) {
    for (let k = 0; k < r; k++) {
      const point = j * r + k;
      const o = ((r - 1 - j) * r + k) * 4;
      if (classification) writeClassColor(rgba, o, values, point * outputs, outputs, CLASS_TABLE);
      else writeValueColor(rgba, o, values[point * outputs], lo, hi);
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

/** The canvas's off-screen helpers, kept between redraws: the grid bitmap (and its ImageData) and the points layer. */
function cacheOf(canvas) {
  return canvas.__descentMap ?? (canvas.__descentMap = { cells: document.createElement('canvas'), image: null, points: null });
}

/**
 * A decision map: the grid painted smoothly into `canvas` at `size` pixels a side (cell k of the
 * resolution^2 grid centred where predictGrid sampled point k), and the data on top in the same
 * coordinates: training points as filled dots with a dark outline, test points hollow rings, both
 * in their class colour (regression: their target on the map's viridis range).
 *
 * points: [{ x: rows of 2 features (flat), y: labels or targets, hollow }]; grid: { xMin, xMax,
 * yMin, yMax, resolution }; radius: the dot radius in pixels of `size`. Returns the number of
 * points drawn inside the window. The points do not change during a run, so they are drawn once
 * into a layer of their own and composited on every redraw (see map-points.js).
 */
export function drawDecisionMap(canvas, { values, resolution, outputs, classification = true, grid, points = [], size = 240, radius = 2.5 }) {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const ctx = canvas.getContext('2d');
  const cache = cacheOf(canvas);
  const { cells } = cache;
  if (cells.width !== resolution) cells.width = resolution;
  if (cells.height !== resolution) cells.height = resolution;
  if (cache.image?.width !== resolution) cache.image = new ImageData(resolution, resolution);
  gridToRgba(values, resolution, outputs, { classification, out: cache.image.data });
  cells.getContext('2d').putImageData(cache.image, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.clearRect(0, 0, size, size);
  ctx.drawImage(cells, 0, 0, size, size);
  ctx.restore();

  const range = classification ? null : valueRange(values, resolution * resolution, outputs);
  const colorOf = classification
    ? (label) => CLASS_COLORS[label % CLASS_COLORS.length] ?? '#888888'
    : (value) => { const [r, g, b] = valueCellColor(value, range[0], range[1]); return `rgb(${r},${g},${b})`; };
  cache.points = drawPointsLayer(cache.points, { points, grid, resolution, size, radius, colorOf, key: range ? range.join() : 'classes' });
  if (cache.points.canvas) ctx.drawImage(cache.points.canvas, 0, 0);
  return cache.points.drawn;
}
