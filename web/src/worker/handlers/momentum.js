// Handler for the Momentum view: the heavy ball's rate map over (lr, momentum) on a quadratic with
// eigenvalues alpha <= beta, computed in C++ (momentumRateMap). The run itself and the contours go
// through the landscape's `minimize` and `landscapeGrid`. Arrays come back as copies.

const stepAndRate = (s) => (s ? { lr: s.lr, momentum: s.momentum, rate: s.rate } : null);

export const momentumHandlers = {
  /**
   * { alpha, beta, resolution?, etaMin?, etaMax?, muMin?, muMax?, lr?, momentum? } -> { alpha, beta,
   * resolution, lrs, momenta, rates (row-major, momentum slowest), bestIndex, best, optimum, gd,
   * lecture, at }. The library checks every option and names the one that is wrong.
   */
  momentumRateMap(descent, request) {
    const options = {};
    for (const key of ['alpha', 'beta', 'resolution', 'etaMin', 'etaMax', 'muMin', 'muMax', 'lr', 'momentum']) {
      if (request[key] !== undefined) options[key] = request[key];
    }
    const m = descent.momentumRateMap(options);
    return {
      alpha: m.alpha,
      beta: m.beta,
      resolution: m.resolution,
      lrs: Float64Array.from(m.lrs),
      momenta: Float64Array.from(m.momenta),
      rates: Float64Array.from(m.rates),
      bestIndex: m.bestIndex,
      best: stepAndRate(m.best),
      optimum: stepAndRate(m.optimum),
      gd: stepAndRate(m.gd),
      lecture: stepAndRate(m.lecture),
      at: stepAndRate(m.at),
    };
  },
};
