// Filled contours of a grid with log-spaced levels (d3-contour's marching squares), drawn on a
// canvas with Path2D. logLevels() and gapField() are pure and tested in Node.
import { contours } from 'd3-contour';
import { contourColor } from './colors.js';

/**
 * `count` levels log-spaced from lo to hi (both > 0), ascending. Degenerate ranges give one level.
 */
export function logLevels(lo, hi, count = 20) {
  if (!(lo > 0) || !(hi > 0) || !Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error('log levels need positive finite bounds');
  if (hi <= lo || count < 2) return [lo];
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count }, (_, i) => 10 ** (a + ((b - a) * i) / (count - 1)));
}

/**
 * f - fMin on the grid, and the range [lo, hi] the levels span: hi is the largest finite gap, lo
 * the smallest positive gap but no less than hi * 1e-9 (so that a grid point that hits the
 * minimum exactly does not stretch the scale). Returns { log10gap: Float64Array, lo, hi }, where
 * non-positive and non-finite gaps are clamped to lo and hi.
 */
export function gapField(values, fMin, { dynamicRange = 1e9 } = {}) {
  let hi = 0;
  let minPositive = Infinity;
  for (const v of values) {
    const g = v - fMin;
    if (!Number.isFinite(g)) continue;
    if (g > hi) hi = g;
    if (g > 0 && g < minPositive) minPositive = g;
  }
  if (!(hi > 0)) hi = 1;
  const lo = Math.max(Number.isFinite(minPositive) ? minPositive : hi / dynamicRange, hi / dynamicRange);
  const log10gap = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const g = values[i] - fMin;
    log10gap[i] = Math.log10(Number.isFinite(g) ? Math.min(hi, Math.max(lo, g)) : hi);
  }
  return { log10gap, lo, hi };
}

/** MultiPolygons (grid coordinates) of the bands above each level of log10 thresholds. */
export function contourBands(log10gap, nx, ny, levels) {
  return contours().size([nx, ny]).smooth(true).thresholds(levels.map(Math.log10))(log10gap);
}

/**
 * Paints the filled bands into ctx. toPixel(gx, gy) maps grid coordinates (point i at i + 0.5
 * in d3-contour's space... see below) to canvas pixels.
 */
export function drawBands(ctx, bands, toPixel) {
  const n = bands.length;
  bands.forEach((band, i) => {
    const path = new Path2D();
    for (const polygon of band.coordinates) {
      for (const ring of polygon) {
        ring.forEach(([gx, gy], k) => {
          const [px, py] = toPixel(gx, gy);
          if (k === 0) path.moveTo(px, py); else path.lineTo(px, py);
        });
        path.closePath();
      }
    }
    ctx.fillStyle = contourColor(n > 1 ? i / (n - 1) : 0);
    ctx.fill(path);
    ctx.strokeStyle = 'rgba(255, 255, 255, 0.35)';
    ctx.lineWidth = 0.6;
    ctx.stroke(path);
  });
}
