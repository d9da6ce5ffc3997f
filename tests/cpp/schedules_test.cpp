// Learning-rate schedules (the lecture's SetScheduleMultiplier) at chosen epochs against their
// closed forms computed by hand, the schedule registry's documentation, and the validation messages.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "optim/schedule.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using test::num;
using test::obj;
using test::str;

constexpr double kPi = 3.14159265358979323846;

// eta_min + (eta - eta_min) (1 + cos(pi t / T)) / 2
double cosine(double base, double eta_min, double t, double period) {
  return eta_min + (base - eta_min) * (1 + std::cos(kPi * t / period)) / 2;
}

// ---------------------------------------------------------------------------------------------
// Closed forms at chosen epochs.

TEST(Schedules, ConstantAndUndefinedSpecKeepTheBaseRate) {
  for (const Spec& spec : {Spec(), Spec::null(), obj({{"type", str("constant")}})}) {
    const auto lrs = schedule_lrs(spec, 0.3, 6);
    ASSERT_EQ(lrs.size(), 6u);
    for (double lr : lrs) EXPECT_EQ(lr, 0.3);
  }
  EXPECT_TRUE(schedule_lrs(Spec(), 0.3, 0).empty());
}

// Step decay: eta gamma^floor(t / s).
TEST(Schedules, StepDecay) {
  const auto lrs = schedule_lrs(obj({{"type", str("step")}, {"stepSize", num(3)}, {"gamma", num(0.5)}}), 0.2, 10);
  const double expected[] = {0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025};
  ASSERT_EQ(lrs.size(), 10u);
  for (int e = 0; e < 10; ++e) EXPECT_DOUBLE_EQ(lrs[e], expected[e]) << "epoch " << e;
  // gamma defaults to 0.1.
  const auto defaults = schedule_lrs(obj({{"type", str("step")}, {"stepSize", num(2)}}), 1, 5);
  EXPECT_DOUBLE_EQ(defaults[1], 1);
  EXPECT_DOUBLE_EQ(defaults[2], 0.1);
  EXPECT_DOUBLE_EQ(defaults[4], 0.01);
}

// Exponential decay: eta gamma^t.
TEST(Schedules, ExponentialDecay) {
  const auto lrs = schedule_lrs(obj({{"type", str("exponential")}, {"gamma", num(0.9)}}), 0.5, 30);
  EXPECT_DOUBLE_EQ(lrs[0], 0.5);
  EXPECT_DOUBLE_EQ(lrs[1], 0.45);
  EXPECT_DOUBLE_EQ(lrs[2], 0.405);
  EXPECT_NEAR(lrs[29], 0.5 * std::pow(0.9, 29), 1e-15);
}

// Cosine annealing: eta at 0, the mean of eta and eta_min at T/2, eta_min at T; past T it follows
// the cosine back up (PyTorch's CosineAnnealingLR does), reaching eta again at 2T.
TEST(Schedules, CosineAnnealingIncludingPastTMax) {
  const auto lrs =
      schedule_lrs(obj({{"type", str("cosine")}, {"tMax", num(10)}, {"etaMin", num(0.01)}}), 0.21, 21);
  EXPECT_DOUBLE_EQ(lrs[0], 0.21);
  EXPECT_NEAR(lrs[5], 0.11, 1e-15);
  EXPECT_NEAR(lrs[10], 0.01, 1e-15);
  EXPECT_NEAR(lrs[15], 0.11, 1e-15);
  EXPECT_NEAR(lrs[20], 0.21, 1e-15);
  // t = 2: 0.01 + 0.2 (1 + cos(pi/5)) / 2, cos(pi/5) = (1 + sqrt 5) / 4.
  EXPECT_NEAR(lrs[2], 0.01 + 0.1 * (1 + (1 + std::sqrt(5.0)) / 4), 1e-15);
  for (int e = 1; e <= 10; ++e) EXPECT_LT(lrs[e], lrs[e - 1]) << "decreasing up to tMax, epoch " << e;
  // etaMin defaults to 0.
  const auto to_zero = schedule_lrs(obj({{"type", str("cosine")}, {"tMax", num(4)}}), 1, 5);
  EXPECT_NEAR(to_zero[2], 0.5, 1e-15);
  EXPECT_NEAR(to_zero[4], 0, 1e-15);
}

