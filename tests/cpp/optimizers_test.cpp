// The optimizers against the lecture's own update rules (hand recurrences and closed forms,
// never the library's output from another path), the weight-decay contrast of Algorithms 1
// and 2, the registry's documentation, the validation messages and the optimizer mechanics.
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/params.hpp"
#include "optim/registry.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using test::arr;
using test::boolean;
using test::nums;
using test::num;
using test::obj;
using test::str;
using test::vec;

constexpr double kPi = 3.14159265358979323846;

std::unique_ptr<Optimizer> make(std::vector<Spec::Field> fields) { return make_optimizer(obj(std::move(fields))); }

std::vector<Vec> random_grads(unsigned seed, int count, Index d, double scale = 1) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal(0, scale);
  std::vector<Vec> grads;
  for (int k = 0; k < count; ++k) {
    Vec g(d);
    for (Index i = 0; i < d; ++i) g[i] = normal(rng);
    grads.push_back(g);
  }
  return grads;
}

// f(x) = 1/2 x^T A x - b^T x with a fixed symmetric positive definite A; grad f = A x - b.
struct Quadratic {
  Mat a;
  Vec b;
  Vec grad(const Vec& x) const { return a * x - b; }
};

Quadratic quadratic3() {
  Quadratic q{Mat(3, 3), Vec(3)};
  q.a << 4, 1, 0.5,  //
      1, 3, -0.2,    //
      0.5, -0.2, 2;
  q.b << 1, -2, 0.5;
  return q;
}

// max_i |actual_i - expected_i| <= tol * (1 + max_i |expected_i|)
::testing::AssertionResult close(const Vec& actual, const Vec& expected, double tol) {
  if (actual.size() != expected.size())
    return ::testing::AssertionFailure() << "sizes " << actual.size() << " vs " << expected.size();
  const double err = (actual - expected).cwiseAbs().maxCoeff();
  const double bound = tol * (1 + expected.cwiseAbs().maxCoeff());
  if (err <= bound) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "max error " << err << " > " << bound << "\nactual:   "
                                       << actual.transpose() << "\nexpected: " << expected.transpose();
}

const StateEntry* find_state(const std::vector<StateEntry>& state, const std::string& name) {
  for (const auto& entry : state)
    if (entry.name == name) return &entry;
  return nullptr;
}

bool within(const ParamSpec& p, double v) {
  if (!std::isfinite(v)) return false;
  if (p.min_open ? !(v > p.min) : !(v >= p.min)) return false;
  if (p.max_open ? !(v < p.max) : !(v <= p.max)) return false;
  return true;
}

