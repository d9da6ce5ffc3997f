// The flows against their closed forms on quadratics, the convergence rates the lecture states,
// and how a diverging or stiff flow stops.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/spec.hpp"
#include "objectives/objective.hpp"
#include "run/flow.hpp"

namespace descent {
namespace {

std::unique_ptr<Objective> quadratic(const std::vector<double>& eigenvalues) {
  return make_objective(Spec::object({{"type", Spec::string("quadratic")}, {"eigenvalues", Spec::numbers(eigenvalues)}}));
}

Spec flow_options(const std::string& kind, const std::vector<double>& x0, double t_end, double points = 201) {
  return Spec::object({{"kind", Spec::string(kind)},
                       {"x0", Spec::numbers(x0)},
                       {"tEnd", Spec::number(t_end)},
                       {"points", Spec::number(points)}});
}

bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

TEST(Flow, GradientFlowOnADiagonalQuadraticIsExponentialDecay) {
  const auto f = quadratic({1, 10});
  const double x0[2] = {1.5, -0.7}, lambda[2] = {1, 10};
  const FlowResult r = integrate_flow(*f, flow_options("gradient", {x0[0], x0[1]}, 3, 31));
  ASSERT_FALSE(r.stopped_early) << r.reason;
  ASSERT_EQ(r.t.size(), 31u);
  ASSERT_EQ(r.xs.size(), 62u);
  ASSERT_EQ(r.values.size(), 31u);
  EXPECT_EQ(r.t.front(), 0);
  EXPECT_EQ(r.t.back(), 3);
  for (std::size_t k = 0; k < r.t.size(); ++k) {
    EXPECT_NEAR(r.t[k], 0.1 * double(k), 1e-14);
    for (int i = 0; i < 2; ++i) EXPECT_NEAR(r.xs[2 * k + i], x0[i] * std::exp(-lambda[i] * r.t[k]), 1e-7);
    const Vec x = Eigen::Map<const Vec>(&r.xs[2 * k], 2);
    EXPECT_DOUBLE_EQ(r.values[k], f->value(x));
  }
  EXPECT_TRUE(r.reason.empty());
}

TEST(Flow, NesterovOdeOnAOneDimensionalQuadraticIsABesselFunction) {
  for (double lambda : {0.5, 2.0, 30.0}) {
    SCOPED_TRACE(lambda);
    const auto f = quadratic({lambda});
    const double x0 = 1.3;
    const FlowResult r = integrate_flow(*f, flow_options("nesterov", {x0}, 20, 101));
    ASSERT_FALSE(r.stopped_early) << r.reason;
    ASSERT_EQ(r.xs.size(), 101u);
    EXPECT_EQ(r.xs[0], x0);
    for (std::size_t k = 1; k < r.t.size(); ++k) {
      const double s = r.t[k] * std::sqrt(lambda);
      EXPECT_NEAR(r.xs[k], x0 * 2 * std::cyl_bessel_j(1.0, s) / s, 1e-6) << "t = " << r.t[k];
    }
  }
}

// The series start near t = 0 must not disturb short spans either.
TEST(Flow, NesterovOdeOnAShortSpan) {
  const auto f = quadratic({2});
  const FlowResult r = integrate_flow(*f, flow_options("nesterov", {1.0}, 1e-3, 2));
  ASSERT_EQ(r.t.size(), 2u);
  EXPECT_EQ(r.t[1], 1e-3);
  const double s = 1e-3 * std::sqrt(2.0);
  EXPECT_NEAR(r.xs[1], 2 * std::cyl_bessel_j(1.0, s) / s, 1e-12);
}

// Su, Boyd and Candes: f(x(t)) - f* <= 2 |x0 - x*|^2 / t^2 along the ODE, against |x0 - x*|^2 / (2t)
// along gradient flow, on the function that makes first-order methods slow.
TEST(Flow, RatesOnNesterovsWorstCase) {
  const auto f = make_objective(Spec::object({{"type", Spec::string("nesterovWorstCase")}, {"dim", Spec::number(10)}}));
  const auto minimum = f->minimum();
  const Vec x0 = Vec::Zero(10);
  const double r2 = (x0 - minimum->x).squaredNorm();
  std::vector<double> start(10, 0.0);
  const FlowResult gradient = integrate_flow(*f, flow_options("gradient", start, 50, 51));
  const FlowResult nesterov = integrate_flow(*f, flow_options("nesterov", start, 50, 51));
  ASSERT_FALSE(gradient.stopped_early || nesterov.stopped_early);
  for (std::size_t k = 1; k < 51; ++k) {
    const double t = gradient.t[k];
    EXPECT_LE(gradient.values[k] - minimum->value, r2 / (2 * t) + 1e-12);
    EXPECT_LE(nesterov.values[k] - minimum->value, 2 * r2 / (t * t) + 1e-12);
  }
}

std::string error_of(const Objective& f, const Spec& options) {
  try {
    integrate_flow(f, options);
  } catch (const InvalidArgument& e) {
    return e.what();
  }
  return "";
}

testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

TEST(Flow, InvalidOptionsNameTheField) {
  const auto f = quadratic({1, 10});
  const std::string length = error_of(*f, flow_options("gradient", {1, 2, 3}, 1));
  EXPECT_TRUE(contains(length, "'x0' must have length 2"));
  EXPECT_TRUE(contains(length, "got 3"));
  EXPECT_TRUE(contains(error_of(*f, flow_options("gradient", {1, std::nan("")}, 1)), "'x0': entry 1"));
  EXPECT_TRUE(contains(error_of(*f, flow_options("gradient", {1, 2}, 0)), "'tEnd' must be > 0"));
  EXPECT_TRUE(contains(error_of(*f, flow_options("gradient", {1, 2}, -3)), "'tEnd'"));
  EXPECT_TRUE(contains(error_of(*f, flow_options("heavyBall", {1, 2}, 1)), "'kind'"));
  EXPECT_TRUE(contains(error_of(*f, flow_options("gradient", {1, 2}, 1, 1)), "'points'"));
  EXPECT_TRUE(contains(error_of(*f, Spec::object({{"x0", Spec::numbers({1, 2})}, {"tEnd", Spec::number(1)}})),
                       "'kind' is required"));
  const auto big = make_objective(Spec::object({{"type", Spec::string("nesterovWorstCase")}, {"dim", Spec::number(10000)}}));
  EXPECT_TRUE(contains(error_of(*big, flow_options("gradient", std::vector<double>(10000, 0.0), 1, 100000)), "'points'"));
  Spec extra = flow_options("gradient", {1, 2}, 1);
  extra.set("rtol", Spec::number(0));
  EXPECT_TRUE(contains(error_of(*f, extra), "'rtol'"));
  extra.set("rtol", Spec::number(1e-6)).set("eta", Spec::number(0.1));
  EXPECT_TRUE(contains(error_of(*f, extra), "unknown option 'eta'"));
}

TEST(Flow, SaddleFlowStopsEarlyWithFiniteNumbers) {
  const auto f = make_objective(Spec::object({{"type", Spec::string("saddle")}}));
  const Vec start = f->window().start;
  for (const char* kind : {"gradient", "nesterov"}) {
    SCOPED_TRACE(kind);
    const FlowResult r = integrate_flow(*f, flow_options(kind, {start[0], start[1]}, 1000, 1001));
    EXPECT_TRUE(r.stopped_early);
    EXPECT_TRUE(contains(r.reason, "diverged at t = "));
    EXPECT_LT(r.t.size(), 1001u);
    EXPECT_GT(r.t.size(), 1u);
    EXPECT_EQ(r.xs.size(), 2 * r.t.size());
    EXPECT_EQ(r.values.size(), r.t.size());
    EXPECT_TRUE(all_finite(r.t) && all_finite(r.xs) && all_finite(r.values));
  }
}

TEST(Flow, StiffFlowStopsAtTheStepLimit) {
  const auto f = quadratic({1, 1e9});
  const FlowResult r = integrate_flow(*f, flow_options("gradient", {1, 1}, 100, 11));
  EXPECT_TRUE(r.stopped_early);
  EXPECT_TRUE(contains(r.reason, "step limit"));
  EXPECT_TRUE(all_finite(r.xs) && all_finite(r.values));
}

}  // namespace
}  // namespace descent
