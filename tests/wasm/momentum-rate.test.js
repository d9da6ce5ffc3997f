// momentumRateMap: the heavy ball's linear rate on a quadratic with eigenvalues alpha <= beta,
// checked against an independent 2x2 eigenvalue computation here, Polyak's closed-form optimum,
// and the real heavyBall optimizer's runs (minimize), whose error decays at the predicted rate.
import { describe, expect, it } from 'vitest';
import { loadDescent } from './load-module.js';

// Largest |z| over the roots of z^2 - (1 + mu - eta*lambda) z + mu, and over lambda in {alpha, beta}.
function radius(lambda, eta, mu) {
  const b = 1 + mu - eta * lambda;
  const disc = b * b - 4 * mu;
  if (disc < 0) return Math.hypot(b / 2, Math.sqrt(-disc) / 2);
  return Math.max(Math.abs((b + Math.sqrt(disc)) / 2), Math.abs((b - Math.sqrt(disc)) / 2));
}
const rate = (alpha, beta, eta, mu) => Math.max(radius(alpha, eta, mu), radius(beta, eta, mu));

function polyak(alpha, beta) {
  const [sa, sb] = [Math.sqrt(alpha), Math.sqrt(beta)];
  return { lr: 4 / (sa + sb) ** 2, momentum: ((sb - sa) / (sb + sa)) ** 2, rate: (sb - sa) / (sb + sa) };
}

// The rate at one (eta, mu), as the map reports it beside the grid.
function rateAt(d, alpha, beta, lr, momentum) {
  const m = d.momentumRateMap({ alpha, beta, resolution: 2, lr, momentum });
  expect([m.at.lr, m.at.momentum]).toEqual([lr, momentum]);
  return m.at.rate;
}

// Per-step decay of the real optimizer's error: the state norm sqrt(|x_t|^2 + |x_{t-1}|^2), at its
// largest over a window of 60 steps (complex roots make it oscillate), from steps/4 to the end.
// The run is long enough for the error to fall about 1e-80, so the slower modes have died out.
function measuredRate(d, objective, lr, momentum, predicted) {
  const steps = Math.min(5000, Math.ceil(-180 / Math.log(predicted)));
  const run = d.minimize(objective, { type: 'heavyBall', lr, momentum }, { x0: [1, 1], steps });
  expect(run.diverged).toBe(false);
  const norm = (t) => Math.hypot(run.xs[2 * t], run.xs[2 * t + 1], run.xs[2 * t - 2], run.xs[2 * t - 1]);
  const peak = (t) => Math.max(...Array.from({ length: 60 }, (_, k) => norm(t - k)));
  const a = Math.round(steps / 4);
  return Math.exp((Math.log(peak(steps)) - Math.log(peak(a))) / (steps - a));
}