const ParamSpec* find_option(const OptimizerInfo& info, const std::string& name) {
  for (const auto& p : info.options)
    if (p.name == name) return &p;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Registry: every entry documents itself (formula, PyTorch mapping, notes, help texts) and its
// defaults are valid, so the page can build controls from the table alone.

TEST(OptimizerRegistry, EveryEntryIsDocumented) {
  std::set<std::string> types;
  ASSERT_GE(optimizer_registry().size(), 15u);
  for (const auto& info : optimizer_registry()) {
    SCOPED_TRACE(info.type);
    EXPECT_FALSE(info.type.empty());
    EXPECT_TRUE(types.insert(info.type).second) << "duplicate type " << info.type;
    EXPECT_FALSE(info.label.empty());
    EXPECT_FALSE(info.formula.empty());
    EXPECT_FALSE(info.torch.empty());
    EXPECT_FALSE(info.notes.empty());
    EXPECT_TRUE(info.family == "pytorch" || info.family == "lecture") << info.family;
    EXPECT_NE(info.recipe, nullptr);

    const ParamSpec* lr = find_option(info, "lr");
    ASSERT_NE(lr, nullptr);
    EXPECT_EQ(lr->kind, ParamKind::Number);
    EXPECT_EQ(lr->min, 0);
    EXPECT_TRUE(lr->min_open);
    EXPECT_GT(lr->number, 0);

    const ParamSpec* schedule = find_option(info, "schedule");
    ASSERT_NE(schedule, nullptr);
    EXPECT_EQ(schedule->kind, ParamKind::Object);
    EXPECT_TRUE(schedule->optional);

    std::set<std::string> names;
    for (const auto& p : info.options) {
      EXPECT_TRUE(names.insert(p.name).second) << "duplicate option " << p.name;
      EXPECT_FALSE(p.help.empty()) << "option " << p.name << " has no help text";
    }
  }
  for (const char* expected : {"gd", "heavyBall", "nesterovAccelerated", "newton", "adagradFull", "sgd", "sgdw",
                               "adagrad", "rmsprop", "adam", "adamw", "nadam", "radam", "adamax", "adadelta"})
    EXPECT_EQ(types.count(expected), 1u) << expected;
}

TEST(OptimizerRegistry, DefaultsLieWithinTheirRanges) {
  for (const auto& info : optimizer_registry()) {
    for (const auto& p : info.options) {
      SCOPED_TRACE(info.type + "." + p.name);
      switch (p.kind) {
        case ParamKind::Number:
        case ParamKind::Integer:
          if (!p.required && !p.optional) {
            EXPECT_TRUE(within(p, p.number)) << p.number << " " << describe_range(p);
          }
          if (p.kind == ParamKind::Integer) {
            EXPECT_EQ(std::floor(p.number), p.number);
          }
          break;
        case ParamKind::Pair:
          EXPECT_TRUE(within(p, p.pair[0]) && within(p, p.pair[1]));
          break;
        case ParamKind::Choice: {
          bool found = false;
          for (const auto& c : p.choices) found = found || c == p.choice;
          EXPECT_TRUE(found) << p.choice;
          break;
        }
        default: break;
      }
    }
  }
}

TEST(OptimizerRegistry, MatrixOptimizersDeclareTheirLimitAndNewtonItsHessian) {
  EXPECT_TRUE(find_optimizer("newton").needs_hessian);
  EXPECT_EQ(find_optimizer("newton").max_dimension, kMaxMatrixDimension);
  EXPECT_EQ(find_optimizer("adagradFull").max_dimension, kMaxMatrixDimension);
  for (const auto& info : optimizer_registry()) {
    if (info.type != "newton") {
      EXPECT_FALSE(info.needs_hessian) << info.type;
    }
  }
  EXPECT_THROW_WITH(find_optimizer("adamm"), "unknown optimizer type 'adamm'");
}

TEST(OptimizerRegistry, EveryTypeAloneBuildsAnOptimizerThatTakesAFiniteStep) {
  const Vec x0 = vec({0.5, -1, 2}), g = vec({1, -2, 0.5});
  Mat h(3, 3);
  h << 3, 1, 0, 1, 2, 0.5, 0, 0.5, 1.5;
  for (const auto& info : optimizer_registry()) {
    SCOPED_TRACE(info.type);
    auto opt = make({{"type", str(info.type)}});
    EXPECT_EQ(opt->info().type, info.type);
    EXPECT_EQ(opt->steps_taken(), 0);
    EXPECT_EQ(opt->params().number("lr"), find_option(info, "lr")->number);
    Vec x = x0;
    opt->step(x, g, info.needs_hessian ? &h : nullptr);
    EXPECT_TRUE(x.allFinite()) << x.transpose();
    EXPECT_GT((x - x0).norm(), 0) << "a non-zero gradient left the parameters unchanged";
    EXPECT_EQ(opt->steps_taken(), 1);
    EXPECT_EQ(opt->dimension(), 3);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation: every message names the option, what is allowed and what was given.

TEST(OptimizerValidation, TypeAndShapeOfTheSpec) {
  EXPECT_THROW_WITH(make({{"type", str("adamm")}}), "optimizer: unknown type 'adamm'; allowed: 'gd', 'heavyBall'");
  EXPECT_THROW_WITH(make({{"type", str("adamm")}}), "'adam'");
  EXPECT_THROW_WITH(make({{"type", str("adamm")}}), "or 'adadelta'");
  EXPECT_THROW_WITH(make({{"lr", num(0.1)}}), "optimizer needs a 'type'");
  EXPECT_THROW_WITH(make({{"type", num(3)}}), "'type' must be a string");
  EXPECT_THROW_WITH(make_optimizer(num(3)), "optimizer must be an object, got 3");
  EXPECT_THROW_WITH(make_optimizer(Spec()), "optimizer must be an object, got undefined");
}

TEST(OptimizerValidation, UnknownOptionIsNamedWithTheAllowedOnes) {
  const std::string message = test::error_of([] { make({{"type", str("adam")}, {"beta1", num(0.9)}}); });
  EXPECT_NE(message.find("optimizer 'adam': unknown option 'beta1'"), std::string::npos) << message;
  EXPECT_NE(message.find("allowed: 'lr', 'betas', 'eps', 'weightDecay', 'amsgrad' or 'schedule'"), std::string::npos)
      << message;
}

TEST(OptimizerValidation, NumbersOutsideTheirRanges) {
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"lr", num(0)}}), "optimizer 'sgd': option 'lr' must be > 0, got 0");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"lr", num(-0.1)}}), "'lr' must be > 0, got -0.1");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"lr", num(NAN)}}), "'lr' must be a finite number, got NaN");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"lr", num(INFINITY)}}),
                    "'lr' must be a finite number, got Infinity");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"eps", num(0)}}), "'eps' must be > 0, got 0");
  EXPECT_THROW_WITH(make({{"type", str("rmsprop")}, {"eps", num(-1e-8)}}), "'eps' must be > 0, got -1e-08");
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"momentum", num(-0.1)}}), "'momentum' must be in [0, 1), got -0.1");
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"momentum", num(1)}}), "'momentum' must be in [0, 1), got 1");
  EXPECT_THROW_WITH(make({{"type", str("heavyBall")}, {"momentum", num(1.5)}}), "'momentum' must be in [0, 1), got 1.5");
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"weightDecay", num(-1)}}), "'weightDecay' must be >= 0, got -1");
  EXPECT_THROW_WITH(make({{"type", str("adamw")}, {"weightDecay", num(-0.01)}}), "'weightDecay' must be >= 0");
  EXPECT_THROW_WITH(make({{"type", str("adagrad")}, {"lrDecay", num(-0.5)}}), "'lrDecay' must be >= 0, got -0.5");
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"dampening", num(-0.5)}}), "'dampening' must be in [0, 1], got -0.5");
  EXPECT_THROW_WITH(make({{"type", str("newton")}, {"damping", num(-1)}}), "'damping' must be >= 0, got -1");
  EXPECT_THROW_WITH(make({{"type", str("rmsprop")}, {"alpha", num(1.5)}}), "'alpha' must be in [0, 1], got 1.5");
}

TEST(OptimizerValidation, BetasMustBeTwoNumbersInTheUnitInterval) {
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"betas", nums({0.9, 1})}}),
                    "'betas' must have both entries in [0, 1), got [0.9, 1]");
  EXPECT_THROW_WITH(make({{"type", str("adamw")}, {"betas", nums({-0.1, 0.999})}}),
                    "'betas' must have both entries in [0, 1), got [-0.1, 0.999]");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"betas", nums({0.9})}}),
                    "'betas' must be an array of two numbers, got an array of length 1");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"betas", nums({0.9, 0.99, 0.999})}}),
                    "must be an array of two numbers, got an array of length 3");
  EXPECT_THROW_WITH(make({{"type", str("nadam")}, {"betas", arr({num(0.9), str("0.999")})}}),
                    "'betas' must be an array of two numbers");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"betas", num(0.9)}}), "must be an array of two numbers, got 0.9");
}

TEST(OptimizerValidation, WrongKindsOfValues) {
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"lr", str("0.1")}}), "'lr' must be a number, got '0.1'");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"lr", boolean(true)}}), "'lr' must be a number, got a boolean");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"amsgrad", num(1)}}), "'amsgrad' must be true or false, got 1");
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"nesterov", str("true")}}),
                    "'nesterov' must be true or false, got 'true'");
}

TEST(OptimizerValidation, NesterovNeedsMomentumAndNoDampening) {
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"nesterov", boolean(true)}}),
                    "option 'nesterov' needs 'momentum' > 0 and 'dampening' = 0 (as in PyTorch); got momentum 0");
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"nesterov", boolean(true)}, {"momentum", num(0.9)}, {"dampening", num(0.1)}}),
                    "got momentum 0.9, dampening 0.1");
  EXPECT_NO_THROW(make({{"type", str("sgd")}, {"nesterov", boolean(true)}, {"momentum", num(0.9)}}));
  EXPECT_NO_THROW(make({{"type", str("sgd")}, {"momentum", num(0.9)}, {"dampening", num(0.1)}}));
}