// SGDR with T_0 = 5, T_mult = 2: periods of 5, 10, 20 epochs, restarts at epochs 5, 15, 35.
TEST(Schedules, CosineWarmRestarts) {
  const double base = 0.1, eta_min = 0.001;
  const auto lrs = schedule_lrs(
      obj({{"type", str("cosineWarmRestarts")}, {"t0", num(5)}, {"tMult", num(2)}, {"etaMin", num(eta_min)}}), base, 40);
  ASSERT_EQ(lrs.size(), 40u);
  for (int restart : {0, 5, 15, 35}) EXPECT_DOUBLE_EQ(lrs[restart], base) << "restart at epoch " << restart;
  for (int e = 0; e < 40; ++e) {
    double t_cur, period;
    if (e < 5) {
      t_cur = e, period = 5;
    } else if (e < 15) {
      t_cur = e - 5, period = 10;
    } else if (e < 35) {
      t_cur = e - 15, period = 20;
    } else {
      t_cur = e - 35, period = 40;
    }
    EXPECT_NEAR(lrs[e], cosine(base, eta_min, t_cur, period), 1e-15) << "epoch " << e;
  }
  EXPECT_NEAR(lrs[10], (base + eta_min) / 2, 1e-15);  // halfway through the 10-epoch period
  EXPECT_NEAR(lrs[25], (base + eta_min) / 2, 1e-15);  // halfway through the 20-epoch period
  EXPECT_LT(lrs[14], lrs[13]);
  EXPECT_GT(lrs[15], lrs[14]);

  // tMult defaults to 1: a period of t0 epochs, repeated.
  const auto periodic = schedule_lrs(obj({{"type", str("cosineWarmRestarts")}, {"t0", num(4)}}), 1, 12);
  for (int e = 0; e < 12; ++e) EXPECT_NEAR(periodic[e], cosine(1, 0, e % 4, 4), 1e-15) << "epoch " << e;
}

