// minimize(): whole runs against hand-computed iterates on f = 1/2 (x^2 + 10 y^2), the lecture's
// gradient-descent bound, how a diverging run stops, early stopping, what is recorded, and the
// option checks.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "objectives/objective.hpp"
#include "optim/registry.hpp"
#include "run/minimize.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using test::boolean;
using test::nums;
using test::num;
using test::obj;
using test::str;

// f(x, y) = 1/2 (x^2 + 10 y^2): alpha = 1, beta = 10, no rotation, start (-1.5, 1).
Spec quadratic() { return obj({{"type", str("quadratic")}, {"alpha", num(1)}, {"beta", num(10)}}); }
Spec gd(double lr) { return obj({{"type", str("gd")}, {"lr", num(lr)}}); }

bool all_finite(const std::vector<double>& v) {
  for (double x : v)
    if (!std::isfinite(x)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Gradient descent on the quadratic: x_t = (1 - eta)^t x_0, y_t = (1 - 10 eta)^t y_0.

TEST(Minimize, GradientDescentIteratesValuesAndLearningRates) {
  const double eta = 0.05;
  const RunResult r = minimize(quadratic(), gd(eta), obj({{"steps", num(30)}}));
  ASSERT_TRUE(r.reason.empty()) << r.reason;
  EXPECT_EQ(r.dimension, 2);
  EXPECT_EQ(r.steps, 30);
  ASSERT_EQ(r.xs.size(), 31u * 2);
  ASSERT_EQ(r.grads.size(), 31u * 2);
  ASSERT_EQ(r.values.size(), 31u);
  ASSERT_EQ(r.grad_norms.size(), 31u);
  ASSERT_EQ(r.lrs.size(), 30u);
  ASSERT_TRUE(r.f_star.has_value());
  EXPECT_EQ(*r.f_star, 0);
  EXPECT_FALSE(r.converged);
  EXPECT_FALSE(r.diverged);
  EXPECT_EQ(r.diverged_at, -1);
  for (int t = 0; t <= 30; ++t) {
    const double x = -1.5 * std::pow(1 - eta, t), y = std::pow(1 - 10 * eta, t);
    EXPECT_NEAR(r.xs[2 * t], x, 1e-14) << "t = " << t;
    EXPECT_NEAR(r.xs[2 * t + 1], y, 1e-14) << "t = " << t;
    EXPECT_NEAR(r.grads[2 * t], x, 1e-14);
    EXPECT_NEAR(r.grads[2 * t + 1], 10 * y, 1e-13);
    EXPECT_NEAR(r.values[t], 0.5 * (x * x + 10 * y * y), 1e-14);
    EXPECT_NEAR(r.grad_norms[t], std::hypot(x, 10 * y), 1e-13);
    if (t > 0) {
      EXPECT_LT(r.values[t], r.values[t - 1]) << "t = " << t;
    }
  }
  for (double lr : r.lrs) EXPECT_EQ(lr, eta);
  EXPECT_NEAR(r.x[0], -1.5 * std::pow(1 - eta, 30), 1e-14);
  EXPECT_NEAR(r.x[1], std::pow(1 - 10 * eta, 30), 1e-14);
}

// The lecture's bound: with eta = 1/beta, f(x^T) - f* <= (1 - alpha/beta)^T (f(x^0) - f*).
TEST(Minimize, GradientDescentMeetsTheLectureBound) {
  const RunResult r = minimize(quadratic(), gd(0.1), obj({{"steps", num(50)}, {"x0", nums({3, -2})}}));
  ASSERT_EQ(r.values.size(), 51u);
  EXPECT_EQ(r.values[0], 0.5 * (9 + 40));
  for (int t = 0; t <= 50; ++t) EXPECT_LE(r.values[t], std::pow(0.9, t) * r.values[0] * (1 + 1e-12)) << "t = " << t;
}

TEST(Minimize, LearningRatesFollowTheSchedule) {
  const Spec opt = obj({{"type", str("gd")}, {"lr", num(0.08)},
                        {"schedule", obj({{"type", str("step")}, {"stepSize", num(3)}, {"gamma", num(0.5)}})}});
  const RunResult r = minimize(quadratic(), opt, obj({{"steps", num(7)}}));
  const double expected[] = {0.08, 0.08, 0.08, 0.04, 0.04, 0.04, 0.02};
  ASSERT_EQ(r.lrs.size(), 7u);
  for (int t = 0; t < 7; ++t) EXPECT_DOUBLE_EQ(r.lrs[t], expected[t]) << "step " << t + 1;
  // and the iterates used them: x_{t+1} = (1 - eta_t) x_t
  double x = -1.5;
  for (int t = 0; t < 7; ++t) x *= 1 - expected[t];
  EXPECT_NEAR(r.x[0], x, 1e-14);
}

TEST(Minimize, StartsAtTheWindowStartUnlessX0IsGiven) {
  const auto f = make_objective(quadratic());
  const RunResult r = minimize(quadratic(), gd(0.1), obj({{"steps", num(0)}}));
  EXPECT_EQ(r.steps, 0);
  ASSERT_EQ(r.xs.size(), 2u);
  EXPECT_EQ(r.xs[0], f->window().start[0]);
  EXPECT_EQ(r.xs[1], f->window().start[1]);
  EXPECT_EQ(r.values[0], 0.5 * (1.5 * 1.5 + 10));
  EXPECT_TRUE(r.lrs.empty());

  const RunResult given = minimize(quadratic(), gd(0.1), obj({{"steps", num(0)}, {"x0", nums({0.25, -4})}}));
  EXPECT_EQ(given.xs, (std::vector<double>{0.25, -4}));

  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"x0", nums({1, 2, 3})}})),
                    "minimize options: 'x0' has length 3 but the objective has dimension 2");
}

