// A small uPlot wrapper for the train view's curves: x = epoch, one or more series per optimizer
// (solid = training set, dashed = test set; 1 px: a canvas without a GPU strokes wider lines as
// filled outlines, several times slower), a log or linear y axis, no built-in legend (the view
// draws its own, in the optimizers' colours), sized to its container, and a ✕ at the last point
// of each series marked as diverged. Data are aligned columns whose gaps are null (see
// views/train/series.js: nothing ≤ 0 or NaN ever reaches the log axis).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { decimate } from './decimate.js';
import { decadeTicks } from './log-ticks.js';

function cssColor(el, name, fallback) {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value || fallback;
}

/** Decade-aligned range for a log axis; a default when there is nothing to show yet. */
export function logRange(min, max) {
  if (!(min > 0) || !(max > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return [0.01, 10];
  let lo = 10 ** Math.floor(Math.log10(min));
  let hi = 10 ** Math.ceil(Math.log10(max));
  if (hi <= lo) hi = lo * 10;
  return [lo, hi];
}

/**
 * createTrainChart(container, { xLabel, yLabel, log, yRange, height, ariaLabel }) -> { setSeries(defs),
 * setData(columns, { diverged }), canvas(), render(scale), destroy() }. defs: [{ label, color, dash }]; diverged: the
 * indices (1-based, as in columns) of the series to mark.
 */
export function createTrainChart(container, { xLabel = 'epoch', yLabel = '', log = false, yRange = null, height = 240, ariaLabel = '' } = {}) {
  let plot = null;
  let defs = [];
  let columns = [[]];
  let diverged = new Set();
  let yLabels = []; // a log axis's labels as last drawn, for noteRange
  const wrap = document.createElement('div');
  wrap.className = 'train-chart';
  wrap.setAttribute('role', 'img');
  if (ariaLabel) wrap.setAttribute('aria-label', ariaLabel);
  container.append(wrap);

  function width() {
    return Math.max(240, Math.floor(wrap.clientWidth || container.clientWidth || 480));
  }

  function drawMarks(u, k = 1) {
    const { ctx } = u;
    ctx.save();
    ctx.font = `${Math.round(14 * k * devicePixelRatio)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const s of diverged) {
      const ys = u.data[s];
      if (!ys) continue;
      let k = ys.length - 1;
      while (k >= 0 && ys[k] == null) k--;
      if (k < 0) continue;
      const x = u.valToPos(u.data[0][k], 'x', true);
      const y = u.valToPos(ys[k], 'y', true);
      ctx.fillStyle = u.series[s].stroke?.() ?? '#000';
      ctx.fillText('✕', x, y);
    }
    ctx.restore();
  }

  /** The y range drawn, for the tests (a NaN or infinite value must never reach it): after the draw, since uPlot sets its scales then. */
  function noteRange(u) {
    wrap.dataset.yMin = String(u.scales.y?.min);
    wrap.dataset.yMax = String(u.scales.y?.max);
    if (log) wrap.dataset.yLabels = yLabels.join(' ');
  }

  /** uPlot options at `k` times the page's size (k = 2 for a crisp PNG export). */
  function options(k = 1, w = width()) {
    const fg = cssColor(container, '--fg', '#1b1f24');
    const muted = cssColor(container, '--muted', '#4a5360');
    const grid = cssColor(container, '--border', '#d4d9e0');
    const px = (n) => n * k;
    const axis = { stroke: muted, grid: { stroke: grid, width: px(1) }, ticks: { stroke: grid, width: px(1), size: px(10) },
      font: `${px(12)}px system-ui, sans-serif`, labelFont: `${px(13)}px system-ui, sans-serif`, gap: px(5) };
    return {
      width: w * k,
      height: height * k,
      legend: { show: false },
      cursor: k === 1 ? { drag: { x: false, y: false }, points: { size: 6 } } : { show: false },
      scales: {
        x: { time: false, range: (u, min, max) => [0, Math.max(1, max ?? 1)] },
        y: log
          ? { distr: 3, log: 10, range: (u, min, max) => logRange(min, max) }
          : { range: yRange ? () => yRange : undefined },
      },
      axes: [
        { ...axis, label: xLabel, labelSize: px(20), size: px(36), space: px(50) },
        { ...axis, label: yLabel, labelSize: px(20), size: px(56), space: px(30), stroke: fg,
          ...(log ? { ...decadeTicks(height - 50), values: (u, splits) => (yLabels = splits.map(formatTick)) } : {}) },
      ],
      series: [{ label: 'epoch' }, ...defs.map((d) => ({
        label: d.label, stroke: d.color, width: px(1), dash: d.dash ? [px(6), px(4)] : undefined, spanGaps: false,
        points: { show: false },
      }))],
      hooks: { draw: [(u) => drawMarks(u, k), ...(k === 1 ? [noteRange] : [])] },
    };
  }

  function currentData() {
    return columns.length === defs.length + 1 ? columns : [[], ...defs.map(() => [])];
  }

  /** The data the page's chart draws: one point per pixel column on average (two per two columns) (exports draw them all). */
  function onScreen() {
    return decimate(currentData(), width());
  }

  function build() {
    plot?.destroy();
    plot = new uPlot(options(), onScreen(), wrap);
  }

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => plot?.setSize({ width: width(), height })) : null;
  observer?.observe(wrap);

  return {
    element: wrap,
    /** The canvas uPlot draws on (axes included); null before the first draw. */
    canvas: () => plot?.ctx?.canvas ?? wrap.querySelector('canvas'),
    /**
     * The chart drawn afresh at `scale` times its size on the page (an off-screen uPlot), for a
     * crisp PNG: resolves to { canvas, width, height } (width, height: in output pixels).
     */
    async render(scale = 2) {
      const w = width();
      const host = document.createElement('div');
      host.setAttribute('aria-hidden', 'true');
      host.style.cssText = 'position: fixed; left: -100000px; top: 0; pointer-events: none;';
      document.body.append(host);
      const copy = new uPlot(options(scale, w), currentData(), host);
      try {
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        copy.redraw(false, false);
        return { canvas: copy.ctx.canvas, width: w * scale, height: height * scale, dispose: () => { copy.destroy(); host.remove(); } };
      } catch (error) {
        copy.destroy();
        host.remove();
        throw error;
      }
    },
    setSeries(newDefs) {
      defs = newDefs;
      columns = [[], ...defs.map(() => [])];
      diverged = new Set();
      build();
    },
    setData(newColumns, { diverged: marks = [] } = {}) {
      columns = newColumns;
      diverged = new Set(marks);
      if (!plot || plot.series.length !== columns.length) build();
      else plot.setData(onScreen());
    },
    destroy() {
      observer?.disconnect();
      plot?.destroy();
      plot = null;
      wrap.remove();
    },
  };
}

function formatTick(v) {
  if (v >= 1e-3 && v < 1e4) return String(Number(v.toPrecision(6)));
  return `1e${Math.round(Math.log10(v))}`;
}