// Far epochs come from the periods' closed form, at once: epoch 4e9 with one-epoch periods once
// took a loop of 4e9 steps. Periods that would pass 2^63 (t0 = 1e9, tMult = 1000) must not overflow.
TEST(Schedules, CosineWarmRestartsAtFarEpochs) {
  const auto restarts = [](double t0, double t_mult) {
    return make_schedule(obj({{"type", str("cosineWarmRestarts")}, {"t0", num(t0)}, {"tMult", num(t_mult)}}));
  };
  EXPECT_DOUBLE_EQ(restarts(1, 1)(0.1, 4'000'000'000LL), 0.1);
  EXPECT_NEAR(restarts(7, 1)(1, 4'000'000'003LL), cosine(1, 0, 4'000'000'003LL % 7, 7), 1e-15);
  // Periods 1, 2, 4, ...: the period of 2^40 epochs starts at epoch 2^40 - 1.
  const long long p40 = 1LL << 40;
  EXPECT_NEAR(restarts(1, 2)(1, p40 - 1 + 5), cosine(1, 0, 5, static_cast<double>(p40)), 1e-15);
  EXPECT_DOUBLE_EQ(restarts(1, 2)(1, p40 - 1), 1);
  // Periods 1e9, 1e12, 1e15, 1e18, then 1e21 (past 2^63), which starts at 1001001001000000000.
  const long long start = 1'001'001'001'000'000'000LL, e = 9'000'000'000'000'000'000LL;
  EXPECT_NEAR(restarts(1e9, 1000)(1, e), cosine(1, 0, static_cast<double>(e - start), 1e21), 1e-12);
}

// Linear: eta (f0 + (f1 - f0) min(t, T) / T).
TEST(Schedules, Linear) {
  const auto lrs = schedule_lrs(
      obj({{"type", str("linear")}, {"startFactor", num(0.25)}, {"endFactor", num(1)}, {"totalIters", num(4)}}), 2, 7);
  const double expected[] = {0.5, 0.875, 1.25, 1.625, 2, 2, 2};
  for (int e = 0; e < 7; ++e) EXPECT_DOUBLE_EQ(lrs[e], expected[e]) << "epoch " << e;
  // A decay to zero, and the defaults (1/3 to 1 over 5 epochs).
  const auto down = schedule_lrs(
      obj({{"type", str("linear")}, {"startFactor", num(1)}, {"endFactor", num(0)}, {"totalIters", num(2)}}), 1, 4);
  EXPECT_DOUBLE_EQ(down[1], 0.5);
  EXPECT_DOUBLE_EQ(down[3], 0);
  const auto defaults = schedule_lrs(obj({{"type", str("linear")}}), 3, 6);
  EXPECT_DOUBLE_EQ(defaults[0], 1);
  EXPECT_DOUBLE_EQ(defaults[5], 3);
}

// Warm-up then cosine: eta (f0 + (1 - f0) t / W) for t < W, then the cosine shifted by W.
TEST(Schedules, WarmupThenCosineIsTheCosineShifted) {
  const Spec cosine_spec = obj({{"type", str("cosine")}, {"tMax", num(10)}, {"etaMin", num(0.005)}});
  const auto lrs = schedule_lrs(
      obj({{"type", str("warmup")}, {"steps", num(4)}, {"startFactor", num(0.1)}, {"then", cosine_spec}}), 0.1, 20);
  const auto plain = schedule_lrs(cosine_spec, 0.1, 16);
  for (int e = 0; e < 4; ++e) EXPECT_NEAR(lrs[e], 0.1 * (0.1 + 0.9 * e / 4.0), 1e-16) << "epoch " << e;
  for (int e = 4; e < 20; ++e) {
    EXPECT_NEAR(lrs[e], cosine(0.1, 0.005, e - 4, 10), 1e-16) << "epoch " << e;
    EXPECT_EQ(lrs[e], plain[e - 4]);
  }
  // Without `then` the rate stays at eta after the warm-up; startFactor defaults to 0.1.
  const auto constant_after = schedule_lrs(obj({{"type", str("warmup")}, {"steps", num(2)}}), 1, 5);
  EXPECT_DOUBLE_EQ(constant_after[0], 0.1);
  EXPECT_DOUBLE_EQ(constant_after[1], 0.55);
  EXPECT_DOUBLE_EQ(constant_after[2], 1);
  EXPECT_DOUBLE_EQ(constant_after[4], 1);
}

// ---------------------------------------------------------------------------------------------
// The registry documents every schedule, and make_schedule and schedule_lrs check their input.

TEST(ScheduleRegistry, EveryEntryIsDocumented) {
  std::set<std::string> types;
  for (const auto& info : schedule_registry()) {
    SCOPED_TRACE(info.type);
    EXPECT_TRUE(types.insert(info.type).second);
    EXPECT_FALSE(info.label.empty());
    EXPECT_FALSE(info.formula.empty());
    EXPECT_FALSE(info.torch.empty());
    EXPECT_NE(info.make, nullptr);
    for (const auto& p : info.params) EXPECT_FALSE(p.help.empty()) << p.name;
  }
  for (const char* t : {"constant", "step", "exponential", "cosine", "cosineWarmRestarts", "linear", "warmup"})
    EXPECT_EQ(types.count(t), 1u) << t;
}

TEST(ScheduleValidation, ScheduleLrsArguments) {
  const Spec cosine_spec = obj({{"type", str("cosine")}, {"tMax", num(10)}});
  EXPECT_THROW_WITH(schedule_lrs(cosine_spec, 0, 5), "scheduleLrs: baseLr must be > 0, got 0");
  EXPECT_THROW_WITH(schedule_lrs(cosine_spec, -1, 5), "baseLr must be > 0, got -1");
  EXPECT_THROW_WITH(schedule_lrs(cosine_spec, NAN, 5), "baseLr must be > 0, got NaN");
  EXPECT_THROW_WITH(schedule_lrs(cosine_spec, 0.1, -1), "scheduleLrs: epochs must be in [0, 10000000], got -1");
  EXPECT_THROW_WITH(schedule_lrs(cosine_spec, 0.1, 10'000'001), "got 10000001");
}

TEST(ScheduleValidation, SpecMessages) {
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("cosin")}}), 0.1, 5),
                    "schedule: unknown type 'cosin'; allowed: 'constant', 'step', 'exponential', 'cosine'");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"tMax", num(3)}}), 0.1, 5), "schedule needs a 'type'");
  EXPECT_THROW_WITH(schedule_lrs(num(3), 0.1, 5), "schedule must be an object, got 3");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("cosine")}}), 0.1, 5),
                    "schedule 'cosine': option 'tMax' is required (epochs from the initial rate down to etaMin)");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("step")}}), 0.1, 5), "schedule 'step': option 'stepSize' is required");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("exponential")}}), 0.1, 5),
                    "schedule 'exponential': option 'gamma' is required");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("cosineWarmRestarts")}, {"t0", num(5)}, {"tMult", num(0)}}), 0.1, 5),
                    "schedule 'cosineWarmRestarts': option 'tMult' must be in [1, 1000], got 0");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("cosineWarmRestarts")}, {"t0", num(0)}}), 0.1, 5),
                    "option 't0' must be in [1, 1000000000], got 0");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("step")}, {"stepSize", num(2.5)}}), 0.1, 5),
                    "option 'stepSize' must be a whole number, got 2.5");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("step")}, {"stepSize", num(2)}, {"gamma", num(0)}}), 0.1, 5),
                    "option 'gamma' must be > 0, got 0");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("cosine")}, {"tMax", num(10)}, {"etaMin", num(-0.1)}}), 0.1, 5),
                    "option 'etaMin' must be >= 0, got -0.1");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("linear")}, {"startFactor", num(0)}}), 0.1, 5),
                    "option 'startFactor' must be in (0, 1], got 0");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("cosine")}, {"tMax", num(10)}, {"gamma", num(0.5)}}), 0.1, 5),
                    "schedule 'cosine': unknown option 'gamma'; allowed: 'tMax' or 'etaMin'");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("constant")}, {"gamma", num(0.5)}}), 0.1, 5),
                    "unknown option 'gamma'; allowed: none");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("warmup")}, {"steps", num(3)}, {"then", num(1)}}), 0.1, 5),
                    "schedule 'warmup': option 'then' must be an object, got 1");
  EXPECT_THROW_WITH(schedule_lrs(obj({{"type", str("warmup")}, {"steps", num(3)}, {"then", obj({{"type", str("cosine")}})}}),
                                 0.1, 5),
                    "schedule 'cosine': option 'tMax' is required");
}

