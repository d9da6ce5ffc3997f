// Pure helpers of the Momentum view (tested in Node, tests/web/momentum-model.test.js): the loss
// split along the quadratic's eigenvectors, the map cell under a point, and how a rate reads.

/** The quadratic as the library's `quadratic` objective: A = diag(alpha, beta), no rotation. */
export const quadraticSpec = ({ alpha, beta }) => ({ type: 'quadratic', alpha, beta });

/** The registry's heavy ball (= torch.optim.SGD with momentum). */
export const heavyBallSpec = ({ lr, momentum }) => ({ type: 'heavyBall', lr, momentum });

/**
 * What the log axis shows, as the landscape's convergence chart does (theory.js: LOG_FLOOR): below
 * 1e-16 of f - f* is rounding noise.
 */
export const LOG_MIN = 1e-16;
export const LOG_MAX = 1e16;
const onLogAxis = (v) => (v >= LOG_MIN && v <= LOG_MAX ? v : null);

/**
 * f(x_t) - f* = 1/2 alpha (x1 - x1*)^2 + 1/2 beta (x2 - x2*)^2 with x* = 0, one column per part:
 * { steps: [0..n], slow, fast, total }; values outside the log axis (0, 1e-20, 1e20) are null.
 */
export function eigenComponents(xs, { alpha, beta }) {
  const n = Math.floor(xs.length / 2);
  const steps = [];
  const slow = [];
  const fast = [];
  const total = [];
  for (let t = 0; t < n; t++) {
    const a = 0.5 * alpha * xs[2 * t] ** 2;
    const b = 0.5 * beta * xs[2 * t + 1] ** 2;
    steps.push(t);
    slow.push(onLogAxis(a));
    fast.push(onLogAxis(b));
    total.push(onLogAxis(a + b));
  }
  return { steps, slow, fast, total };
}

/**
 * rate^(2t) (f0): how f - f* shrinks at the asymptotic rate (the error shrinks by rate, f by its
 * square). Only for rates below 1, and within the log axis.
 */
export function rateEnvelope(f0, rate, steps) {
  return steps.map((t) => (rate < 1 ? onLogAxis(f0 * rate ** (2 * t)) : null));
}

/**
 * The map cell nearest to the fractions (u, v) of the map's width (lr from left to right) and
 * height (momentum from bottom to top): { i (momentum row), j (lr column), lr, momentum, rate }.
 */
export function cellAt(map, u, v) {
  const n = map.resolution;
  const clamp = (x) => Math.min(n - 1, Math.max(0, Math.round(x * (n - 1))));
  const j = clamp(u);
  const i = clamp(1 - v);
  return { i, j, lr: map.lrs[j], momentum: map.momenta[i], rate: map.rates[i * n + j] };
}

/** Where (lr, momentum) sits on the map, as fractions of its width and height (from the top). */
export function mapPosition(map, lr, momentum) {
  const lo = (a) => a[0];
  const hi = (a) => a[a.length - 1];
  return {
    u: (lr - lo(map.lrs)) / (hi(map.lrs) - lo(map.lrs)),
    v: 1 - (momentum - lo(map.momenta)) / (hi(map.momenta) - lo(map.momenta)),
  };
}

/** A rate as the view prints it: four decimals, or "diverges" from 1 on. */
export function describeRate(rate) {
  if (!Number.isFinite(rate) || rate >= 1) return `${Number.isFinite(rate) ? rate.toFixed(4) : '∞'} (diverges)`;
  return rate.toFixed(4);
}

/** Steps for the error to shrink tenfold at this rate (null when it does not shrink). */
export function stepsPerDecade(rate) {
  return rate > 0 && rate < 1 ? Math.log(10) / -Math.log(rate) : null;
}
