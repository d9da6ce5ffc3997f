// Per-layer histograms as a ridgeline: one row per layer (the first at the top), the bins as bars
// over one shared x range, each row scaled to its own tallest bin so that a layer whose values all
// sit in one bin shows as a single spike however few or many values it has, and on a square-root
// scale so that the tails still show beside ReLU's spike of zeros. The fraction that fell
// outside the range is written at the row's end. ridgelineRows is the pure part (tested in
// tests/web/init.test.js); drawRidgeline paints it on a canvas.
import { formatNumber } from '../views/format.js';

/**
 * set: { lo, hi, fractions (layers x bins, row-major), below, above, nonFinite } as
 * layerHistograms returns it. Returns [{ layer, heights: per bin in [0, 1] (sqrt of the fraction of the peak), outside }].
 */
export function ridgelineRows(set, bins) {
  const layers = set.fractions.length / bins;
  return Array.from({ length: layers }, (_, l) => {
    const row = set.fractions.slice(l * bins, (l + 1) * bins);
    const peak = Math.max(...row);
    return {
      layer: l,
      heights: Array.from(row, (f) => (peak > 0 ? Math.sqrt(f / peak) : 0)),
      outside: set.below[l] + set.above[l] + set.nonFinite[l],
    };
  });
}

const LABEL_WIDTH = 46;
const OUTSIDE_MIN_WIDTH = 64; // widened to the longest "x% out" label in the font drawn
const AXIS_HEIGHT = 18;

/**
 * Paints the rows into `canvas` (its CSS width, `rowHeight` px per row, sharp on high-DPI screens).
 * labels: one per layer; color: the bars' fill.
 */
export function drawRidgeline(canvas, { set, bins, labels, color, rowHeight = 18 }) {
  const rows = ridgelineRows(set, bins);
  const width = canvas.clientWidth || 300;
  const height = rows.length * rowHeight + AXIS_HEIGHT;
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const style = getComputedStyle(canvas);
  const ink = style.color || '#222';
  ctx.font = `11px ${style.fontFamily || 'sans-serif'}`;
  ctx.textBaseline = 'middle';
  const outsideLabel = (row) => (row.outside > 0.0005 ? `${formatNumber(Number((100 * row.outside).toPrecision(2)))}% out` : '');
  const outsideLabels = rows.map(outsideLabel);
  const outsideWidth = Math.max(OUTSIDE_MIN_WIDTH, ...outsideLabels.map((text) => Math.ceil(ctx.measureText(text).width) + 8));
  const plotWidth = Math.max(10, width - LABEL_WIDTH - outsideWidth);
  const barWidth = plotWidth / bins;
  rows.forEach((row, r) => {
    const top = r * rowHeight;
    ctx.fillStyle = ink;
    ctx.textAlign = 'right';
    ctx.fillText(labels[r] ?? String(r + 1), LABEL_WIDTH - 6, top + rowHeight / 2);
    ctx.fillStyle = color;
    row.heights.forEach((v, b) => {
      const barHeight = v * (rowHeight - 2);
      if (barHeight > 0) ctx.fillRect(LABEL_WIDTH + b * barWidth, top + rowHeight - 1 - barHeight, Math.max(1, barWidth - 0.5), barHeight);
    });
    const outside = outsideLabels[r];
    if (outside) {
      ctx.fillStyle = ink;
      ctx.textAlign = 'left';
      ctx.fillText(outside, LABEL_WIDTH + plotWidth + 4, top + rowHeight / 2);
    }
  });
  // The shared x axis: its ends and, where it lies inside, zero.
  const axisY = rows.length * rowHeight;
  ctx.strokeStyle = ink;
  ctx.beginPath();
  ctx.moveTo(LABEL_WIDTH, axisY + 0.5);
  ctx.lineTo(LABEL_WIDTH + plotWidth, axisY + 0.5);
  ctx.stroke();
  ctx.fillStyle = ink;
  ctx.textBaseline = 'top';
  const tick = (value, align) => {
    const x = LABEL_WIDTH + ((value - set.lo) / (set.hi - set.lo)) * plotWidth;
    ctx.textAlign = align;
    ctx.fillText(formatNumber(Number(value.toPrecision(2))), x, axisY + 3);
  };
  tick(set.lo, 'left');
  tick(set.hi, 'right');
  if (set.lo < 0 && set.hi > 0 && -set.lo / (set.hi - set.lo) > 0.15 && set.hi / (set.hi - set.lo) > 0.15) tick(0, 'center');
  return rows;
}