TEST(OptimizerValidation, ScheduleOptionIsValidatedWhenTheOptimizerIsMade) {
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"schedule", num(5)}}),
                    "optimizer 'sgd': option 'schedule' must be an object, got 5");
  EXPECT_THROW_WITH(make({{"type", str("sgd")}, {"schedule", obj({{"type", str("cosinee")}})}}),
                    "schedule: unknown type 'cosinee'; allowed: 'constant', 'step'");
  EXPECT_THROW_WITH(make({{"type", str("adam")}, {"schedule", obj({{"type", str("cosine")}})}}),
                    "schedule 'cosine': option 'tMax' is required");
  EXPECT_THROW_WITH(
      make({{"type", str("adam")},
            {"schedule", obj({{"type", str("warmup")}, {"steps", num(5)}, {"then", obj({{"type", str("cosine")}})}})}}),
      "schedule 'cosine': option 'tMax' is required");
  EXPECT_THROW_WITH(make({{"type", str("adam")},
                          {"schedule", obj({{"type", str("warmup")},
                                            {"steps", num(5)},
                                            {"then", obj({{"type", str("cosine")}, {"tMax", num(10)}, {"gamma", num(0.5)}})}})}}),
                    "schedule 'cosine': unknown option 'gamma'");
}

TEST(OptimizerValidation, StepChecksLengthsAndKeepsItsDimension) {
  auto opt = make({{"type", str("adam")}});
  Vec x = vec({1, 2, 3});
  EXPECT_THROW_WITH(opt->step(x, vec({1, 2})), "optimizer 'adam': grads has length 2 but params has length 3");
  EXPECT_EQ(opt->steps_taken(), 0);
  opt->step(x, vec({1, 2, 3}));
  Vec y = vec({1, 2});
  EXPECT_THROW_WITH(opt->step(y, vec({1, 2})), "params has length 2 but this optimizer was stepped with 3 parameters");
  EXPECT_THROW_WITH(opt->step(y, vec({1, 2})), "call reset() to start over");
  opt->reset();
  EXPECT_NO_THROW(opt->step(y, vec({1, 2})));
  EXPECT_EQ(opt->dimension(), 2);
  Vec empty(0);
  auto fresh = make({{"type", str("sgd")}});
  EXPECT_THROW_WITH(fresh->step(empty, empty), "params is empty");
}

TEST(OptimizerValidation, NewtonNeedsAnInvertibleHessianOfTheRightSize) {
  auto opt = make({{"type", str("newton")}});
  Vec x = vec({1, 2});
  const Vec g = vec({1, 1});
  EXPECT_THROW_WITH(opt->step(x, g), "optimizer 'newton' needs the Hessian");
  Mat wrong = Mat::Identity(3, 3);
  EXPECT_THROW_WITH(opt->step(x, g, &wrong), "the Hessian must be 2 x 2");
  Mat singular(2, 2);
  singular << 1, 1, 1, 1;
  EXPECT_THROW_WITH(opt->step(x, g, &singular), "H + lambda I is singular at this point (lambda = 0); use a larger 'damping'");
  EXPECT_EQ(x, vec({1, 2})) << "a refused step must leave the parameters alone";
  EXPECT_EQ(opt->steps_taken(), 0);

  // With damping the same singular Hessian gives the step (H + lambda I)^{-1} g:
  // H + 0.5 I = [[1.5, 1], [1, 1.5]], det 1.25, inverse [[1.5, -1], [-1, 1.5]] / 1.25.
  auto damped = make({{"type", str("newton")}, {"damping", num(0.5)}});
  damped->step(x, g, &singular);
  EXPECT_TRUE(close(x, vec({1 - 0.5 / 1.25, 2 - 0.5 / 1.25}), 1e-14));
}

// optimizer.hpp: "The dimension is fixed by the first step" and dimension() is -1 until then.
// A first step that a transform refuses (Newton without a Hessian) must not lock the dimension.
TEST(OptimizerValidation, ARefusedFirstStepDoesNotFixTheDimension) {
  auto opt = make({{"type", str("newton")}});
  Vec x = Vec::Ones(3);
  EXPECT_THROW_WITH(opt->step(x, Vec::Ones(3)), "needs the Hessian");
  EXPECT_EQ(opt->steps_taken(), 0);
  EXPECT_EQ(opt->dimension(), -1);
  Vec y = Vec::Ones(2);
  const Mat h = Mat::Identity(2, 2);
  EXPECT_NO_THROW(opt->step(y, Vec::Ones(2), &h));
}

TEST(OptimizerValidation, MatrixOptimizersRefuseDimensionsAboveTheLimit) {
  ASSERT_EQ(kMaxMatrixDimension, 2000);
  const Index d = kMaxMatrixDimension + 1;
  Vec x = Vec::Ones(d);
  const Vec g = Vec::Ones(d);
  for (const char* type : {"adagradFull", "newton"}) {
    SCOPED_TRACE(type);
    auto opt = make({{"type", str(type)}});
    const std::string message = test::error_of([&] { opt->step(x, g); });
    EXPECT_NE(message.find("limited to d <= 2000 parameters; this problem has d = 2001"), std::string::npos)
        << message;
    EXPECT_NE(message.find(std::string("optimizer '") + type + "'"), std::string::npos) << message;
  }
  // The limit is on the matrix optimizers only.
  auto adam = make({{"type", str("adam")}});
  EXPECT_NO_THROW(adam->step(x, g));
}

// ---------------------------------------------------------------------------------------------
// The lecture's forms, checked against hand recurrences over random gradients.

// Gradient descent: x^{t+1} = x^t - eta^t grad f(x^t), eta^t from the schedule (epoch t from 0).
TEST(LectureForms, GradientDescent) {
  const auto grads = random_grads(1, 20, 3);
  auto plain = make({{"type", str("gd")}, {"lr", num(0.1)}});
  auto scheduled = make({{"type", str("gd")}, {"lr", num(0.1)},
                         {"schedule", obj({{"type", str("exponential")}, {"gamma", num(0.9)}})}});
  Vec x = vec({1, -2, 0.5}), y = x, hx = x, hy = x;
  for (int t = 0; t < 20; ++t) {
    plain->step(x, grads[t]);
    scheduled->step(y, grads[t]);
    hx -= 0.1 * grads[t];
    hy -= 0.1 * std::pow(0.9, t) * grads[t];
    ASSERT_TRUE(close(x, hx, 1e-13)) << "step " << t;
    ASSERT_TRUE(close(y, hy, 1e-13)) << "step " << t;
  }
}

