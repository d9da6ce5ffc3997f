// The heavy ball's rate on quadratics: the 2x2 spectral radius against hand-worked cases, Polyak's
// closed-form optimum against the map over (eta, mu), and the real optimizer's error decaying at
// the predicted rate; the option checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "run/minimize.hpp"
#include "run/momentum_rate.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using test::nums;
using test::num;
using test::obj;
using test::str;

Spec map_options(double alpha, double beta, double resolution) {
  return obj({{"alpha", num(alpha)}, {"beta", num(beta)}, {"resolution", num(resolution)}});
}

TEST(MomentumRate, WithoutMomentumIsPlainGradientDescentsContraction) {
  for (double eta : {0.01, 0.1, 0.18, 0.2, 0.25}) {
    const double expected = std::max(std::abs(1 - eta * 1), std::abs(1 - eta * 10));
    EXPECT_NEAR(heavy_ball_rate(1, 10, eta, 0), expected, 1e-15) << "eta = " << eta;
  }
}

TEST(MomentumRate, ComplexRootsHaveModulusSqrtMu) {
  // 1 + mu - eta*lambda = 1 gives z^2 - z + 0.5: roots (1 +- i)/2, modulus sqrt(0.5).
  EXPECT_NEAR(heavy_ball_radius(2, 0.25, 0.5), std::sqrt(0.5), 1e-15);
  // Real roots: z^2 - 1.1 z + 0.2 = 0 has roots 0.55 +- sqrt(0.1025).
  EXPECT_NEAR(heavy_ball_radius(1, 0.1, 0.2), 0.55 + std::sqrt(0.1025), 1e-15);
  // Negative trace: z^2 + 0.5 z + 0.04, roots -0.1 and -0.4.
  EXPECT_NEAR(heavy_ball_radius(10, 0.154, 0.04), 0.4, 1e-12);
}

TEST(MomentumRate, ClosedFormOptimumAttainsItsRate) {
  for (double beta : {1.0, 2.0, 10.0, 100.0, 1e4}) {
    const StepAndRate opt = polyak_optimum(1, beta);
    EXPECT_NEAR(heavy_ball_rate(1, beta, opt.eta, opt.mu), opt.rate, 1e-7) << "beta = " << beta;
    EXPECT_NEAR(opt.rate * opt.rate, opt.mu, 1e-15);
  }
  const StepAndRate gd = gd_optimum(1, 10), lecture = lecture_gd(1, 10);
  EXPECT_NEAR(heavy_ball_rate(1, 10, gd.eta, 0), 9.0 / 11, 1e-15);
  EXPECT_NEAR(gd.rate, 9.0 / 11, 1e-15);
  EXPECT_NEAR(heavy_ball_rate(1, 10, lecture.eta, 0), 0.9, 1e-15);
  EXPECT_NEAR(lecture.rate, 0.9, 1e-15);
}

// The map's best cell lies next to (eta*, mu*): within one cell in eta, and in mu one of the first
// two grid rows at or above mu* (the floor's wedge narrows to its corner, so the row just above
// mu* may have no grid point inside it). Nothing on the grid beats the closed form.
TEST(MomentumRate, MapsBestCellIsNextToTheClosedFormOptimum) {
  for (double beta : {2.0, 10.0, 100.0, 1000.0})
    for (double resolution : {51.0, 100.0, 101.0, 400.0}) {
      const MomentumRateMap m = momentum_rate_map(map_options(1, beta, resolution));
      const double d_eta = m.etas[1] - m.etas[0], d_mu = m.mus[1] - m.mus[0];
      SCOPED_TRACE("beta = " + std::to_string(beta) + ", resolution = " + std::to_string(resolution));
      EXPECT_LE(std::abs(m.best.eta - m.optimum.eta), d_eta);
      EXPECT_GE(m.best.mu, m.optimum.mu);
      EXPECT_LT(m.best.mu - m.optimum.mu, 2 * d_mu);
      EXPECT_GE(m.best.rate, m.optimum.rate - 1e-12);
      EXPECT_EQ(m.rates[m.best_index], m.best.rate);
      for (double r : m.rates) EXPECT_GE(r, m.best.rate);
    }
}

TEST(MomentumRate, MapIsRowMajorWithMomentumSlowest) {
  const Spec o = obj({{"alpha", num(1)}, {"beta", num(4)}, {"resolution", num(3)}, {"etaMin", num(0.1)},
                      {"etaMax", num(0.5)}, {"muMin", num(0.2)}, {"muMax", num(0.6)}});
  const MomentumRateMap m = momentum_rate_map(o);
  ASSERT_EQ(m.rates.size(), 9u);
  EXPECT_EQ(m.etas, (std::vector<double>{0.1, 0.30000000000000004, 0.5}));
  EXPECT_EQ(m.mus, (std::vector<double>{0.2, 0.4, 0.6}));
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) EXPECT_EQ(m.rates[i * 3 + j], heavy_ball_rate(1, 4, m.etas[j], m.mus[i]));
  // The default step range ends at 4/beta, past which every momentum < 1 diverges.
  const MomentumRateMap d = momentum_rate_map(map_options(1, 8, 10));
  EXPECT_EQ(d.etas.front(), 0);
  EXPECT_EQ(d.etas.back(), 0.5);
  EXPECT_EQ(d.mus.back(), 0.99);
  EXPECT_GE(d.rates[9], 1);  // eta = 0 never moves
  EXPECT_FALSE(d.at.has_value());
}