describe('momentumRateMap', async () => {
  const d = await loadDescent();

  it('returns the closed forms: Polyak\'s optimum, GD\'s best step and the lecture\'s 1 - alpha/beta', () => {
    const m = d.momentumRateMap({ alpha: 1, beta: 10 });
    const p = polyak(1, 10);
    expect(m.optimum.lr).toBeCloseTo(p.lr, 14);
    expect(m.optimum.momentum).toBeCloseTo(p.momentum, 14);
    expect(m.optimum.rate).toBeCloseTo(p.rate, 14);
    expect(m.gd).toEqual({ lr: 2 / 11, momentum: 0, rate: 9 / 11 });
    expect(m.lecture).toEqual({ lr: 0.1, momentum: 0, rate: 0.9 });
    expect(m.at).toBe(null);
  });

  it('lays the grid out row-major with the momentum varying slowest', () => {
    const m = d.momentumRateMap({ alpha: 0.5, beta: 4, resolution: 7, etaMin: 0.05, etaMax: 0.9, muMin: 0.1, muMax: 0.95 });
    expect(m.resolution).toBe(7);
    expect(m.lrs).toHaveLength(7);
    expect(m.momenta).toHaveLength(7);
    expect(m.rates).toHaveLength(49);
    expect([m.lrs[0], m.lrs[6], m.momenta[0], m.momenta[6]]).toEqual([0.05, 0.9, 0.1, 0.95]);
    for (let i = 0; i < 7; i++)
      for (let j = 0; j < 7; j++) expect(m.rates[i * 7 + j]).toBeCloseTo(rate(0.5, 4, m.lrs[j], m.momenta[i]), 12);
  });

  it.each([[1, 10], [1, 100], [0.3, 2], [2, 2000]])('puts the best cell next to the closed-form optimum (alpha %s, beta %s)', (alpha, beta) => {
    const m = d.momentumRateMap({ alpha, beta, resolution: 200 });
    const p = polyak(alpha, beta);
    const dLr = m.lrs[1] - m.lrs[0];
    const dMu = m.momenta[1] - m.momenta[0];
    expect(Math.abs(m.best.lr - p.lr)).toBeLessThanOrEqual(dLr);
    // In mu: the first or second grid row at or above mu* (the flat floor narrows to its corner there).
    expect(m.best.momentum).toBeGreaterThanOrEqual(p.momentum);
    expect(m.best.momentum - p.momentum).toBeLessThan(2 * dMu);
    expect(m.best.rate).toBeGreaterThanOrEqual(p.rate - 1e-12);
    expect(m.rates[m.bestIndex]).toBe(m.best.rate);
    expect(Math.min(...m.rates)).toBe(m.best.rate);
  });

  it('has the rate rate* at the closed-form optimum, and max(|1 - eta alpha|, |1 - eta beta|) without momentum', () => {
    for (const beta of [2, 10, 100, 1e4]) {
      const p = polyak(1, beta);
      expect(rateAt(d, 1, beta, p.lr, p.momentum)).toBeCloseTo(p.rate, 7);
    }
    for (const lr of [0.01, 0.1, 0.18, 0.2, 0.3]) expect(rateAt(d, 1, 10, lr, 0)).toBeCloseTo(Math.max(Math.abs(1 - lr), Math.abs(1 - 10 * lr)), 14);
  });

  it('marks divergence with rates >= 1 and keeps them as numbers', () => {
    const m = d.momentumRateMap({ alpha: 1, beta: 10, resolution: 20, etaMax: 0.5 });
    expect(m.rates.every(Number.isFinite)).toBe(true);
    expect(m.rates[m.rates.length - 1]).toBeGreaterThan(1);  // eta = 0.5 > 2(1 + mu)/beta
    expect(m.rates[0]).toBe(1);                               // eta = 0, mu = 0: nothing moves
  });

  it.each([[0.1, 0.2], [0.19, 0.6], [0.15, 0], [0.05, 0.9], [0.2, 0.3], [null, null]])(
    'the real heavyBall decays at the predicted rate (lr %s, momentum %s; null: the optimum), rotated or not',
    (lr, momentum) => {
      const p = polyak(1, 10);
      const [eta, mu] = lr === null ? [p.lr, p.momentum] : [lr, momentum];
      const predicted = rateAt(d, 1, 10, eta, mu);
      for (const rotation of [0, 30]) {
        const measured = measuredRate(d, { type: 'quadratic', alpha: 1, beta: 10, rotation }, eta, mu, predicted);
        expect(Math.abs(Math.log(measured) / Math.log(predicted) - 1)).toBeLessThan(0.03);
      }
    });

  it('finds the best momentum at eta* by running the optimizer: the closed-form mu*', () => {
    const p = polyak(1, 10);
    // Below mu = 0.155 the step eta* = 0.23 is too long for beta = 10 without momentum's help: it diverges.
    const momenta = Array.from({ length: 31 }, (_, i) => 0.16 + i * 0.01);
    const measured = momenta.map((mu) => measuredRate(d, { type: 'quadratic', alpha: 1, beta: 10 }, p.lr, mu, rateAt(d, 1, 10, p.lr, mu)));
    const best = momenta[measured.indexOf(Math.min(...measured))];
    expect(Math.abs(best - p.momentum)).toBeLessThanOrEqual(0.01);
  });
});