// Heavy ball: v <- mu v - eta g, x <- x + v (v^0 = 0).
TEST(LectureForms, HeavyBall) {
  const auto grads = random_grads(2, 20, 3);
  const double eta = 0.05, mu = 0.8;
  auto opt = make({{"type", str("heavyBall")}, {"lr", num(eta)}, {"momentum", num(mu)}});
  Vec x = vec({1, -2, 0.5}), hx = x, v = Vec::Zero(3);
  for (int t = 0; t < 20; ++t) {
    opt->step(x, grads[t]);
    v = mu * v - eta * grads[t];
    hx += v;
    ASSERT_TRUE(close(x, hx, 1e-13)) << "step " << t;
    ASSERT_TRUE(close(find_state(opt->state(), "momentum_buffer")->value, v, 1e-13)) << "step " << t;
  }
}

// Nesterov: u^{t+1} = x^t - eta grad f(x^t), x^{t+1} = u^{t+1} + t/(t+3) (u^{t+1} - u^t), t from 0,
// u^0 = x^0, gradients at the current parameters x^t.
TEST(LectureForms, NesterovAccelerated) {
  const Quadratic q = quadratic3();
  const double eta = 0.1;
  auto opt = make({{"type", str("nesterovAccelerated")}, {"lr", num(eta)}});
  Vec x = vec({2, -1, 3}), hx = x, u = x;
  for (int t = 0; t < 20; ++t) {
    opt->step(x, q.grad(x));
    const Vec u_next = hx - eta * q.grad(hx);
    hx = u_next + (double(t) / (t + 3)) * (u_next - u);
    u = u_next;
    ASSERT_TRUE(close(x, hx, 1e-12)) << "step " << t;
    ASSERT_TRUE(close(find_state(opt->state(), "u")->value, u, 1e-12)) << "step " << t;
  }
}

// Newton (the preconditioner H_t = Hessian): on f = c + b^T x + 1/2 x^T A x one step with eta = 1
// lands on the minimizer; with damping lambda the step is (H + lambda I)^{-1} g.
TEST(LectureForms, NewtonSolvesAQuadraticInOneStep) {
  Mat a(3, 3);
  a << 4, 1, 0.5, 1, 3, -0.2, 0.5, -0.2, 2;
  const Vec x_star = vec({0.3, -1.2, 2.5});
  const Vec b = -a * x_star;  // grad f = A x + b vanishes at x_star
  auto opt = make({{"type", str("newton")}});
  Vec x = vec({10, -7, 4});
  opt->step(x, a * x + b, &a);
  EXPECT_TRUE(close(x, x_star, 1e-12));
  opt->step(x, a * x + b, &a);  // and stays there
  EXPECT_TRUE(close(x, x_star, 1e-12));
}

TEST(LectureForms, DampedNewtonStep) {
  // H = [[2, 1], [1, 3]], lambda = 0.5: H + lambda I = [[2.5, 1], [1, 3.5]], det = 7.75.
  Mat h(2, 2);
  h << 2, 1, 1, 3;
  const Vec g = vec({1, -2});
  const Vec step = vec({3.5 * 1 - 1 * -2, -1 * 1 + 2.5 * -2}) / 7.75;
  auto opt = make({{"type", str("newton")}, {"damping", num(0.5)}, {"lr", num(0.7)}});
  Vec x = vec({1, 1});
  opt->step(x, g, &h);
  EXPECT_TRUE(close(x, vec({1, 1}) - 0.7 * step, 1e-14));
}

// Full-matrix AdaGrad: x - eta (delta I + (sum g g^T)^{1/2})^{-1} g. In 1-D that is
// x - eta g / (delta + sqrt(sum g^2)).
TEST(LectureForms, AdagradFullInOneDimension) {
  const auto grads = random_grads(3, 20, 1);
  const double eta = 0.3, delta = 1e-10;
  auto opt = make({{"type", str("adagradFull")}, {"lr", num(eta)}});
  Vec x = vec({0.7});
  double hx = 0.7, sum = 0;
  for (int t = 0; t < 20; ++t) {
    opt->step(x, grads[t]);
    const double g = grads[t][0];
    sum += g * g;
    hx -= eta * g / (delta + std::sqrt(sum));
    ASSERT_NEAR(x[0], hx, 1e-13 * (1 + std::abs(hx))) << "step " << t;
  }
}

// In 2-D a symmetric positive semidefinite S has the closed-form root
// sqrt(S) = (S + s I) / sqrt(tr S + 2 s), s = sqrt(det S); the rank-1 first step is g g^T / |g|.
TEST(LectureForms, AdagradFullInTwoDimensionsByTheClosedFormRoot) {
  const auto grads = random_grads(4, 20, 2);
  const double eta = 0.1, delta = 0.01;
  auto opt = make({{"type", str("adagradFull")}, {"lr", num(eta)}, {"eps", num(delta)}});
  Vec x = vec({1, -1}), hx = x;
  Eigen::Matrix2d sum = Eigen::Matrix2d::Zero();
  for (int t = 0; t < 20; ++t) {
    opt->step(x, grads[t]);
    const Eigen::Vector2d g = grads[t];
    sum += g * g.transpose();
    const double s = std::sqrt(std::max(0.0, sum.determinant()));
    // The 2x2 closed form loses half the digits on a rank-1 sum (det is rounding noise), whose
    // root is exactly g g^T / |g|.
    const Eigen::Matrix2d root = t == 0 ? Eigen::Matrix2d(g * g.transpose() / g.norm())
                                        : Eigen::Matrix2d((sum + s * Eigen::Matrix2d::Identity()) /
                                                          std::sqrt(sum.trace() + 2 * s));
    const Eigen::Matrix2d m = delta * Eigen::Matrix2d::Identity() + root;
    const Eigen::Matrix2d m_inv = (Eigen::Matrix2d() << m(1, 1), -m(0, 1), -m(1, 0), m(0, 0)).finished() / m.determinant();
    hx -= eta * m_inv * g;
    ASSERT_TRUE(close(x, hx, 1e-12)) << "step " << t;
    const std::vector<StateEntry> entries = opt->state();  // find_state points into it
    const StateEntry* state = find_state(entries, "G");
    ASSERT_NE(state, nullptr);
    ASSERT_TRUE(close(state->value, Eigen::Map<const Vec>(root.data(), 4), 1e-12)) << "step " << t;
  }
}

