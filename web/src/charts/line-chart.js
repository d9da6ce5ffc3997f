// A thin wrapper around uPlot for lines on log axes: series may be toggled between linear and log
// x, runs are revealed up to a step (for the animation), a vertical marker shows the scrub
// position, and series marked `diverged` get a cross and a label where they stop.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { decadeLabel, decadeTicks } from './log-ticks.js';

/** A custom property as `el` sees it (the page's :root, or a custom element's own). */
function cssVar(el, name, fallback) {
  const v = getComputedStyle(el).getPropertyValue(name).trim();
  return v || fallback;
}

/**
 * container: an empty element; options: { height, xLabel, yLabel, title }.
 * setData({ x, series, logX }, { upTo, marker }) draws; series as built by buildConvergence().
 */
export function createLineChart(container, { height = 320, xLabel = 'x', yLabel = 'y' } = {}) {
  let plot = null;
  let signature = '';
  let model = null;
  let view = { upTo: Infinity, marker: null };

  function masked() {
    return [model.x, ...model.series.map((s) => (s.kind === 'run' && Number.isFinite(view.upTo)
      ? s.values.map((v, i) => (model.x[i] <= view.upTo ? v : null))
      : s.values))];
  }

  function drawOverlays(u) {
    const { ctx } = u;
    const dpr = devicePixelRatio || 1;
    ctx.save();
    ctx.font = `${12 * dpr}px system-ui, sans-serif`;
    if (view.marker !== null && view.marker !== undefined) {
      const px = u.valToPos(view.marker, 'x', true);
      if (Number.isFinite(px)) {
        ctx.strokeStyle = cssVar(container, '--muted', '#555');
        ctx.lineWidth = dpr;
        ctx.setLineDash([4 * dpr, 4 * dpr]);
        ctx.beginPath();
        ctx.moveTo(px, u.bbox.top);
        ctx.lineTo(px, u.bbox.top + u.bbox.height);
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
    model.series.forEach((s, i) => {
      if (!s.diverged || !u.series[i + 1].show) return;
      const data = u.data[i + 1];
      let last = -1;
      for (let j = data.length - 1; j >= 0; j--) if (data[j] !== null && data[j] !== undefined) { last = j; break; }
      if (last < 0) return;
      const px = u.valToPos(u.data[0][last], 'x', true);
      const py = u.valToPos(data[last], 'y', true);
      const r = 5 * dpr;
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = 2.5 * dpr;
      ctx.beginPath();
      ctx.moveTo(px - r, py - r); ctx.lineTo(px + r, py + r);
      ctx.moveTo(px + r, py - r); ctx.lineTo(px - r, py + r);
      ctx.stroke();
      ctx.fillStyle = s.stroke;
      const text = `diverged at step ${s.divergedAt}`;
      const w = ctx.measureText(text).width;
      const tx = Math.min(px + 8 * dpr, u.bbox.left + u.bbox.width - w - 2 * dpr);
      const ty = Math.max(py - 8 * dpr, u.bbox.top + 14 * dpr);
      ctx.fillText(text, tx, ty);
    });
    ctx.restore();
  }

  // The y range of all the data (not only what is revealed), in whole decades.
  function yRange() {
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of model.series) {
      for (const v of s.values) {
        if (v === null || !(v > 0)) continue;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!Number.isFinite(lo)) return [1e-3, 1];
    const top = 10 ** Math.ceil(Math.log10(hi) + 1e-9);
    const bottom = Math.max(10 ** Math.floor(Math.log10(lo) - 1e-9), top * 1e-18);
    return [bottom, top > bottom ? top : bottom * 10];
  }

  function build() {
    plot?.destroy();
    const axisStroke = cssVar(container, '--fg', '#1b1f24');
    const grid = { stroke: cssVar(container, '--grid', 'rgba(0,0,0,0.08)'), width: 1 };
    plot = new uPlot({
      width: Math.max(240, container.clientWidth || 480),
      height,
      scales: {
        x: model.logX
          ? { distr: 3, log: 10, time: false, range: () => [model.x[0], model.x[model.x.length - 1]] }
          : { time: false, range: () => [model.x[0], model.x[model.x.length - 1]] },
        y: { distr: 3, log: 10, range: () => yRange() },
      },
      axes: [
        { label: model.logX ? `${xLabel} (log)` : xLabel, stroke: axisStroke, grid, ticks: grid,
          values: model.logX ? (u, splits) => splits.map(decadeLabel) : undefined },
        { label: yLabel, stroke: axisStroke, grid, ticks: grid, size: 56, values: (u, splits) => splits.map(decadeLabel),
          ...decadeTicks(height - 60) },
      ],
      legend: { live: false },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: xLabel },
        ...model.series.map((s) => ({
          label: s.label,
          stroke: s.stroke,
          width: s.width ?? (s.kind === 'run' ? 2 : 1.5),
          dash: s.dash,
          points: { show: false },
          spanGaps: false,
        })),
      ],
      hooks: { draw: [drawOverlays] },
    }, masked(), container);
  }

  const observer = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => {
      if (plot && container.clientWidth > 0) plot.setSize({ width: container.clientWidth, height });
    })
    : null;
  observer?.observe(container);

  return {
    setData(next, { upTo = Infinity, marker = null } = {}) {
      model = next;
      view = { upTo, marker };
      const sig = JSON.stringify([next.logX, next.series.map((s) => [s.id, s.label, s.stroke])]);
      if (!plot || sig !== signature) {
        signature = sig;
        build();
      } else {
        plot.setData(masked());
      }
    },
    setView({ upTo = Infinity, marker = null }) {
      if (!plot || !model) return;
      view = { upTo, marker };
      plot.setData(masked(), false);
      plot.redraw(false, false);
    },
    get plot() { return plot; },
    destroy() {
      observer?.disconnect();
      plot?.destroy();
      plot = null;
    },
  };
}
