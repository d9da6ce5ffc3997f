#include "run/momentum_rate.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/params.hpp"

namespace descent {
namespace {

const char* const kContext = "momentumRateMap";

const std::vector<ParamSpec>& rate_map_options() {
  static const std::vector<ParamSpec> table = {
      param::number("alpha", 0).above(0).required().symbol("\\alpha").help("smallest eigenvalue"),
      param::number("beta", 0).above(0).required().symbol("\\beta").help("largest eigenvalue, >= alpha"),
      param::integer("resolution", 100).at_least(2).at_most(400).help("grid points per axis"),
      param::number("etaMin", 0).at_least(0).symbol("\\eta").help("smallest step size on the grid"),
      param::number("etaMax", 0).above(0).optional().symbol("\\eta").help(
          "largest step size on the grid; default 4/beta, past which every momentum diverges"),
      param::number("muMin", 0).at_least(0).below(1).symbol("\\mu").help("smallest momentum on the grid"),
      param::number("muMax", 0.99).at_least(0).below(1).symbol("\\mu").help("largest momentum on the grid"),
      param::number("lr", 0).above(0).optional().symbol("\\eta").help("a step size whose rate to report as well"),
      param::number("momentum", 0).at_least(0).below(1).optional().symbol("\\mu").help(
          "its momentum (default 0)"),
  };
  return table;
}

// n evenly spaced values from lo to hi, both included exactly.
std::vector<double> grid(double lo, double hi, int n) {
  std::vector<double> v(n);
  for (int i = 0; i < n; ++i) v[i] = lo + (hi - lo) * i / (n - 1);
  v[n - 1] = hi;
  return v;
}

}  // namespace

double heavy_ball_radius(double lambda, double eta, double mu) {
  const double b = 1 + mu - eta * lambda;  // the trace; mu is the determinant
  const double disc = b * b - 4 * mu;
  if (disc < 0) return std::sqrt(mu);       // complex pair: |z|^2 = z * conj(z) = mu
  return (std::abs(b) + std::sqrt(disc)) / 2;  // the root of larger magnitude, no cancellation
}

double heavy_ball_rate(double alpha, double beta, double eta, double mu) {
  return std::max(heavy_ball_radius(alpha, eta, mu), heavy_ball_radius(beta, eta, mu));
}

StepAndRate polyak_optimum(double alpha, double beta) {
  const double sa = std::sqrt(alpha), sb = std::sqrt(beta);
  const double q = (sb - sa) / (sb + sa);
  return {4 / ((sa + sb) * (sa + sb)), q * q, q};
}

StepAndRate gd_optimum(double alpha, double beta) { return {2 / (alpha + beta), 0, (beta - alpha) / (beta + alpha)}; }

StepAndRate lecture_gd(double alpha, double beta) { return {1 / beta, 0, 1 - alpha / beta}; }

MomentumRateMap momentum_rate_map(const Spec& options) {
  require_object(options, std::string(kContext) + "'s argument");
  const Params p = read_params(options, rate_map_options(), kContext, {});
  const double alpha = p.number("alpha"), beta = p.number("beta");
  if (beta < alpha)
    fail(std::string(kContext) + ": option 'beta' must be >= option 'alpha' (" + format_number(alpha) + "), got " +
         format_number(beta));
  const double eta_min = p.number("etaMin"), eta_max = p.has("etaMax") ? p.number("etaMax") : 4 / beta;
  if (!(eta_min < eta_max))
    fail(std::string(kContext) + ": option 'etaMin' (" + format_number(eta_min) + ") must be below 'etaMax' (" +
         format_number(eta_max) + (p.has("etaMax") ? ")" : ", its default 4/beta)"));
  const double mu_min = p.number("muMin"), mu_max = p.number("muMax");
  if (!(mu_min < mu_max))
    fail(std::string(kContext) + ": option 'muMin' (" + format_number(mu_min) + ") must be below 'muMax' (" +
         format_number(mu_max) + ")");

  MomentumRateMap m;
  m.alpha = alpha;
  m.beta = beta;
  m.resolution = static_cast<int>(p.integer("resolution"));
  const int n = m.resolution;
  m.etas = grid(eta_min, eta_max, n);
  m.mus = grid(mu_min, mu_max, n);
  m.rates.resize(static_cast<std::size_t>(n) * n);
  // Near the optimum the rate has a flat floor, sqrt(mu), over a wedge of step sizes whose corner
  // is (eta*, mu*); ties go to the later cell, the larger step, which is the wedge's side nearer
  // the corner (its other side runs off to small steps as mu grows).
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const int k = i * n + j;
      m.rates[k] = heavy_ball_rate(alpha, beta, m.etas[j], m.mus[i]);
      if (m.rates[k] <= m.rates[m.best_index]) m.best_index = k;
    }
  m.best = {m.etas[m.best_index % n], m.mus[m.best_index / n], m.rates[m.best_index]};
  if (p.has("momentum") && !p.has("lr"))
    fail(std::string(kContext) + ": option 'momentum' needs option 'lr' (the rate at one point needs both)");
  if (p.has("lr")) {
    const double eta = p.number("lr"), mu = p.has("momentum") ? p.number("momentum") : 0;
    m.at = StepAndRate{eta, mu, heavy_ball_rate(alpha, beta, eta, mu)};
  }
  m.optimum = polyak_optimum(alpha, beta);
  m.gd = gd_optimum(alpha, beta);
  m.lecture = lecture_gd(alpha, beta);
  return m;
}

}  // namespace descent
