// How fast the heavy ball x_{t+1} = x_t - eta grad f(x_t) + mu (x_t - x_{t-1}) (the registry's
// `heavyBall`, PyTorch's SGD with momentum) converges on f(x) = 1/2 sum_i lambda_i x_i^2 with every
// lambda_i in [alpha, beta]: along each eigenvector the error obeys a 2x2 linear recurrence, and
// the asymptotic linear rate is the largest spectral radius of those matrices. Exact closed forms,
// plus a map of the rate over a grid of (eta, mu) for the page.
#pragma once

#include <optional>
#include <vector>

#include "core/spec.hpp"

namespace descent {

// Spectral radius of [[1 + mu - eta*lambda, -mu], [1, 0]], from its characteristic polynomial
// z^2 - (1 + mu - eta*lambda) z + mu (complex roots included).
double heavy_ball_radius(double lambda, double eta, double mu);

// The rate on the whole spectrum [alpha, beta]: the radius grows with |1 + mu - eta*lambda|, which
// is convex in lambda, so the worst eigenvalue is alpha or beta. A rate >= 1 means divergence.
double heavy_ball_rate(double alpha, double beta, double eta, double mu);

struct StepAndRate {
  double eta = 0, mu = 0, rate = 0;
};

// Polyak's optimum: eta* = 4/(sqrt(alpha)+sqrt(beta))^2, mu* = ((sqrt(beta)-sqrt(alpha))/(sqrt(beta)+sqrt(alpha)))^2,
// rate* = (sqrt(beta)-sqrt(alpha))/(sqrt(beta)+sqrt(alpha)).
StepAndRate polyak_optimum(double alpha, double beta);
// Plain GD's best step: eta = 2/(alpha+beta), mu = 0, rate (beta-alpha)/(beta+alpha).
StepAndRate gd_optimum(double alpha, double beta);
// The lecture's GD with eta = 1/beta: rate 1 - alpha/beta (its bound on f(x^T) - f* uses it).
StepAndRate lecture_gd(double alpha, double beta);

struct MomentumRateMap {
  double alpha = 0, beta = 0;
  int resolution = 0;
  std::vector<double> etas;   // resolution values, etaMin to etaMax inclusive, evenly spaced
  std::vector<double> mus;    // resolution values, muMin to muMax inclusive
  // resolution x resolution, row-major with mu varying slowest: rates[i_mu * resolution + i_eta]
  std::vector<double> rates;
  int best_index = 0;         // the smallest rate (of equal ones, the last: the largest step)
  StepAndRate best;
  StepAndRate optimum, gd, lecture;
  std::optional<StepAndRate> at;  // the rate at the options' (lr, momentum), when given
};

// options: {alpha (required), beta (required, >= alpha), resolution = 100 (2..400),
//           etaMin = 0, etaMax (default 4/beta: past it every mu diverges), muMin = 0, muMax = 0.99,
//           lr?, momentum? (one point whose rate to report too; momentum defaults to 0)}.
MomentumRateMap momentum_rate_map(const Spec& options);

}  // namespace descent
