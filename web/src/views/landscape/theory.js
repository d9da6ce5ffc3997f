// The convergence chart's data, as pure functions (tested in Node): f(x_t) - f* per optimizer
// and the lecture's theory — GD's linear bound on quadratics, reference slopes 1/k and 1/k^2, and
// the gradient-flow and Nesterov-ODE curves — all on one x axis of steps k, ready for a log axis.

/** Gaps below this are drawn at it: a log axis cannot show 0 (reached exactly) or round-off. */
export const LOG_FLOOR = 1e-16;

/** Curvature bounds (alpha, beta) of the quadratic objectives, else null. */
export function quadraticConstants(objective) {
  if (objective?.type === 'quadratic') {
    const o = objective.options ?? {};
    const alpha = o.alpha ?? 1;
    const beta = o.kappa !== undefined ? alpha * o.kappa : (o.beta ?? 10);
    return { alpha, beta };
  }
  // Booth: Hessian 2 [[5, 4], [4, 5]], eigenvalues 2 and 18.
  if (objective?.type === 'booth') return { alpha: 2, beta: 18 };
  return null;
}

/**
 * The f* the gaps are measured from: the known minimum value, else the lowest value on the grid
 * or along any run (so that every gap is >= 0). { value, known }.
 */
export function referenceValue({ minimum, gridMin, runs = [] }) {
  if (minimum && Number.isFinite(minimum.value)) return { value: minimum.value, known: true };
  let lowest = Number.isFinite(gridMin) ? gridMin : Infinity;
  for (const run of runs) for (const v of run.values ?? []) if (Number.isFinite(v) && v < lowest) lowest = v;
  return { value: Number.isFinite(lowest) ? lowest : 0, known: false };
}

/** value - fStar for a log axis: null where not finite, LOG_FLOOR where <= LOG_FLOOR. */
export function gapForLog(value, fStar, floor = LOG_FLOOR) {
  const g = value - fStar;
  if (!Number.isFinite(g)) return null;
  return g > floor ? g : floor;
}

/** (1 - alpha/beta)^t * gap0, t = 0..steps: GD's rate with eta = 1/beta on an alpha-strongly convex, beta-smooth f. */
export function gdBound({ alpha, beta }, gap0, steps) {
  const q = 1 - alpha / beta;
  return Array.from({ length: steps + 1 }, (_, t) => gap0 * q ** t);
}

/** c/k^power for k = 0..steps (null at k = 0), with c = gap0: the curve passes through (1, gap0). */
export function referenceSlope(gap0, steps, power) {
  return Array.from({ length: steps + 1 }, (_, k) => (k === 0 ? null : gap0 / k ** power));
}

/** The flow's time for step k: t = k eta (gradient flow), t = k sqrt(eta) (Nesterov's ODE). */
export function flowTime(kind, eta, k) {
  return kind === 'nesterov' ? k * Math.sqrt(eta) : k * eta;
}

/**
 * Series for the chart. runs: [{ label, color, result: { values, steps, diverged, divergedAt } }];
 * flows: { gradient: { eta, values } | null, nesterov: { eta, values } | null } where values[i]
 * is f at the flow time of step i; logX drops k = 0. Returns { x, series, notes } with series
 * { id, label, values (null = gap), stroke, dash?, kind: 'run'|'theory' }.
 */
export function buildConvergence({ runs, fStar, steps, objective, flows = {}, logX = false, colors = {} }) {
  const x = Array.from({ length: steps + 1 }, (_, k) => k);
  const series = [];
  const notes = [];
  let clamped = false;
  const gap = (v) => {
    const g = gapForLog(v, fStar);
    if (g === LOG_FLOOR && v - fStar < LOG_FLOOR) clamped = true;
    return g;
  };

  runs.forEach((run, i) => {
    const values = x.map((k) => (k < run.result.values.length ? gap(run.result.values[k]) : null));
    series.push({ id: `run-${i}`, label: run.label, values, stroke: run.color, kind: 'run',
      diverged: run.result.diverged, divergedAt: run.result.divergedAt });
  });

  const gap0 = runs.length ? gap(runs[0].result.values[0]) : null;
  const constants = quadraticConstants(objective);
  if (constants && gap0 !== null) {
    series.push({ id: 'bound', label: 'GD bound (1 − α/β)ᵗ·(f(x₀) − f*), η = 1/β', values: gdBound(constants, gap0, steps).map((v) => (v > LOG_FLOOR ? v : LOG_FLOOR)),
      stroke: colors.bound ?? '#444', dash: [6, 4], kind: 'theory' });
  } else {
    notes.push("GD's bound (1 − α/β)ᵗ is drawn on quadratics only (Quadratic, Booth).");
  }
  if (gap0 !== null) {
    series.push({ id: 'slope1', label: 'reference ∝ 1/k', values: referenceSlope(gap0, steps, 1), stroke: colors.slope1 ?? '#888', dash: [2, 4], kind: 'theory' });
    series.push({ id: 'slope2', label: 'reference ∝ 1/k²', values: referenceSlope(gap0, steps, 2), stroke: colors.slope2 ?? '#888', dash: [8, 3, 2, 3], kind: 'theory' });
  }
  for (const [kind, label, missing] of [
    ['gradient', 'gradient flow at t = kη', 'no gradient descent (gd) in the race'],
    ['nesterov', "Nesterov's ODE at t = k√η", 'no nesterovAccelerated in the race'],
  ]) {
    const flow = flows[kind];
    if (!flow) {
      notes.push(`The ${kind === 'gradient' ? 'gradient flow' : "Nesterov ODE"} is not drawn: ${missing}.`);
      continue;
    }
    const values = x.map((k) => (k < flow.values.length ? gap(flow.values[k]) : null));
    series.push({ id: `flow-${kind}`, label: `${label} (η = ${flow.eta})`, values,
      stroke: colors[kind === 'gradient' ? 'flow' : 'ode'] ?? '#000', dash: kind === 'gradient' ? [10, 5] : [3, 3], width: 2.5, kind: 'theory' });
  }
  if (clamped) notes.push(`Gaps at or below ${LOG_FLOOR} (the minimum reached to round-off) are drawn at ${LOG_FLOOR}.`);
  if (logX) return { x: x.slice(1), series: series.map((s) => ({ ...s, values: s.values.slice(1) })), notes };
  return { x, series, notes };
}
