// Per-example evaluation for the train view: the class each head predicts, confusion matrices on a
// split, and the grey levels of digit images. Pure, tested in Node (tests/web/train-evaluate.test.js).

/**
 * The predicted class of every example from the head outputs (`outputs` values per example):
 * the arg max of the probabilities, or p > 0.5 for a single (sigmoid) output. NaN outputs (a
 * diverged network) give -1.
 */
export function predictedClasses(values, outputs) {
  const k = Math.max(1, outputs | 0);
  const n = Math.floor(values.length / k);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (k === 1) {
      const p = values[i];
      out[i] = Number.isFinite(p) ? (p > 0.5 ? 1 : 0) : -1;
      continue;
    }
    let best = -1;
    let bestValue = -Infinity;
    for (let c = 0; c < k; c++) {
      const v = values[i * k + c];
      if (Number.isFinite(v) && v > bestValue) { bestValue = v; best = c; }
    }
    out[i] = best;
  }
  return out;
}

/**
 * The confusion matrix: counts[t][p] = examples of true class t predicted as p (classes x
 * classes). Predictions outside 0..classes-1 (NaN outputs) are counted in `unpredicted` per true
 * class. Returns { classes, counts, rowTotals, correct, total, unpredicted, accuracy }.
 */
export function confusionMatrix(labels, predicted, classes) {
  const counts = Array.from({ length: classes }, () => new Array(classes).fill(0));
  const rowTotals = new Array(classes).fill(0);
  const unpredicted = new Array(classes).fill(0);
  let correct = 0;
  let total = 0;
  const n = Math.min(labels.length, predicted.length);
  for (let i = 0; i < n; i++) {
    const t = labels[i];
    if (!(t >= 0 && t < classes)) continue;
    const p = predicted[i];
    total += 1;
    rowTotals[t] += 1;
    if (p >= 0 && p < classes) {
      counts[t][p] += 1;
      if (p === t) correct += 1;
    } else {
      unpredicted[t] += 1;
    }
  }
  return { classes, counts, rowTotals, correct, total, unpredicted, accuracy: total ? correct / total : null };
}

/**
 * Undoes the standardisation of integer-valued features (the digits' pixel counts 0..16) from
 * the training rows alone: in each column the distinct standardised values are (k - mean) / std
 * for the integers k that occur, so the smallest value is the smallest count (0 for every pixel
 * of these images) and the smallest gap between values is 1 / std. Returns, per column,
 * { min, step } (count = (value - min) / step; step null for a constant column) and `full`, the
 * largest count seen (16 for the digits), or null when `x` has no rows.
 */
export function pixelScales(x, features) {
  const n = Math.floor(x.length / features);
  if (!n) return null;
  const columns = [];
  let full = 0;
  for (let j = 0; j < features; j++) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = x[i * features + j];
    values.sort();
    let step = Infinity;
    for (let i = 1; i < n; i++) {
      const gap = values[i] - values[i - 1];
      if (gap > 1e-9 && gap < step) step = gap;
    }
    const min = values[0];
    if (Number.isFinite(step)) {
      full = Math.max(full, Math.round((values[n - 1] - min) / step));
      columns.push({ min, step });
    } else {
      columns.push({ min, step: null });
    }
  }
  return { columns, full: full || 1 };
}

/**
 * Grey levels 0..255 of one image (its standardised pixels).
 * With `scales` (pixelScales of the training rows): the recovered pixel counts, 0 .. full, as
 * ink on paper (dark on white), the way the digits were written.
 * Without: the image's own min..max mapped to black..white (white ink on black), the range first
 * clipped to `clip` standard deviations, since a pixel that is rarely inked standardises to a
 * large value and would wash out the rest. `invert` swaps black and white.
 */
export function imageGreys(pixels, { scales = null, invert = false, clip = [-1, 2] } = {}) {
  const out = new Uint8ClampedArray(pixels.length);
  if (scales) {
    for (let i = 0; i < pixels.length; i++) {
      const c = scales.columns[i];
      const v = pixels[i];
      const count = c?.step && Number.isFinite(v) ? (v - c.min) / c.step : 0;
      const t = Math.min(1, Math.max(0, count / scales.full));
      out[i] = Math.round(255 * (invert ? t : 1 - t));
    }
    return out;
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of pixels) {
    if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  }
  if (clip) {
    lo = Math.max(lo, clip[0]);
    hi = Math.min(hi, clip[1]);
  }
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i];
    const t = Number.isFinite(v) && hi > lo ? Math.min(1, Math.max(0, (v - lo) / (hi - lo))) : 0;
    out[i] = Math.round(255 * (invert ? 1 - t : t));
  }
  return out;
}

/** Up to `count` example indices spread evenly over 0..n-1 (the same ones every update). */
export function sampleIndices(n, count) {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
}

/**
 * A training / test point in canvas pixels, on a grid of `resolution` points spanning
 * [xMin, xMax] x [yMin, yMax] inclusively (as predictGrid samples it) drawn as resolution cells
 * across a `size`-pixel canvas: grid point k is the centre of cell k, y grows upwards.
 */
export function pointToPixel(x, y, grid, size) {
  const r = grid.resolution;
  const cell = size / r;
  const u = ((x - grid.xMin) / (grid.xMax - grid.xMin)) * (r - 1) + 0.5;
  const v = ((y - grid.yMin) / (grid.yMax - grid.yMin)) * (r - 1) + 0.5;
  return [u * cell, size - v * cell];
}
