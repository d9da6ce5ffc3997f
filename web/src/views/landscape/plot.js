// The landscape canvas: filled log-spaced contours of f - f*, axes with ticks, the minimum (a
// star), the start point (drag it, or click anywhere), and each optimizer's path up to step k
// with its iterates as dots. Pointer hover reports the nearest iterate.
import { scaleLinear } from 'd3-scale';
import { contourBands, drawBands, gapField, logLevels } from '../../charts/contour.js';

const MARGIN = { left: 52, right: 14, top: 12, bottom: 44 };
const LEVELS = 22;

/** A custom property as the canvas sees it (the page's :root, or a custom element's own). */
function cssVar(el, name, fallback) {
  return getComputedStyle(el).getPropertyValue(name).trim() || fallback;
}

function star(ctx, x, y, r) {
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.45;
    ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
  }
  ctx.closePath();
}

/**
 * canvas: a <canvas> inside a sized container. Callbacks: onStart([x, y], { final }) when the
 * user clicks or drags; onHover({ run, t } | null).
 */
export function createLandscapePlot(canvas, { onStart, onHover } = {}) {
  const ctx = canvas.getContext('2d');
  let grid = null; // { window, nx, ny, values, minimum, fRef }
  let bitmap = null;
  let runs = [];
  let start = null;
  let k = 0;
  let hovered = null;
  let size = { w: 0, h: 0, dpr: 1 };
  let dragging = false;

  const plotBox = () => ({
    x: MARGIN.left, y: MARGIN.top, w: size.w - MARGIN.left - MARGIN.right, h: size.h - MARGIN.top - MARGIN.bottom,
  });
  const sx = () => scaleLinear().domain([grid.window.xMin, grid.window.xMax]).range([plotBox().x, plotBox().x + plotBox().w]);
  const sy = () => scaleLinear().domain([grid.window.yMin, grid.window.yMax]).range([plotBox().y + plotBox().h, plotBox().y]);

  function renderBitmap() {
    if (!grid || size.w === 0) return;
    const box = plotBox();
    const { dpr } = size;
    bitmap = document.createElement('canvas');
    bitmap.width = Math.round(box.w * dpr);
    bitmap.height = Math.round(box.h * dpr);
    const bctx = bitmap.getContext('2d');
    const { log10gap, lo, hi } = gapField(grid.values, grid.fRef);
    const levels = logLevels(lo, hi, LEVELS);
    grid.levels = levels;
    const bands = contourBands(log10gap, grid.nx, grid.ny, levels);
    const w = bitmap.width;
    const h = bitmap.height;
    // d3-contour puts grid point i at i + 0.5; point 0 is xMin, point nx-1 is xMax.
    drawBands(bctx, bands, (gx, gy) => [((gx - 0.5) / (grid.nx - 1)) * w, h - ((gy - 0.5) / (grid.ny - 1)) * h]);
  }

  function resize() {
    const rect = canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(rect.width);
    const h = Math.round(rect.height);
    if (w === 0 || h === 0) return;
    if (w === size.w && h === size.h && dpr === size.dpr) return;
    size = { w, h, dpr };
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    renderBitmap();
    draw();
  }

  function drawAxes(fg, muted) {
    const box = plotBox();
    const x = sx();
    const y = sy();
    ctx.strokeStyle = muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
    ctx.fillStyle = fg;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const t of x.ticks(Math.max(3, Math.floor(box.w / 70)))) {
      const px = Math.round(x(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(px, box.y + box.h); ctx.lineTo(px, box.y + box.h + 5); ctx.stroke();
      ctx.fillText(x.tickFormat()(t).replace('-', '−'), px, box.y + box.h + 7);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const t of y.ticks(Math.max(3, Math.floor(box.h / 60)))) {
      const py = Math.round(y(t)) + 0.5;
      ctx.beginPath(); ctx.moveTo(box.x - 5, py); ctx.lineTo(box.x, py); ctx.stroke();
      ctx.fillText(y.tickFormat()(t).replace('-', '−'), box.x - 8, py);
    }
    ctx.font = 'italic 14px Georgia, "Times New Roman", serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText('x₁', box.x + box.w / 2, size.h - 4);
    ctx.save();
    ctx.translate(14, box.y + box.h / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText('x₂', 0, 0);
    ctx.restore();
  }

  function draw() {
    if (size.w === 0) return;
    const { dpr } = size;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size.w, size.h);
    if (!grid) return;
    const fg = cssVar(canvas, '--fg', '#1b1f24');
    const muted = cssVar(canvas, '--muted', '#4a5360');
    const box = plotBox();
    if (bitmap) ctx.drawImage(bitmap, box.x, box.y, box.w, box.h);
    const x = sx();
    const y = sy();

    ctx.save();
    ctx.beginPath();
    ctx.rect(box.x, box.y, box.w, box.h);
    ctx.clip();
    if (grid.minimum) {
      star(ctx, x(grid.minimum.x[0]), y(grid.minimum.x[1]), 9);
      ctx.fillStyle = '#ffffff';
      ctx.fill();
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 1.5;
      ctx.stroke();
    }
    runs.forEach((run, r) => {
      const { xs } = run.result;
      const last = Math.min(k, run.result.steps);
      ctx.lineJoin = 'round';
      ctx.beginPath();
      for (let t = 0; t <= last; t++) {
        const px = x(xs[2 * t]);
        const py = y(xs[2 * t + 1]);
        if (t === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
      }
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
      ctx.lineWidth = 4.5;
      ctx.stroke();
      ctx.strokeStyle = run.color;
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.fillStyle = run.color;
      const every = last > 400 ? Math.ceil(last / 400) : 1;
      for (let t = 0; t <= last; t += every) {
        ctx.beginPath();
        ctx.arc(x(xs[2 * t]), y(xs[2 * t + 1]), 2.2, 0, 2 * Math.PI);
        ctx.fill();
      }
      // The iterate at step k (or where the run stopped).
      ctx.beginPath();
      ctx.arc(x(xs[2 * last]), y(xs[2 * last + 1]), 5.5, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.5;
      ctx.stroke();
      if (hovered && hovered.run === r) {
        const t = hovered.t;
        ctx.beginPath();
        ctx.arc(x(xs[2 * t]), y(xs[2 * t + 1]), 8, 0, 2 * Math.PI);
        ctx.strokeStyle = '#000000';
        ctx.lineWidth = 2;
        ctx.stroke();
      }
    });
    if (start) {
      const px = x(start[0]);
      const py = y(start[1]);
      ctx.beginPath();
      ctx.arc(px, py, 7, 0, 2 * Math.PI);
      ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fill();
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(px - 3, py); ctx.lineTo(px + 3, py);
      ctx.moveTo(px, py - 3); ctx.lineTo(px, py + 3);
      ctx.stroke();
    }
    ctx.restore();
    drawAxes(fg, muted);
  }

  function dataAt(event) {
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    const box = plotBox();
    const inside = px >= box.x && px <= box.x + box.w && py >= box.y && py <= box.y + box.h;
    return { px, py, inside, point: grid ? [sx().invert(px), sy().invert(py)] : null };
  }

  function nearest(px, py) {
    if (!grid) return null;
    const x = sx();
    const y = sy();
    let best = null;
    let bestD = 10 * 10;
    runs.forEach((run, r) => {
      const last = Math.min(k, run.result.steps);
      for (let t = 0; t <= last; t++) {
        const dx = x(run.result.xs[2 * t]) - px;
        const dy = y(run.result.xs[2 * t + 1]) - py;
        const d = dx * dx + dy * dy;
        if (d < bestD) { bestD = d; best = { run: r, t }; }
      }
    });
    return best;
  }

  const round = (p) => {
    const span = Math.max(grid.window.xMax - grid.window.xMin, grid.window.yMax - grid.window.yMin);
    const digits = Math.max(0, 3 - Math.floor(Math.log10(span)));
    return p.map((v) => Number(v.toFixed(digits)));
  };

  canvas.addEventListener('pointerdown', (event) => {
    const at = dataAt(event);
    if (!at.inside || !grid) return;
    dragging = true;
    canvas.setPointerCapture?.(event.pointerId);
    onStart?.(round(at.point), { final: false });
  });
  canvas.addEventListener('pointermove', (event) => {
    const at = dataAt(event);
    if (dragging && grid) {
      const box = plotBox();
      const px = Math.min(box.x + box.w, Math.max(box.x, at.px));
      const py = Math.min(box.y + box.h, Math.max(box.y, at.py));
      onStart?.(round([sx().invert(px), sy().invert(py)]), { final: false });
      return;
    }
    const hit = at.inside ? nearest(at.px, at.py) : null;
    if (JSON.stringify(hit) !== JSON.stringify(hovered)) {
      hovered = hit;
      draw();
      onHover?.(hit);
    }
    canvas.style.cursor = hit ? 'pointer' : 'crosshair';
  });
  const end = (event) => {
    if (!dragging) return;
    dragging = false;
    canvas.releasePointerCapture?.(event.pointerId);
    onStart?.(null, { final: true });
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('pointerleave', () => {
    if (hovered && !dragging) { hovered = null; draw(); onHover?.(null); }
  });

  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => resize()) : null;
  observer?.observe(canvas);

  return {
    setGrid(next) { grid = next; renderBitmap(); draw(); },
    setRuns(next) { runs = next; hovered = null; draw(); },
    setStep(next) { k = next; draw(); },
    setStart(point) { start = point; draw(); },
    resize,
    /**
     * The plot as drawn now (paths up to step k), rendered afresh at `scale` device pixels per CSS
     * pixel into a new canvas: { canvas, width, height } in output pixels (for the PNG export).
     */
    snapshot(scale = 2) {
      const saved = { size, bitmap };
      try {
        size = { ...size, dpr: scale };
        canvas.width = Math.round(size.w * scale);
        canvas.height = Math.round(size.h * scale);
        renderBitmap();
        draw();
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        copy.getContext('2d').drawImage(canvas, 0, 0);
        return { canvas: copy, width: copy.width, height: copy.height };
      } finally {
        ({ size, bitmap } = saved);
        canvas.width = Math.round(size.w * size.dpr);
        canvas.height = Math.round(size.h * size.dpr);
        draw();
      }
    },
    get levels() { return grid?.levels ?? []; },
    get dragging() { return dragging; },
  };
}