TEST(Minimize, DefaultOptionsRunOneHundredSteps) {
  const RunResult r = minimize(quadratic(), gd(0.01), Spec());
  EXPECT_EQ(r.steps, 100);
  EXPECT_EQ(r.values.size(), 101u);
  EXPECT_TRUE(r.states.empty());
}

// ---------------------------------------------------------------------------------------------
// Divergence: gd with eta = 1 on beta = 10 multiplies y by (1 - 10) = -9 each step, while x is 0
// after one step, so f_t = 5 * 81^t. The run stops at the first step where |f| exceeds
// divergenceFactor (1e8) times (1 + f_0) = 7.125e8: 5 * 81^4 = 2.2e8 < 7.125e8 < 5 * 81^5.

TEST(Minimize, DivergingRunStopsAndReturnsOnlyFiniteNumbers) {
  const RunResult r = minimize(quadratic(), gd(1), obj({{"steps", num(100)}}));
  EXPECT_TRUE(r.diverged);
  EXPECT_EQ(r.diverged_at, 5);
  EXPECT_EQ(r.steps, 4);
  EXPECT_NE(r.reason.find("diverged at step 5"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("smaller learning rate"), std::string::npos) << r.reason;
  EXPECT_FALSE(r.converged);
  EXPECT_EQ(r.values.size(), 5u);
  EXPECT_EQ(r.xs.size(), 10u);
  EXPECT_TRUE(all_finite(r.values));
  EXPECT_TRUE(all_finite(r.xs));
  EXPECT_TRUE(all_finite(r.grads));
  EXPECT_TRUE(all_finite(r.grad_norms));
  EXPECT_TRUE(r.x.allFinite());
  EXPECT_NEAR(r.values.back(), 5 * std::pow(81, 4), 1e-3);

  // A smaller divergenceFactor stops it earlier: 1e3 * 7.125 = 7125 lies between 5*81 and 5*81^2.
  const RunResult early = minimize(quadratic(), gd(1), obj({{"divergenceFactor", num(1e3)}}));
  EXPECT_EQ(early.diverged_at, 2);
}

// gradTol: with eta = 0.1, y is 0 after one step and |grad f(x_t)| = 1.5 * 0.9^t, which first
// falls below 1e-3 at t = 70 (1.5 * 0.9^69 = 1.05e-3).
TEST(Minimize, GradTolStopsEarlyWithConverged) {
  const RunResult r = minimize(quadratic(), gd(0.1), obj({{"steps", num(10000)}, {"gradTol", num(1e-3)}}));
  EXPECT_TRUE(r.converged);
  EXPECT_FALSE(r.diverged);
  EXPECT_EQ(r.steps, 70);
  EXPECT_LT(r.grad_norms.back(), 1e-3);
  EXPECT_GE(r.grad_norms[r.grad_norms.size() - 2], 1e-3);
  EXPECT_TRUE(r.reason.empty()) << r.reason;

  const RunResult not_yet = minimize(quadratic(), gd(0.1), obj({{"steps", num(69)}, {"gradTol", num(1e-3)}}));
  EXPECT_FALSE(not_yet.converged);
  const RunResult just = minimize(quadratic(), gd(0.1), obj({{"steps", num(70)}, {"gradTol", num(1e-3)}}));
  EXPECT_TRUE(just.converged) << "the last point is checked too";
}

// ---------------------------------------------------------------------------------------------
// What is recorded.

TEST(Minimize, RecordStateRecordsTheStateAfterEveryStep) {
  const Spec heavy_ball = obj({{"type", str("heavyBall")}, {"lr", num(0.02)}, {"momentum", num(0.9)}});
  const RunResult r = minimize(quadratic(), heavy_ball, obj({{"steps", num(6)}, {"recordState", boolean(true)}}));
  ASSERT_EQ(r.state_names, (std::vector<std::string>{"momentum_buffer"}));
  const auto& v = r.states.at("momentum_buffer");
  ASSERT_EQ(v.size(), 6u * 2);
  // The heavy ball's v^{t+1} = x^{t+1} - x^t.
  for (int t = 0; t < 6; ++t)
    for (int i = 0; i < 2; ++i)
      EXPECT_NEAR(v[2 * t + i], r.xs[2 * (t + 1) + i] - r.xs[2 * t + i], 1e-15) << "step " << t + 1;

  const RunResult adam = minimize(quadratic(), obj({{"type", str("adam")}, {"amsgrad", boolean(true)}}),
                                  obj({{"steps", num(3)}, {"recordState", boolean(true)}}));
  EXPECT_EQ(adam.state_names, (std::vector<std::string>{"exp_avg", "exp_avg_sq", "max_exp_avg_sq"}));
  for (const auto& name : adam.state_names) EXPECT_EQ(adam.states.at(name).size(), 6u) << name;
}

TEST(Minimize, RecordTrajectoryFalseKeepsOnlyValues) {
  const RunResult r = minimize(quadratic(), gd(0.05), obj({{"steps", num(10)}, {"recordTrajectory", boolean(false)}}));
  EXPECT_TRUE(r.xs.empty());
  EXPECT_TRUE(r.grads.empty());
  EXPECT_EQ(r.values.size(), 11u);
  EXPECT_EQ(r.grad_norms.size(), 11u);
  EXPECT_EQ(r.lrs.size(), 10u);
  EXPECT_NEAR(r.x[0], -1.5 * std::pow(0.95, 10), 1e-14);
}

// ---------------------------------------------------------------------------------------------
// Option checks and size limits.

TEST(Minimize, OptionMessages) {
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"step", num(10)}})),
                    "minimize options: unknown option 'step'; allowed: 'x0', 'steps'");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"type", str("gd")}})), "minimize options: unknown option 'type'");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"steps", num(-1)}})),
                    "option 'steps' must be in [0, 1000000], got -1");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"steps", num(2e6)}})), "in [0, 1000000], got 2000000");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"steps", num(1.5)}})), "'steps' must be a whole number, got 1.5");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"gradTol", num(-1)}})), "'gradTol' must be >= 0, got -1");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"divergenceFactor", num(1)}})),
                    "'divergenceFactor' must be > 1, got 1");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0.1), obj({{"x0", nums({1, NAN})}})), "'x0': entry 1 must be a finite number");
  EXPECT_THROW_WITH(minimize(quadratic(), gd(0), Spec()), "optimizer 'gd': option 'lr' must be > 0, got 0");
  EXPECT_THROW_WITH(minimize(obj({{"type", str("quadratc")}}), gd(0.1), Spec()), "objective: unknown type 'quadratc'");
}