// The first step is x - eta g / (delta + |g|), since G_1 = g g^T / |g| has g as an eigenvector.
// G_1 is rank-deficient: rounding leaves ~1e-16 |g| of g along its null space, which a naive
// (delta I + G_1)^{-1} would multiply by 1/delta = 1e10 (an error of ~1e-6 with the default delta);
// the step must stay exact to rounding for a tiny delta as well as a large one.
TEST(LectureForms, AdagradFullFirstStepIsNormalisedGradient) {
  const Vec g = vec({3, -4, 12});  // |g| = 13
  for (double delta : {1e-10, 1e-3}) {
    SCOPED_TRACE(delta);
    auto opt = make({{"type", str("adagradFull")}, {"lr", num(0.5)}, {"eps", num(delta)}});
    Vec x = vec({1, 2, 3});
    opt->step(x, g);
    EXPECT_TRUE(close(x, vec({1, 2, 3}) - 0.5 * g / (delta + 13), 1e-12));
  }
}

TEST(LectureForms, AdagradFullInThreeDimensionsByAnEigendecomposition) {
  const auto grads = random_grads(5, 20, 3);
  const double eta = 0.1, delta = 1e-3;
  auto opt = make({{"type", str("adagradFull")}, {"lr", num(eta)}, {"eps", num(delta)}});
  Vec x = vec({1, -1, 0.5}), hx = x;
  Mat sum = Mat::Zero(3, 3);
  for (int t = 0; t < 20; ++t) {
    opt->step(x, grads[t]);
    sum += grads[t] * grads[t].transpose();
    Eigen::SelfAdjointEigenSolver<Mat> eig(sum);
    const Vec roots = eig.eigenvalues().cwiseMax(0.0).cwiseSqrt();
    const Mat root = eig.eigenvectors() * roots.asDiagonal() * eig.eigenvectors().transpose();
    const Mat m = delta * Mat::Identity(3, 3) + root;
    hx -= eta * m.ldlt().solve(grads[t]);
    ASSERT_TRUE(close(x, hx, 1e-10)) << "step " << t;
  }
}

// The lecture's Algorithm 8.4 (AdaGrad): r <- r + g*g, theta <- theta - eps_t / (delta + sqrt r) * g,
// with PyTorch's eps_t = eps / (1 + (t - 1) lrDecay) and r_0 = initialAccumulatorValue.
TEST(LectureForms, AdagradDiagonal) {
  const auto grads = random_grads(6, 20, 3);
  const double eps = 0.2, delta = 1e-3, kappa = 0.1, r0 = 0.5;
  auto opt = make({{"type", str("adagrad")}, {"lr", num(eps)}, {"eps", num(delta)}, {"lrDecay", num(kappa)},
                   {"initialAccumulatorValue", num(r0)}});
  Vec x = vec({1, -1, 0.5}), hx = x;
  Vec r = Vec::Constant(3, r0);
  for (int t = 1; t <= 20; ++t) {
    const Vec& g = grads[t - 1];
    opt->step(x, g);
    r += g.cwiseProduct(g);
    const double eps_t = eps / (1 + (t - 1) * kappa);
    hx -= eps_t * (g.array() / (delta + r.array().sqrt())).matrix();
    ASSERT_TRUE(close(x, hx, 1e-13)) << "step " << t;
    ASSERT_TRUE(close(find_state(opt->state(), "sum")->value, r, 1e-13));
  }
}

// The lecture's Algorithm 8.5 (RMSProp) puts delta inside the root: x - lr g / sqrt(r + delta),
// r = rho r + (1 - rho) g^2; PyTorch's default adds it outside: x - lr g / (sqrt(r) + delta).
TEST(LectureForms, RmspropEpsInsideAndOutsideTheRoot) {
  const auto grads = random_grads(7, 20, 3);
  const double lr = 0.01, rho = 0.9, delta = 1e-2;
  auto inside = make({{"type", str("rmsprop")}, {"lr", num(lr)}, {"alpha", num(rho)}, {"eps", num(delta)},
                      {"epsInsideSqrt", boolean(true)}});
  auto outside = make({{"type", str("rmsprop")}, {"lr", num(lr)}, {"alpha", num(rho)}, {"eps", num(delta)}});
  Vec x = vec({1, -1, 0.5}), y = x, hx = x, hy = x;
  Vec r = Vec::Zero(3);
  for (int t = 0; t < 20; ++t) {
    const Vec& g = grads[t];
    inside->step(x, g);
    outside->step(y, g);
    r = rho * r + (1 - rho) * g.cwiseProduct(g);
    hx -= lr * (g.array() / (r.array() + delta).sqrt()).matrix();
    hy -= lr * (g.array() / (r.array().sqrt() + delta)).matrix();
    ASSERT_TRUE(close(x, hx, 1e-13)) << "step " << t;
    ASSERT_TRUE(close(y, hy, 1e-13)) << "step " << t;
  }
  EXPECT_GT((x - y).norm(), 1e-4) << "the two placements of delta should differ visibly";
}

// The lecture's Algorithm 1, SGDW: m_t = beta1 m_{t-1} + eta_t alpha g_t,
// theta_t = theta_{t-1} - m_t - eta_t lambda theta_{t-1}, m_0 = 0. The decay is scaled by the
// schedule multiplier eta_t but not by alpha.
TEST(LectureForms, SgdwAlgorithm1) {
  const auto grads = random_grads(8, 20, 3);
  const double alpha = 0.1, beta1 = 0.9, lambda = 0.05;
  for (bool with_schedule : {false, true}) {
    SCOPED_TRACE(with_schedule ? "step schedule" : "no schedule");
    std::vector<Spec::Field> spec = {{"type", str("sgdw")}, {"lr", num(alpha)}, {"momentum", num(beta1)},
                                     {"weightDecay", num(lambda)}};
    if (with_schedule)
      spec.push_back({"schedule", obj({{"type", str("step")}, {"stepSize", num(5)}, {"gamma", num(0.5)}})});
    auto opt = make(spec);
    Vec x = vec({1, -1, 0.5}), theta = x, m = Vec::Zero(3);
    for (int k = 0; k < 20; ++k) {  // step t = k + 1 uses the schedule at epoch k
      const double eta = with_schedule ? std::pow(0.5, k / 5) : 1.0;
      EXPECT_DOUBLE_EQ(opt->current_lr(), alpha * eta);
      opt->step(x, grads[k]);
      m = beta1 * m + eta * alpha * grads[k];
      theta = theta - m - eta * lambda * theta;
      ASSERT_TRUE(close(x, theta, 1e-13)) << "step " << k + 1;
    }
  }
}

