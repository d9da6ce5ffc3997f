// The data points of a decision map, drawn into a transparent layer of their own. The points and
// their colours stay the same for a whole run (classification) while the map under them is
// redrawn a few times a second, so the layer is drawn once and only composited afterwards.

/** True when two point lists hold the same data sets (the same arrays, the same markers). */
function samePoints(a, b) {
  return a.length === b.length && a.every((set, i) => set.x === b[i].x && set.y === b[i].y && Boolean(set.hollow) === Boolean(b[i].hollow));
}

/**
 * The layer for these points: `previous` as it is when nothing changed, else redrawn (its canvas
 * reused). `colorOf(y)` is a point's CSS colour; `key` names anything else that changes colours
 * (the value range of a regression map). Returns { canvas, drawn, ... } (drawn: the points inside
 * the window).
 */
export function drawPointsLayer(previous, { points, grid, resolution, size, radius, colorOf, key = '' }) {
  const bounds = `${grid.xMin},${grid.xMax},${grid.yMin},${grid.yMax},${resolution},${size},${radius},${key}`;
  if (previous && previous.bounds === bounds && samePoints(previous.points, points)) return previous;
  const canvas = previous?.canvas ?? document.createElement('canvas');
  canvas.width = size; // also clears it
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  const r = resolution;
  const cell = size / r;
  let drawn = 0;
  ctx.lineJoin = 'round';
  // Training points under the test points, so the rings stay visible.
  for (const set of [...points].sort((a, b) => Number(Boolean(a.hollow)) - Number(Boolean(b.hollow)))) {
    const n = Math.min(Math.floor(set.x.length / 2), set.y.length);
    for (let i = 0; i < n; i++) {
      const px = (((set.x[2 * i] - grid.xMin) / (grid.xMax - grid.xMin)) * (r - 1) + 0.5) * cell;
      const py = size - (((set.x[2 * i + 1] - grid.yMin) / (grid.yMax - grid.yMin)) * (r - 1) + 0.5) * cell;
      if (!(px >= -radius && px <= size + radius && py >= -radius && py <= size + radius)) continue;
      const color = colorOf(set.y[i]);
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
  return { canvas, drawn, bounds, points: points.map((set) => ({ x: set.x, y: set.y, hollow: set.hollow })) };
}