// Newton and full-matrix AdaGrad keep a d x d matrix: past their limit minimize refuses at once,
// before it allocates the d x d Hessian (800 MB at the largest dimension, 10,000), rather than
// stopping at the first step.
TEST(Minimize, MatrixOptimizersPastTheirLimitAreRefusedBeforeAnyStep) {
  const Spec big = obj({{"type", str("quadratic")}, {"dim", num(2001)}});
  const Spec one_step = obj({{"steps", num(1)}, {"recordTrajectory", boolean(false)}});
  for (const char* type : {"newton", "adagradFull"})
    EXPECT_THROW_WITH(minimize(big, obj({{"type", str(type)}}), one_step),
                      "optimizer '" + std::string(type) +
                          "' keeps a d x d matrix and is limited to d <= 2000 parameters; this problem has d = 2001");
}

// Recorded numbers (iterates and gradients: 2 x (steps + 1) x dimension) are capped at 5e7;
// with recordState the state counts too (adagradFull: d^2 per step); without recording, the same
// run is allowed (and stops early here through gradTol).
TEST(Minimize, HugeTrajectoriesAreRefused) {
  const Spec big = obj({{"type", str("quadratic")}, {"dim", num(100)}});
  EXPECT_THROW_WITH(minimize(big, gd(0.1), obj({{"steps", num(1e6)}})),
                    "minimize options: recording 200000200 numbers exceeds the limit of 50000000; "
                    "lower 'steps', or set 'recordTrajectory' or 'recordState' to false");
  const Spec full = obj({{"type", str("adagradFull")}});
  EXPECT_THROW_WITH(minimize(big, full, obj({{"steps", num(5000)}, {"recordTrajectory", boolean(false)},
                                             {"recordState", boolean(true)}})),
                    "minimize options: recording 52010400 numbers exceeds the limit");
  const RunResult r = minimize(big, gd(0.1), obj({{"steps", num(1e6)}, {"recordTrajectory", boolean(false)}, {"gradTol", num(1e-6)}}));
  EXPECT_TRUE(r.converged);
  EXPECT_LT(r.steps, 1000);
}