// The lecture's Algorithm 2 written out: Adam with L2 (lambda theta joins g) or AdamW
// (theta_t = theta_{t-1} - eta_t (alpha m_hat / (sqrt(v_hat) + eps) + lambda theta_{t-1})).
struct AdamReference {
  double alpha, beta1, beta2, eps, lambda;
  bool decoupled;
  Vec m, v;
  int t = 0;
  void step(Vec& theta, Vec g, double eta = 1) {
    if (m.size() == 0) m = v = Vec::Zero(theta.size());
    ++t;
    if (!decoupled) g += lambda * theta;
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g.cwiseProduct(g);
    const Vec m_hat = m / (1 - std::pow(beta1, t));
    const Vec v_hat = v / (1 - std::pow(beta2, t));
    Vec update = alpha * (m_hat.array() / (v_hat.array().sqrt() + eps)).matrix();
    if (decoupled) update += lambda * theta;
    theta -= eta * update;
  }
};

TEST(LectureForms, AdamAndAdamwAreAlgorithm2) {
  const Quadratic q = quadratic3();
  const double alpha = 0.05, wd = 0.2;
  auto adam = make({{"type", str("adam")}, {"lr", num(alpha)}, {"weightDecay", num(wd)}, {"betas", nums({0.8, 0.99})}});
  // PyTorch's AdamW weight_decay is lambda / alpha: the paper's lambda is alpha * weightDecay.
  auto adamw = make({{"type", str("adamw")}, {"lr", num(alpha)}, {"weightDecay", num(wd)}, {"betas", nums({0.8, 0.99})}});
  AdamReference l2{alpha, 0.8, 0.99, 1e-8, wd, false, {}, {}, 0};
  AdamReference decoupled{alpha, 0.8, 0.99, 1e-8, alpha * wd, true, {}, {}, 0};
  Vec x = vec({2, -1, 3}), y = x, hx = x, hy = x;
  for (int t = 0; t < 20; ++t) {
    adam->step(x, q.grad(x));
    adamw->step(y, q.grad(y));
    l2.step(hx, q.grad(hx));
    decoupled.step(hy, q.grad(hy));
    ASSERT_TRUE(close(x, hx, 1e-12)) << "step " << t;
    ASSERT_TRUE(close(y, hy, 1e-12)) << "step " << t;
  }
}

// ---------------------------------------------------------------------------------------------
// Weight decay as the lecture contrasts it: L2 adds lambda theta to the gradient (and so to the
// momentum or Adam's normalisation); decoupled decay shrinks theta outside of them.

TEST(WeightDecay, SgdL2EqualsSgdFedTheRegularisedGradient) {
  const auto grads = random_grads(9, 20, 3);
  const double lambda = 0.3;
  auto with_l2 = make({{"type", str("sgd")}, {"lr", num(0.05)}, {"momentum", num(0.9)}, {"weightDecay", num(lambda)}});
  auto plain = make({{"type", str("sgd")}, {"lr", num(0.05)}, {"momentum", num(0.9)}});
  Vec x = vec({1, -1, 0.5}), y = x;
  for (int t = 0; t < 20; ++t) {
    with_l2->step(x, grads[t]);
    plain->step(y, grads[t] + lambda * y);
    ASSERT_TRUE(close(x, y, 1e-13)) << "step " << t;
  }
}

TEST(WeightDecay, AdamL2EqualsAdamFedTheRegularisedGradient) {
  const auto grads = random_grads(10, 20, 3);
  const double lambda = 0.3;
  auto with_l2 = make({{"type", str("adam")}, {"lr", num(0.05)}, {"weightDecay", num(lambda)}});
  auto plain = make({{"type", str("adam")}, {"lr", num(0.05)}});
  Vec x = vec({1, -1, 0.5}), y = x;
  for (int t = 0; t < 20; ++t) {
    with_l2->step(x, grads[t]);
    plain->step(y, grads[t] + lambda * y);
    ASSERT_TRUE(close(x, y, 1e-13)) << "step " << t;
  }
}

// AdamW's step = Adam's (no decay, same moments) step minus eta_t lr wd x.
TEST(WeightDecay, AdamwIsAdamMinusTheDecay) {
  const Quadratic q = quadratic3();
  const double lr = 0.05, wd = 0.4;
  for (bool with_schedule : {false, true}) {
    SCOPED_TRACE(with_schedule ? "cosine schedule" : "no schedule");
    std::vector<Spec::Field> w = {{"type", str("adamw")}, {"lr", num(lr)}, {"weightDecay", num(wd)}};
    std::vector<Spec::Field> a = {{"type", str("adam")}, {"lr", num(lr)}};
    const Spec schedule = obj({{"type", str("cosine")}, {"tMax", num(30)}, {"etaMin", num(0.001)}});
    if (with_schedule) {
      w.push_back({"schedule", schedule});
      a.push_back({"schedule", schedule});
    }
    auto adamw = make(w), adam = make(a);
    Vec x = vec({2, -1, 3});
    for (int t = 0; t < 20; ++t) {
      const double eta = adamw->current_lr() / lr;
      EXPECT_NEAR(eta, with_schedule ? 0.001 / lr + (1 - 0.001 / lr) * (1 + std::cos(kPi * t / 30)) / 2 : 1, 1e-14);
      const Vec g = q.grad(x);
      Vec adam_x = x;
      adam->step(adam_x, g);
      const Vec expected = adam_x - eta * lr * wd * x;
      adamw->step(x, g);
      ASSERT_TRUE(close(x, expected, 1e-13)) << "step " << t;
    }
  }
}