// Huge integer options (beyond 2^63 they would overflow, and t0 = 1e20 once hung the restart
// loop) must give a clear message or the closed form.
TEST(ScheduleValidation, HugeIntegerOptionsAreRefusedOrExact) {
  struct Case {
    Spec spec;
    double (*expected)(long long epoch);
  };
  const std::vector<Case> cases = {
      {obj({{"type", str("cosineWarmRestarts")}, {"t0", num(1e20)}}), [](long long) { return 0.1; }},
      {obj({{"type", str("cosineWarmRestarts")}, {"t0", num(5)}, {"tMult", num(3e18)}}),
       [](long long e) { return e < 5 ? cosine(0.1, 0, e, 5) : 0.1; }},
      {obj({{"type", str("linear")}, {"totalIters", num(1e20)}}), [](long long) { return 0.1 / 3; }},
      {obj({{"type", str("warmup")}, {"steps", num(1e20)}}), [](long long) { return 0.01; }},
      {obj({{"type", str("step")}, {"stepSize", num(1e20)}}), [](long long) { return 0.1; }},
      {obj({{"type", str("cosine")}, {"tMax", num(1e20)}}), [](long long) { return 0.1; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.spec.find("type")->as_string());
    try {
      const auto lrs = schedule_lrs(c.spec, 0.1, 12);
      for (long long e = 0; e < 12; ++e) EXPECT_NEAR(lrs[e], c.expected(e), 1e-12) << "epoch " << e;
    } catch (const InvalidArgument& e) {
      SUCCEED() << "refused: " << e.what();
    }
  }
}

}  // namespace
}  // namespace descent
