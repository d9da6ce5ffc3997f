// Small pure helpers for the page bench: percentiles, frame-time summaries, training rates and
// the printed table.

export const FRAME_BUDGET_MS = 1000 / 60;

/** The q-quantile (0..1) of numbers, by linear interpolation; null for none. */
export function quantile(values, q) {
  const a = [...values].sort((x, y) => x - y);
  if (!a.length) return null;
  const pos = (a.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return a[lo] + (a[hi] - a[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

/**
 * Frame times from rAF timestamps within [from, to]: the gaps between consecutive frames.
 * `over16` / `over33` are the shares of gaps longer than 16.7 / 33.3 ms (+0.5 ms for timestamp
 * jitter: a frame that lands on the next vsync is 16.67 ms, not "over"); `dropped` counts the
 * 60 Hz vsyncs that produced no frame.
 */
export function frameStats(timestamps, from, to) {
  const t = timestamps.filter((x) => x >= from && x <= to);
  const gaps = [];
  for (let i = 1; i < t.length; i++) gaps.push(t[i] - t[i - 1]);
  if (!gaps.length) return { frames: 0 };
  const share = (limit) => gaps.filter((g) => g > limit + 0.5).length / gaps.length;
  const dropped = gaps.reduce((n, g) => n + Math.max(0, Math.round(g / FRAME_BUDGET_MS) - 1), 0);
  return {
    frames: gaps.length,
    seconds: (t[t.length - 1] - t[0]) / 1000,
    fps: gaps.length / ((t[t.length - 1] - t[0]) / 1000),
    median: median(gaps),
    p95: quantile(gaps, 0.95),
    p99: quantile(gaps, 0.99),
    max: Math.max(...gaps),
    over16: share(FRAME_BUDGET_MS),
    over33: share(2 * FRAME_BUDGET_MS),
    dropped,
  };
}

/** Epochs per second of each optimizer from the trainRun replies inside [from, to]. */
export function trainingRates(runs, stepsPerEpoch, from, to) {
  const inside = runs.filter((m) => m.t1 >= from && m.t1 <= to && m.result?.steps);
  if (inside.length < 2) return null;
  const first = inside[0];
  const last = inside[inside.length - 1];
  const seconds = (last.t1 - first.t1) / 1000;
  const chunks = inside.slice(1);
  return {
    seconds,
    chunks: chunks.length,
    epochsPerSecond: last.result.steps.map((s, i) => (s - first.result.steps[i]) / stepsPerEpoch / seconds),
    chunkSteps: median(chunks.map((m) => m.steps)),
    chunkWorkerMs: { median: median(chunks.map((m) => m.result.ms)), p95: quantile(chunks.map((m) => m.result.ms), 0.95) },
    chunkRoundTripMs: median(chunks.map((m) => m.t1 - m.t0)),
    // Share of the window the worker spent inside experiment.run (the rest: other requests, messaging, idle).
    workerTrainingShare: chunks.reduce((s, m) => s + m.result.ms, 0) / (seconds * 1000),
  };
}

const pad = (text, n) => String(text).padEnd(n);
export const ms = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(1)} ms`);
export const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL');

/** Rows [what, measured, target, verdict] as an aligned text table. */
export function table(rows) {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => String(r[c]).length)) + 2);
  const line = (r) => `  ${pad(r[0], widths[0])}${pad(r[1], widths[1])}${pad(r[2], widths[2])}${r[3] ?? ''}`;
  return [line(['measure', 'measured', 'target', 'result']), `  ${'-'.repeat(widths[0] + widths[1] + widths[2] + 6)}`, ...rows.map(line)].join('\n');
}