// SGDW's momentum never sees the decay: with gradients g_t that do not depend on theta, the
// momentum m_t is the same for every lambda, and theta_T = (1 - lambda)^T theta_0 - sum_t
// (1 - lambda)^{T-t} m_t. After the gradients stop, the momentum coasts to zero and the decayed
// run shrinks by exactly (1 - lambda) per step relative to its own past, plus the coasting.
TEST(WeightDecay, SgdwDecayDoesNotEnterTheMomentum) {
  const auto grads = random_grads(11, 10, 3);
  const double alpha = 0.1, beta1 = 0.9, lambda = 0.05;
  auto decayed = make({{"type", str("sgdw")}, {"lr", num(alpha)}, {"momentum", num(beta1)}, {"weightDecay", num(lambda)}});
  auto undecayed = make({{"type", str("sgdw")}, {"lr", num(alpha)}, {"momentum", num(beta1)}, {"weightDecay", num(0)}});
  const Vec theta0 = vec({1, -1, 0.5});
  Vec x = theta0, y = theta0, m = Vec::Zero(3), closed = theta0, plain = theta0;
  const int total = 40;  // 10 steps with gradients, then 30 with zero gradients
  for (int t = 1; t <= total; ++t) {
    const Vec g = t <= 10 ? grads[t - 1] : Vec::Zero(3);
    decayed->step(x, g);
    undecayed->step(y, g);
    m = beta1 * m + alpha * g;
    closed = (1 - lambda) * closed - m;  // theta_t = (1 - lambda) theta_{t-1} - m_t
    plain -= m;                          // lambda = 0: theta_t = theta_0 - sum m
    ASSERT_TRUE(close(x, closed, 1e-13)) << "step " << t;
    ASSERT_TRUE(close(y, plain, 1e-13)) << "step " << t;
    ASSERT_EQ(find_state(decayed->state(), "momentum_buffer")->value, find_state(undecayed->state(), "momentum_buffer")->value)
        << "the momentum depends on lambda at step " << t;
  }
  // Without gradients from the start, decoupled decay is a pure geometric shrink.
  auto only_decay = make({{"type", str("sgdw")}, {"lr", num(alpha)}, {"momentum", num(beta1)}, {"weightDecay", num(lambda)}});
  Vec z = theta0;
  for (int t = 0; t < 15; ++t) only_decay->step(z, Vec::Zero(3));
  EXPECT_TRUE(close(z, std::pow(1 - lambda, 15) * theta0, 1e-13));
}

// SGD with L2: the decay passes through the momentum, so with zero gradients theta does not
// shrink geometrically: theta follows the heavy-ball recurrence on (lambda/2)|theta|^2.
TEST(WeightDecay, SgdL2DecayGoesThroughTheMomentum) {
  const double lr = 0.1, mu = 0.9, lambda = 0.05;
  auto opt = make({{"type", str("sgd")}, {"lr", num(lr)}, {"momentum", num(mu)}, {"weightDecay", num(lambda)}});
  const Vec theta0 = vec({1, -1, 0.5});
  Vec x = theta0, hx = theta0, b = Vec::Zero(3);
  for (int t = 0; t < 15; ++t) {
    opt->step(x, Vec::Zero(3));
    b = mu * b + lambda * hx;
    hx -= lr * b;
    ASSERT_TRUE(close(x, hx, 1e-13)) << "step " << t;
  }
  EXPECT_GT((x - std::pow(1 - lr * lambda, 15) * theta0).norm(), 1e-3);
}

TEST(WeightDecay, AdamL2AndAdamwGiveDifferentIterates) {
  const Quadratic q = quadratic3();
  const double lr = 0.05, lambda = 0.5;
  auto l2 = make({{"type", str("adam")}, {"lr", num(lr)}, {"weightDecay", num(lambda)}});
  auto decoupled = make({{"type", str("adamw")}, {"lr", num(lr)}, {"weightDecay", num(lambda / lr)}});
  Vec x = vec({2, -1, 3}), y = x;
  for (int t = 0; t < 30; ++t) {
    l2->step(x, q.grad(x));
    decoupled->step(y, q.grad(y));
  }
  EXPECT_TRUE(x.allFinite() && y.allFinite());
  EXPECT_GT((x - y).norm(), 1e-2) << "L2 and decoupled decay should not coincide";
}

// ---------------------------------------------------------------------------------------------
// Mechanics: reset(), state(), current_lr(), steps_taken().

TEST(OptimizerMechanics, ResetRestartsLikeAFreshOptimizer) {
  const std::vector<Spec> specs = {
      obj({{"type", str("adam")}, {"amsgrad", boolean(true)}, {"lr", num(0.05)}}),
      obj({{"type", str("sgd")}, {"momentum", num(0.9)}, {"nesterov", boolean(true)}}),
      obj({{"type", str("sgdw")}, {"schedule", obj({{"type", str("step")}, {"stepSize", num(3)}})}}),
      obj({{"type", str("nadam")}}),
      obj({{"type", str("radam")}}),
      obj({{"type", str("nesterovAccelerated")}, {"lr", num(0.1)}}),
      obj({{"type", str("adagradFull")}}),
      obj({{"type", str("rmsprop")}, {"centered", boolean(true)}, {"momentum", num(0.5)}}),
      obj({{"type", str("adadelta")}}),
      obj({{"type", str("adamax")}}),
      obj({{"type", str("adagrad")}, {"lrDecay", num(0.1)}}),
  };
  const Quadratic q = quadratic3();
  for (const auto& spec : specs) {
    SCOPED_TRACE(spec.find("type")->as_string());
    auto used = make_optimizer(spec), fresh = make_optimizer(spec);
    Vec x = vec({5, 5, 5});
    for (int t = 0; t < 7; ++t) used->step(x, q.grad(x));
    used->reset();
    EXPECT_EQ(used->steps_taken(), 0);
    EXPECT_TRUE(used->state().empty());
    Vec a = vec({2, -1, 3}), b = a;
    for (int t = 0; t < 10; ++t) {
      used->step(a, q.grad(a));
      fresh->step(b, q.grad(b));
    }
    EXPECT_EQ(a, b);
    EXPECT_EQ(used->current_lr(), fresh->current_lr());
  }
}

