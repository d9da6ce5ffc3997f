// The rate map: the heavy ball's linear rate over the (lr, momentum) grid momentumRateMap returns,
// painted cell by cell (viridis from the best rate to 1, grey where it diverges), with axes, Polyak's
// optimum as a star and the current (lr, momentum) as a ring. A click picks the cell under it.
import { scaleLinear } from 'd3-scale';
import { valueCellColor } from '../../charts/heatmap.js';
import { cellAt } from './model.js';

const MARGIN = { left: 48, right: 10, top: 10, bottom: 40 };
const DIVERGES = [210, 210, 210];

/** RGBA bytes for the map, momentum rows flipped so that it grows upwards. */
export function rateMapRgba(map) {
  const n = map.resolution;
  const rgba = new Uint8ClampedArray(n * n * 4);
  const lo = map.best.rate;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const rate = map.rates[i * n + j];
      const [r, g, b] = rate >= 1 || !Number.isFinite(rate) ? DIVERGES : valueCellColor(rate, lo, 1);
      const o = ((n - 1 - i) * n + j) * 4;
      rgba[o] = r; rgba[o + 1] = g; rgba[o + 2] = b; rgba[o + 3] = 255;
    }
  }
  return rgba;
}

function star(ctx, x, y, r) {
  ctx.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? r : r * 0.45;
    ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  ctx.closePath();
}

/** canvas: a <canvas> with a CSS size; onPick({ lr, momentum, rate }) on click. */
export function createRateMap(canvas, { onPick } = {}) {
  const ctx = canvas.getContext('2d');
  let map = null;
  let cells = null;
  let current = null;
  let size = { w: 0, h: 0, dpr: 1 };

  const box = () => ({ x: MARGIN.left, y: MARGIN.top, w: size.w - MARGIN.left - MARGIN.right, h: size.h - MARGIN.top - MARGIN.bottom });
  const sx = () => scaleLinear().domain([map.lrs[0], map.lrs.at(-1)]).range([box().x, box().x + box().w]);
  const sy = () => scaleLinear().domain([map.momenta[0], map.momenta.at(-1)]).range([box().y + box().h, box().y]);

  function draw() {
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    size = { w: Math.round(rect.width), h: Math.round(rect.height), dpr };
    if (!size.w || !size.h) return;
    canvas.width = Math.round(size.w * dpr);
    canvas.height = Math.round(size.h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.w, size.h);
    if (!map) return;
    const b = box();
    // Where the grid lies, for tests that click on it: the plot box in CSS pixels and its ranges.
    Object.assign(canvas.dataset, {
      box: [b.x, b.y, b.w, b.h].join(','), lrs: `${map.lrs[0]},${map.lrs.at(-1)}`, momenta: `${map.momenta[0]},${map.momenta.at(-1)}`,
    });
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(cells, b.x, b.y, b.w, b.h);
    const x = sx();
    const y = sy();
    const fg = getComputedStyle(canvas).getPropertyValue('--fg').trim() || '#1b1f24';
    ctx.strokeStyle = fg;
    ctx.fillStyle = fg;
    ctx.lineWidth = 1;
    ctx.strokeRect(b.x + 0.5, b.y + 0.5, b.w - 1, b.h - 1);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of x.ticks(4)) ctx.fillText(x.tickFormat(4)(t), x(t), b.y + b.h + 5);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of y.ticks(5)) ctx.fillText(y.tickFormat(5)(t), b.x - 6, y(t));
    ctx.font = 'italic 14px Georgia, "Times New Roman", serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText('η (step size)', b.x + b.w / 2, size.h - 2);
    ctx.save();
    ctx.translate(12, b.y + b.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText('μ (momentum)', 0, 0);
    ctx.restore();
    ctx.save();
    ctx.beginPath();
    ctx.rect(b.x, b.y, b.w, b.h);
    ctx.clip();
    star(ctx, x(map.optimum.lr), y(map.optimum.momentum), 9);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    if (current) {
      ctx.beginPath();
      ctx.arc(x(current.lr), y(current.momentum), 6.5, 0, 2 * Math.PI);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 4;
      ctx.stroke();
      ctx.strokeStyle = '#d55e00';
      ctx.lineWidth = 2;
      ctx.stroke();
    }
    ctx.restore();
  }

  canvas.addEventListener('click', (event) => {
    if (!map) return;
    const rect = canvas.getBoundingClientRect();
    const b = box();
    const u = (event.clientX - rect.left - b.x) / b.w;
    const v = (event.clientY - rect.top - b.y) / b.h;
    if (u < 0 || u > 1 || v < 0 || v > 1) return;
    onPick?.(cellAt(map, u, v));
  });
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => draw()) : null;
  observer?.observe(canvas);

  return {
    setMap(next) {
      map = next;
      const n = map.resolution;
      cells = document.createElement('canvas');
      cells.width = n;
      cells.height = n;
      cells.getContext('2d').putImageData(new ImageData(rateMapRgba(map), n, n), 0, 0);
      draw();
    },
    setCurrent(point) { current = point; draw(); },
    /** The plot box in CSS pixels of the canvas (for tests and the e2e click). */
    box: () => box(),
    redraw: draw,
  };
}