TEST(MomentumRate, ReportsTheRateAtAGivenPoint) {
  const MomentumRateMap m = momentum_rate_map(
      obj({{"alpha", num(1)}, {"beta", num(10)}, {"resolution", num(2)}, {"lr", num(0.1)}, {"momentum", num(0.2)}}));
  ASSERT_TRUE(m.at.has_value());
  EXPECT_EQ(m.at->eta, 0.1);
  EXPECT_EQ(m.at->mu, 0.2);
  EXPECT_EQ(m.at->rate, heavy_ball_rate(1, 10, 0.1, 0.2));
  const MomentumRateMap gd = momentum_rate_map(obj({{"alpha", num(1)}, {"beta", num(10)}, {"lr", num(0.1)}}));
  EXPECT_NEAR(gd.at->rate, 0.9, 1e-15);
}

// |x_t| of the real heavyBall on the quadratic decays like rate^t: the log-slope from steps/4 to
// the end of a run long enough for the error to fall about 1e-80. The state's norm
// sqrt(|x_t|^2 + |x_{t-1}|^2) is used, at its largest over 60 steps, since complex roots make it
// oscillate.
double measured_rate(double eta, double mu, double predicted) {
  const long long steps = std::min(5000LL, static_cast<long long>(std::ceil(-180 / std::log(predicted))));
  const Spec f = obj({{"type", str("quadratic")}, {"eigenvalues", nums({1, 10})}});
  const Spec opt = obj({{"type", str("heavyBall")}, {"lr", num(eta)}, {"momentum", num(mu)}});
  const RunResult r =
      minimize(f, opt, obj({{"x0", nums({1, 1})}, {"steps", num(static_cast<double>(steps))}}));
  EXPECT_FALSE(r.diverged) << r.reason;
  auto peak = [&](long long t) {
    double best = 0;
    for (long long end = t; end > t - 60; --end) {
      double s = 0;
      for (long long k : {end, end - 1})
        for (int i = 0; i < 2; ++i) s += r.xs[2 * k + i] * r.xs[2 * k + i];
      best = std::max(best, std::sqrt(s));
    }
    return best;
  };
  const long long a = steps / 4;
  return std::exp((std::log(peak(steps)) - std::log(peak(a))) / static_cast<double>(steps - a));
}

TEST(MomentumRate, HeavyBallErrorDecaysAtThePredictedRate) {
  struct Case { double eta, mu; };
  for (const Case c : {Case{0.1, 0.2}, Case{0.19, 0.6}, Case{0.15, 0.0}, Case{0.05, 0.9}, Case{0.2, 0.3}}) {
    const double predicted = heavy_ball_rate(1, 10, c.eta, c.mu);
    const double measured = measured_rate(c.eta, c.mu, predicted);
    EXPECT_NEAR(std::log(measured) / std::log(predicted), 1, 0.03) << "eta = " << c.eta << ", mu = " << c.mu
                                                                  << ": measured " << measured << ", predicted "
                                                                  << predicted;
  }
}

TEST(MomentumRate, RejectsBadOptions) {
  auto map = [](std::vector<Spec::Field> fields) { return momentum_rate_map(obj(std::move(fields))); };
  EXPECT_THROW_WITH(map({{"beta", num(10)}}), "momentumRateMap: option 'alpha' is required");
  EXPECT_THROW_WITH(map({{"alpha", num(0)}, {"beta", num(10)}}), "momentumRateMap: option 'alpha' must be > 0, got 0");
  EXPECT_THROW_WITH(map({{"alpha", num(2)}, {"beta", num(1)}}),
                    "momentumRateMap: option 'beta' must be >= option 'alpha' (2), got 1");
  EXPECT_THROW_WITH(map({{"alpha", num(1)}, {"beta", num(2)}, {"resolution", num(1)}}),
                    "momentumRateMap: option 'resolution' must be in [2, 400], got 1");
  EXPECT_THROW_WITH(map({{"alpha", num(1)}, {"beta", num(2)}, {"resolution", num(401)}}), "in [2, 400], got 401");
  EXPECT_THROW_WITH(map({{"alpha", num(1)}, {"beta", num(2)}, {"etaMin", num(3)}}),
                    "momentumRateMap: option 'etaMin' (3) must be below 'etaMax' (2, its default 4/beta)");
  EXPECT_THROW_WITH(map({{"alpha", num(1)}, {"beta", num(2)}, {"muMax", num(1)}}),
                    "momentumRateMap: option 'muMax' must be in [0, 1), got 1");
  EXPECT_THROW_WITH(map({{"alpha", num(1)}, {"beta", num(2)}, {"muMin", num(0.5)}, {"muMax", num(0.5)}}),
                    "momentumRateMap: option 'muMin' (0.5) must be below 'muMax' (0.5)");
  EXPECT_THROW_WITH(map({{"alpha", num(1)}, {"beta", num(2)}, {"eta", num(0.1)}}),
                    "momentumRateMap: unknown option 'eta'");
  EXPECT_THROW_WITH(map({{"alpha", num(1)}, {"beta", num(2)}, {"momentum", num(0.5)}}),
                    "momentumRateMap: option 'momentum' needs option 'lr'");
  EXPECT_THROW_WITH(momentum_rate_map(num(3)), "momentumRateMap's argument must be an object, got 3");
}

}  // namespace
}  // namespace descent