// minimize resets the optimizer, so one used elsewhere (even in another dimension) starts afresh.
TEST(Minimize, ResetsTheOptimizerItIsGiven) {
  const auto f = make_objective(quadratic());
  auto used = make_optimizer(obj({{"type", str("adam")}, {"lr", num(0.1)}}));
  Vec x = Vec::Ones(3);
  for (int t = 0; t < 5; ++t) used->step(x, x);
  const RunResult a = minimize(*f, *used, obj({{"steps", num(20)}}));
  const RunResult b = minimize(quadratic(), obj({{"type", str("adam")}, {"lr", num(0.1)}}), obj({{"steps", num(20)}}));
  ASSERT_TRUE(a.reason.empty()) << a.reason;
  EXPECT_EQ(a.xs, b.xs);
}

// Newton gets the objective's Hessian: on Rosenbrock (a = 1, b = 100) from (-1.5, 2),
// g = (-155, -50), H = [[1902, 600], [600, 200]] (det 20400), so the first step is
// x_1 = x_0 - H^{-1} g = (-1.5 + 1000/20400, 2 + 2100/20400); on the quadratic one step solves it.
TEST(Minimize, NewtonReceivesTheHessian) {
  const RunResult r = minimize(obj({{"type", str("rosenbrock")}}), obj({{"type", str("newton")}}),
                               obj({{"steps", num(50)}, {"gradTol", num(1e-9)}}));
  ASSERT_TRUE(r.reason.empty()) << r.reason;
  ASSERT_GE(r.xs.size(), 4u);
  EXPECT_EQ(r.xs[0], -1.5);
  EXPECT_EQ(r.xs[1], 2);
  EXPECT_NEAR(r.xs[2], -1.5 + 1000.0 / 20400, 1e-13);
  EXPECT_NEAR(r.xs[3], 2 + 2100.0 / 20400, 1e-13);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(r.x[0], 1, 1e-9);
  EXPECT_NEAR(r.x[1], 1, 1e-9);

  const RunResult q = minimize(quadratic(), obj({{"type", str("newton")}}), obj({{"steps", num(1)}}));
  EXPECT_NEAR(q.x[0], 0, 1e-15);
  EXPECT_NEAR(q.x[1], 0, 1e-15);
}

// On the saddle f = (x^2 - y^2)/2 (Hessian diag(1, -1)) undamped Newton jumps straight onto the
// saddle point, x - H^{-1} grad f = 0; with damping 1 the matrix H + I = diag(2, 0) is singular, and
// the refused step ends the run with the optimizer's message instead of throwing.
TEST(Minimize, NewtonOnTheSaddle) {
  const RunResult attracted = minimize(obj({{"type", str("saddle")}}), obj({{"type", str("newton")}}),
                                       obj({{"steps", num(1)}}));
  ASSERT_EQ(attracted.steps, 1);
  EXPECT_EQ(attracted.x[0], 0);
  EXPECT_EQ(attracted.x[1], 0);

  const RunResult refused = minimize(obj({{"type", str("saddle")}}), obj({{"type", str("newton")}, {"damping", num(1)}}),
                                     obj({{"steps", num(3)}}));
  EXPECT_EQ(refused.steps, 0);
  EXPECT_FALSE(refused.diverged);
  EXPECT_EQ(refused.values.size(), 1u);
  EXPECT_NE(refused.reason.find("stopped at step 1: optimizer 'newton': H + lambda I is singular"), std::string::npos)
      << refused.reason;
}

}  // namespace
}  // namespace descent