TEST(OptimizerMechanics, StateNamesAndSizes) {
  const std::vector<std::pair<Spec, std::vector<std::pair<std::string, Index>>>> cases = {
      {obj({{"type", str("gd")}}), {}},
      {obj({{"type", str("newton")}}), {}},
      {obj({{"type", str("heavyBall")}}), {{"momentum_buffer", 3}}},
      {obj({{"type", str("nesterovAccelerated")}}), {{"u", 3}}},
      {obj({{"type", str("adagradFull")}}), {{"G", 9}}},
      {obj({{"type", str("sgd")}}), {}},
      {obj({{"type", str("sgd")}, {"momentum", num(0.9)}}), {{"momentum_buffer", 3}}},
      {obj({{"type", str("sgdw")}}), {{"momentum_buffer", 3}}},
      {obj({{"type", str("adagrad")}}), {{"sum", 3}}},
      {obj({{"type", str("rmsprop")}}), {{"square_avg", 3}}},
      {obj({{"type", str("rmsprop")}, {"centered", boolean(true)}, {"momentum", num(0.9)}}),
       {{"square_avg", 3}, {"grad_avg", 3}, {"momentum_buffer", 3}}},
      {obj({{"type", str("adam")}}), {{"exp_avg", 3}, {"exp_avg_sq", 3}}},
      {obj({{"type", str("adam")}, {"amsgrad", boolean(true)}}), {{"exp_avg", 3}, {"exp_avg_sq", 3}, {"max_exp_avg_sq", 3}}},
      {obj({{"type", str("adamw")}}), {{"exp_avg", 3}, {"exp_avg_sq", 3}}},
      {obj({{"type", str("nadam")}}), {{"exp_avg", 3}, {"exp_avg_sq", 3}, {"mu_product", 1}}},
      {obj({{"type", str("radam")}}), {{"exp_avg", 3}, {"exp_avg_sq", 3}}},
      {obj({{"type", str("adamax")}}), {{"exp_avg", 3}, {"exp_inf", 3}}},
      {obj({{"type", str("adadelta")}}), {{"square_avg", 3}, {"acc_delta", 3}}},
  };
  Mat h = Mat::Identity(3, 3);
  for (const auto& [spec, expected] : cases) {
    auto opt = make_optimizer(spec);
    SCOPED_TRACE(opt->info().type);
    EXPECT_TRUE(opt->state().empty()) << "state before the first step";
    Vec x = vec({1, 2, 3});
    opt->step(x, vec({0.5, -1, 2}), &h);
    const auto state = opt->state();
    ASSERT_EQ(state.size(), expected.size());
    for (std::size_t i = 0; i < state.size(); ++i) {
      EXPECT_EQ(state[i].name, expected[i].first);
      EXPECT_EQ(state[i].value.size(), expected[i].second) << state[i].name;
      EXPECT_FALSE(state[i].symbol.empty()) << state[i].name;
    }
  }
}

// After one step with g the state holds what the update rules say: PyTorch's SGD buffer b_1 = g,
// Adam's m_1 = (1 - b1) g and v_1 = (1 - b2) g^2, AdaGrad's r_1 = r_0 + g^2, RMSProp's
// (1 - rho) g^2, Adamax's |g| + eps, NAdam's mu_1 = b1 (1 - 0.5 * 0.96^psi).
TEST(OptimizerMechanics, StateValuesAfterOneStep) {
  const Vec g = vec({0.5, -1, 2});
  auto first_state = [&](const Spec& spec, const std::string& name) {
    auto opt = make_optimizer(spec);
    Vec x = vec({1, 2, 3});
    opt->step(x, g);
    const auto state = opt->state();
    const StateEntry* entry = find_state(state, name);
    EXPECT_NE(entry, nullptr) << name;
    return entry ? entry->value : Vec();
  };
  EXPECT_TRUE(close(first_state(obj({{"type", str("sgd")}, {"momentum", num(0.9)}, {"dampening", num(0.5)}}),
                                "momentum_buffer"), g, 1e-15));
  EXPECT_TRUE(close(first_state(obj({{"type", str("adam")}}), "exp_avg"), 0.1 * g, 1e-15));
  EXPECT_TRUE(close(first_state(obj({{"type", str("adam")}}), "exp_avg_sq"), 0.001 * g.cwiseProduct(g), 1e-15));
  EXPECT_TRUE(close(first_state(obj({{"type", str("adagrad")}, {"initialAccumulatorValue", num(0.25)}}), "sum"),
                    (0.25 + g.array().square()).matrix(), 1e-15));
  EXPECT_TRUE(close(first_state(obj({{"type", str("rmsprop")}}), "square_avg"), 0.01 * g.cwiseProduct(g), 1e-15));
  EXPECT_TRUE(close(first_state(obj({{"type", str("adamax")}}), "exp_inf"), (g.array().abs() + 1e-8).matrix(), 1e-15));
  EXPECT_NEAR(first_state(obj({{"type", str("nadam")}}), "mu_product")[0], 0.9 * (1 - 0.5 * std::pow(0.96, 0.004)),
              1e-15);
}

TEST(OptimizerMechanics, CurrentLrFollowsTheScheduleAndStepsUseIt) {
  auto opt = make({{"type", str("gd")}, {"lr", num(0.4)},
                   {"schedule", obj({{"type", str("step")}, {"stepSize", num(2)}, {"gamma", num(0.5)}})}});
  const double expected[] = {0.4, 0.4, 0.2, 0.2, 0.1, 0.1, 0.05};
  Vec x = vec({1, 1});
  const Vec g = vec({1, -2});
  for (int t = 0; t < 7; ++t) {
    EXPECT_EQ(opt->steps_taken(), t);
    EXPECT_DOUBLE_EQ(opt->current_lr(), expected[t]) << "epoch " << t;
    const Vec before = x;
    opt->step(x, g);
    EXPECT_TRUE(close(x, before - expected[t] * g, 1e-15)) << "step " << t + 1;
  }
  EXPECT_EQ(opt->steps_taken(), 7);
  EXPECT_DOUBLE_EQ(opt->current_lr(), 0.4 * std::pow(0.5, 3));
  opt->reset();
  EXPECT_DOUBLE_EQ(opt->current_lr(), 0.4) << "reset() restarts the schedule";

  auto constant = make({{"type", str("adam")}});
  EXPECT_DOUBLE_EQ(constant->current_lr(), 1e-3);
}

}  // namespace
}  // namespace descent
