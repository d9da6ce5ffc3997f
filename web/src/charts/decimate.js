// Fewer points for a line chart whose x axis has far more points than pixels: the view's curves
// grow by hundreds of epochs a second, and a canvas without a GPU strokes every segment, so
// redrawing thousands of overlapping segments per curve costs tens of milliseconds. Each bucket
// of consecutive x values becomes two points carrying every series' minimum and maximum in the
// order they occur (the envelope a pixel column would show anyway); the last point is kept as
// it is, so each curve still ends at its latest value. Pure, tested in Node
// (tests/web/decimate.test.js).

/**
 * columns: [x, y1, y2, ...] (uPlot's aligned data; y values may be null for gaps). Returns the
 * columns unchanged when x has at most maxPoints values, else new columns with at most
 * maxPoints + 1 values.
 */
export function decimate(columns, maxPoints) {
  const [x, ...ys] = columns;
  const n = x.length;
  if (!(maxPoints >= 4) || n <= maxPoints) return columns;
  const buckets = Math.floor(maxPoints / 2);
  const body = n - 1; // the last point is appended as it is
  const outX = new Array(2 * buckets + 1);
  const outYs = ys.map(() => new Array(2 * buckets + 1));
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * body) / buckets);
    const to = Math.floor(((b + 1) * body) / buckets); // [from, to), never empty: buckets <= body
    outX[2 * b] = x[from];
    outX[2 * b + 1] = x[to - 1];
    ys.forEach((y, s) => {
      let lo = -1;
      let hi = -1;
      for (let i = from; i < to; i++) {
        const v = y[i];
        if (v == null) continue;
        if (lo < 0 || v < y[lo]) lo = i;
        if (hi < 0 || v > y[hi]) hi = i;
      }
      const first = lo <= hi ? lo : hi;
      const second = lo <= hi ? hi : lo;
      outYs[s][2 * b] = first < 0 ? null : y[first];
      outYs[s][2 * b + 1] = second < 0 ? null : y[second];
    });
  }
  outX[2 * buckets] = x[n - 1];
  ys.forEach((y, s) => { outYs[s][2 * buckets] = y[n - 1] ?? null; });
  return [outX, ...outYs];
}
