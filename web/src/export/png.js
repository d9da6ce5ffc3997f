// PNG export of the views' figures (the train charts and maps, the landscape's contour plot and
// convergence chart): a canvas (uPlot's, the plot's) or small multiples composited on white with
// a title and the legend text the page shows beside them in HTML, then canvas.toBlob. Needs a page
// (canvas); the layout arithmetic is small enough to read.

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const FG = '#1b1f24';
const MUTED = '#4a5360';

function blobOf(canvas) {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made'))), 'image/png');
  });
}

/** Lays out legend entries in rows across `width`; returns [{ entry, x, y }] and the height used. */
function layoutLegend(ctx, entries, width, { x0, y0, lineHeight, swatch }) {
  const placed = [];
  let x = x0;
  let y = y0;
  for (const entry of entries) {
    const w = swatch + 8 + ctx.measureText(entry.label).width + 22;
    if (x > x0 && x + w > width - x0) { x = x0; y += lineHeight; }
    placed.push({ entry, x, y });
    x += w;
  }
  return { placed, height: entries.length ? y - y0 + lineHeight : 0 };
}

function drawLegend(ctx, placed, { swatch, lineHeight }) {
  for (const { entry, x, y } of placed) {
    const mid = y + lineHeight / 2;
    ctx.save();
    if (entry.shape === 'dot' || entry.shape === 'ring') {
      const r = swatch / 5;
      ctx.beginPath();
      ctx.arc(x + swatch / 4, mid, r, 0, 2 * Math.PI);
      ctx.lineWidth = entry.shape === 'ring' ? r * 0.9 : Math.max(1, r * 0.4);
      ctx.strokeStyle = 'rgba(20, 24, 30, 0.9)';
      if (entry.shape === 'dot') { ctx.fillStyle = entry.color; ctx.fill(); }
      ctx.stroke();
      if (entry.shape === 'ring') { ctx.lineWidth = r * 0.45; ctx.strokeStyle = entry.color; ctx.stroke(); }
    } else if (entry.line) {
      ctx.strokeStyle = entry.color;
      ctx.lineWidth = 3;
      if (entry.dash) ctx.setLineDash([7, 5]);
      ctx.beginPath();
      ctx.moveTo(x, mid);
      ctx.lineTo(x + swatch, mid);
      ctx.stroke();
    } else {
      ctx.fillStyle = entry.color;
      ctx.fillRect(x, mid - swatch / 4, swatch / 2, swatch / 2);
    }
    ctx.restore();
    ctx.fillStyle = entry.muted ? MUTED : FG;
    ctx.fillText(entry.label, x + (entry.line ? swatch : swatch / 2) + 8, mid);
  }
}

/**
 * A figure on white: `title`, then `draw(ctx, x, y)` filling `bodyWidth` x `bodyHeight` (in output
 * pixels at `scale`), then legend entries [{ label, color, line?, dash?, muted? }]. Returns a Blob.
 */
export async function composeFigure({ title, bodyWidth, bodyHeight, draw, legend = [], scale = 2 }) {
  const pad = 14 * scale;
  const titleSize = 15 * scale;
  const textSize = 13 * scale;
  const lineHeight = 22 * scale;
  const swatch = 26 * scale;
  const width = Math.max(bodyWidth + 2 * pad, 360 * scale);
  const measure = document.createElement('canvas').getContext('2d');
  measure.font = `${textSize}px ${FONT}`;
  const { height: legendHeight } = layoutLegend(measure, legend, width, { x0: pad, y0: 0, lineHeight, swatch });
  const titleHeight = title ? titleSize + pad : 0;
  const height = pad + titleHeight + bodyHeight + (legendHeight ? pad / 2 + legendHeight : 0) + pad;

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width);
  canvas.height = Math.ceil(height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'middle';
  if (title) {
    ctx.fillStyle = FG;
    ctx.font = `600 ${titleSize}px ${FONT}`;
    ctx.fillText(title, pad, pad + titleSize / 2);
  }
  const bodyY = pad + titleHeight;
  draw(ctx, (width - bodyWidth) / 2, bodyY);
  if (legendHeight) {
    ctx.font = `${textSize}px ${FONT}`;
    ctx.textBaseline = 'middle';
    const { placed } = layoutLegend(ctx, legend, width, { x0: pad, y0: bodyY + bodyHeight + pad / 2, lineHeight, swatch });
    drawLegend(ctx, placed, { swatch, lineHeight });
  }
  return blobOf(canvas);
}

/**
 * A chart as a PNG with its title and legend. image: { canvas, width, height } (train-chart.js's
 * render(scale): the chart drawn at `scale` times its page size; width and height in output pixels).
 */
export function chartPng(image, { title, legend, scale = 2 }) {
  return composeFigure({
    title,
    legend,
    scale,
    bodyWidth: image.width,
    bodyHeight: image.height,
    draw: (ctx, x, y) => {
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(image.canvas, x, y, image.width, image.height);
    },
  });
}

/**
 * Small multiples as one PNG: `tiles` [{ canvas, label, color }] in a grid of `columns`, each with
 * a coloured frame and its label under it; legend entries (the class key) below.
 */
export function tilesPng(tiles, { title, legend = [], columns = 4, tile = 220, scale = 2 }) {
  const t = tile * scale;
  const gap = 16 * scale;
  const labelHeight = 34 * scale;
  const cols = Math.max(1, Math.min(columns, tiles.length));
  const rows = Math.ceil(tiles.length / cols);
  const bodyWidth = cols * t + (cols - 1) * gap;
  const bodyHeight = rows * (t + labelHeight) + (rows - 1) * gap;
  return composeFigure({
    title,
    legend,
    scale,
    bodyWidth,
    bodyHeight,
    draw: (ctx, x0, y0) => {
      tiles.forEach((item, k) => {
        const x = x0 + (k % cols) * (t + gap);
        const y = y0 + Math.floor(k / cols) * (t + labelHeight + gap);
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(item.canvas, x, y, t, t);
        ctx.strokeStyle = item.color;
        ctx.lineWidth = 3 * scale;
        ctx.strokeRect(x + 1.5 * scale, y + 1.5 * scale, t - 3 * scale, t - 3 * scale);
        ctx.fillStyle = FG;
        ctx.font = `${12 * scale}px ${FONT}`;
        ctx.textBaseline = 'top';
        const words = String(item.label).split(' ');
        let line = '';
        let lineY = y + t + 5 * scale;
        for (const word of words) {
          const next = line ? `${line} ${word}` : word;
          if (line && ctx.measureText(next).width > t) {
            ctx.fillText(line, x, lineY);
            line = word;
            lineY += 14 * scale;
            if (lineY > y + t + labelHeight - 12 * scale) break;
          } else {
            line = next;
          }
        }
        if (line && lineY <= y + t + labelHeight - 12 * scale) ctx.fillText(line, x, lineY);
        ctx.textBaseline = 'middle';
      });
    },
  });
}
