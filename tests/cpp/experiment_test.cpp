// Experiment: the fair side-by-side trainer. Every optimizer starts from the same weights and sees
// the same batches; histories have one point per epoch (plus the start) and one per step; a spec
// and seed give the same numbers bit for bit; full batch with 'gd' is gradient descent (checked by
// hand with descent::Network); a diverging optimizer is stopped while the others go on; the d x d
// optimizers are limited to small networks; coupled L2, layer statistics, run bookkeeping and the
// messages. Last, the golden: three float64 experiments against tests/fixtures/experiment_golden.json,
// which tests/wasm/native-agreement.test.js checks the WebAssembly build against as well.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/random.hpp"
#include "nn/dataset.hpp"
#include "nn/experiment.hpp"
#include "nn/network.hpp"
#include "test_helpers.hpp"

#ifndef DESCENT_FIXTURES_DIR
#define DESCENT_FIXTURES_DIR "tests/fixtures"  // a build by hand from the repository root
#endif

namespace descent {
namespace {

using test::arr;
using test::boolean;
using test::num;
using test::nums;
using test::obj;
using test::str;

// ---- specs -------------------------------------------------------------------------------

Spec spiral(double n = 300) {
  return obj({{"type", str("spiral")}, {"n", num(n)}, {"classes", num(3)}, {"noise", num(0.1)}, {"testFraction", num(0.2)}});
}
Spec tanh_net(std::vector<double> hidden = {32, 32}) {
  return obj({{"hidden", nums(hidden)}, {"activation", str("tanh")}, {"loss", str("crossEntropy")}});
}
Spec adam(double lr) { return obj({{"type", str("adam")}, {"lr", num(lr)}}); }
Spec sgd(double lr, double momentum = 0) {
  return obj({{"type", str("sgd")}, {"lr", num(lr)}, {"momentum", num(momentum)}});
}
Spec experiment(Spec dataset, Spec network, double batch, double seed, std::vector<Spec> optimizers) {
  return obj({{"dataset", std::move(dataset)}, {"network", std::move(network)}, {"batchSize", num(batch)},
              {"seed", num(seed)}, {"optimizers", arr(std::move(optimizers))}});
}
Spec epochs(double n) { return obj({{"epochs", num(n)}}); }
Spec steps(double n) { return obj({{"steps", num(n)}}); }

// Everything an optimizer's run produced, for bit-for-bit comparisons.
std::vector<double> everything(const Experiment& e, std::size_t i) {
  const History& h = e.history(i);
  std::vector<double> all;
  for (const auto* s : {&h.epoch, &h.train_loss, &h.test_loss, &h.train_accuracy, &h.test_accuracy, &h.grad_norm,
                        &h.weight_norm, &h.lr, &h.step_loss, &h.step_grad_norm, &h.step_lr})
    all.insert(all.end(), s->begin(), s->end());
  const Vec w = e.weights(i);
  all.insert(all.end(), w.data(), w.data() + w.size());
  return all;
}

// Bitwise equality that treats NaN (accuracy of a regression) as equal to itself.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (std::memcmp(&a[k], &b[k], sizeof(double)) != 0) return false;
  return true;
}

bool all_finite(const std::vector<double>& v) {
  return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}

// ---- fairness ----------------------------------------------------------------------------

TEST(Experiment, EveryOptimizerStartsFromTheSameWeightsAndIdenticalConfigurationsStayIdentical) {
  Experiment e(experiment(spiral(), tanh_net(), 16, 11, {sgd(0.1, 0.9), adam(0.01), sgd(0.1, 0.9)}));
  ASSERT_EQ(e.optimizer_count(), 3u);
  const Vec w0 = e.weights(0);
  ASSERT_EQ(w0.size(), e.parameter_count());
  EXPECT_GT(w0.norm(), 0);
  EXPECT_TRUE(e.weights(1) == w0);
  EXPECT_TRUE(e.weights(2) == w0);
  // The starting point of every history is the same evaluation.
  EXPECT_EQ(e.history(0).train_loss[0], e.history(1).train_loss[0]);
  EXPECT_EQ(e.history(0).weight_norm[0], e.history(2).weight_norm[0]);

  e.run(epochs(3));
  EXPECT_TRUE(same_bits(everything(e, 0), everything(e, 2))) << "identical configurations drifted apart";
  EXPECT_FALSE(e.weights(0) == e.weights(1));
  EXPECT_NE(e.history(0).step_loss.back(), e.history(1).step_loss.back());
  // Both moved away from the start.
  EXPECT_FALSE(e.weights(0) == w0);
  EXPECT_FALSE(e.weights(1) == w0);
}

TEST(Experiment, FullGradNormIsTheNormOfTheWholeTrainingSetGradientAndChangesNothingElse) {
  Spec with = experiment(spiral(), tanh_net({8}), 32, 4, {adam(0.01)});
  with.set("precision", str("float64"));
  Spec without = with;
  with.set("fullGradNorm", boolean(true));
  Experiment a(with), b(without);
  a.run(epochs(2));
  b.run(epochs(2));
  const History& h = a.history(0);
  ASSERT_EQ(h.grad_norm.size(), 3u);
  // At the end: the gradient of the whole training loss at the final weights, by a separate network.
  Network net(obj({{"inputs", num(2)}, {"outputs", num(3)}, {"hidden", nums({8})}, {"activation", str("tanh")},
                   {"loss", str("crossEntropy")}, {"precision", str("float64")}}));
  const Dataset& data = a.dataset();
  Vec g;
  net.loss_and_gradient(a.weights(0), data.x_train, data.y_train, Mat(), g);
  EXPECT_NEAR(h.grad_norm.back(), g.norm(), 1e-12 * g.norm());
  for (double v : h.grad_norm) EXPECT_GT(v, 0);
  // The option only adds that number: the training itself is the same, bit for bit.
  const History& hb = b.history(0);
  EXPECT_TRUE(a.weights(0) == b.weights(0));
  EXPECT_EQ(h.train_loss, hb.train_loss);
  EXPECT_EQ(h.step_loss, hb.step_loss);
  EXPECT_EQ(h.test_accuracy, hb.test_accuracy);
}

TEST(Experiment, OptimizersInOneExperimentSeeTheSameBatchesAsWhenRunAlone) {
  // Adam alone and Adam next to SGD: the shared batch order does not depend on the other optimizers.
  Experiment alone(experiment(spiral(), tanh_net({16}), 32, 5, {adam(0.01)}));
  Experiment together(experiment(spiral(), tanh_net({16}), 32, 5, {sgd(0.1), adam(0.01)}));
  alone.run(epochs(2));
  together.run(epochs(2));
  EXPECT_TRUE(same_bits(everything(alone, 0), everything(together, 1)));
}

// ---- history shape -----------------------------------------------------------------------

TEST(Experiment, HistoryHasOnePointPerEpochPlusTheStartAndOnePerStep) {
  // 300 examples, 240 for training; 240 / 32 = 7.5, so 8 steps per epoch (the last batch has 16).
  const int n_epochs = 3;
  Experiment e(experiment(spiral(), tanh_net({8}), 32, 1, {adam(0.01), sgd(0.05)}));
  const RunProgress p = e.run(epochs(n_epochs));
  const std::size_t per_epoch = (240 + 32 - 1) / 32;
  EXPECT_EQ(per_epoch, 8u);
  EXPECT_EQ(p.steps, static_cast<long long>(n_epochs * per_epoch));
  EXPECT_EQ(p.epochs, n_epochs);
  ASSERT_EQ(p.optimizer_steps.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    const History& h = e.history(i);
    EXPECT_EQ(p.optimizer_steps[i], static_cast<long long>(n_epochs * per_epoch));
    EXPECT_FALSE(p.diverged[i]);
    for (const auto* s : {&h.epoch, &h.train_loss, &h.test_loss, &h.train_accuracy, &h.test_accuracy, &h.grad_norm,
                          &h.weight_norm, &h.lr}) {
      EXPECT_EQ(s->size(), static_cast<std::size_t>(n_epochs + 1));
      if (s != &h.grad_norm) EXPECT_TRUE(all_finite(*s));
    }
    // The epoch's full-gradient norm costs a backward pass over the training set: only on request.
    for (double g : h.grad_norm) EXPECT_TRUE(std::isnan(g));
    for (int k = 0; k <= n_epochs; ++k) EXPECT_EQ(h.epoch[static_cast<std::size_t>(k)], k);
    for (const auto* s : {&h.step_loss, &h.step_grad_norm, &h.step_lr}) {
      EXPECT_EQ(s->size(), n_epochs * per_epoch);
      EXPECT_TRUE(all_finite(*s));
    }
    EXPECT_TRUE(h.layer_mean.empty());  // recordLayerStats is off
    EXPECT_FALSE(h.diverged);
    EXPECT_EQ(h.diverged_at, -1);
    EXPECT_TRUE(h.reason.empty());
    // The point of an epoch is the weights after its last step.
    EXPECT_EQ(h.weight_norm.back(), e.weights(i).norm());
  }
  EXPECT_EQ(e.history(0).step_lr.front(), 0.01);
  EXPECT_EQ(e.history(1).lr.back(), 0.05);
}

TEST(Experiment, HistoryShapeWhenTheTrainingSetDividesEvenly) {
  // n 200: 160 for training, batches of 20 give exactly 8 steps per epoch.
  Experiment e(experiment(spiral(200), tanh_net({8}), 20, 3, {adam(0.01)}));
  e.run(epochs(2));
  EXPECT_EQ(e.history(0).step_loss.size(), 16u);
  EXPECT_EQ(e.history(0).train_loss.size(), 3u);
}

// ---- determinism -------------------------------------------------------------------------

TEST(Experiment, TheSameSpecAndSeedGiveTheSameHistoryBitForBitAnotherSeedDoesNot) {
  auto spec = [](double seed) {
    Spec s = experiment(spiral(), tanh_net({16, 16}), 32, seed,
                        {obj({{"type", str("adamw")}, {"lr", num(0.01)}}), obj({{"type", str("sgdw")}, {"lr", num(0.05)}})});
    s.set("precision", str("float32"));
    return s;
  };
  auto histories = [](const Experiment& e) {
    std::vector<std::vector<double>> out;
    for (std::size_t i = 0; i < e.optimizer_count(); ++i) out.push_back(everything(e, i));
    return out;
  };
  // Two live experiments with the same seed, run in interleaved pieces (no shared state between
  // them, and 2 + 2 epochs are 4), and a third with another seed.
  auto first = std::make_unique<Experiment>(spec(5));
  auto second = std::make_unique<Experiment>(spec(5));
  Experiment other(spec(6));
  first->run(epochs(2));
  second->run(epochs(4));
  first->run(epochs(2));
  other.run(epochs(4));
  const auto a = histories(*first), b = histories(*second), c = histories(other);
  ASSERT_EQ(a.size(), 2u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(same_bits(a[i], b[i])) << "optimizer " << i << " is not reproducible";
    EXPECT_FALSE(same_bits(a[i], c[i])) << "optimizer " << i << ": seed 6 gave the same run as seed 5";
  }
}

// ---- full batch is gradient descent ------------------------------------------------------

TEST(Experiment, FullBatchGdIsGradientDescentOnTheWholeTrainingSet) {
  const std::uint64_t seed = 4;
  const double lr = 0.1;
  const Spec dataset = obj({{"type", str("sine")}, {"n", num(40)}, {"noise", num(0.1)}, {"testFraction", num(0.25)}});
  const Dataset data = make_dataset(dataset, seed);
  const Index n_train = data.x_train.cols();
  ASSERT_EQ(n_train, 30);
  Spec spec = experiment(dataset, obj({{"hidden", nums({4})}, {"activation", str("tanh")}, {"loss", str("mse")}}),
                         static_cast<double>(n_train), static_cast<double>(seed),
                         {obj({{"type", str("gd")}, {"lr", num(lr)}})});
  spec.set("precision", str("float64"));
  Experiment e(spec);

  Network net(obj({{"inputs", num(1)}, {"outputs", num(1)}, {"hidden", nums({4})}, {"activation", str("tanh")},
                   {"loss", str("mse")}, {"precision", str("float64")}}));
  ASSERT_EQ(net.parameter_count(), e.parameter_count());
  // The same init stream: Network::initial_parameters(seed) is the experiment's starting point.
  Vec x = net.initial_parameters(seed);
  ASSERT_TRUE(x == e.weights(0)) << "Network::initial_parameters(seed) is not the experiment's initialisation";
  Vec g;
  const Eigen::VectorXi no_labels;
  const double loss0 = net.loss_and_gradient(x, data.x_train, no_labels, data.t_train, g);
  EXPECT_NEAR(loss0, e.history(0).train_loss[0], 1e-14 * loss0);
  EXPECT_NEAR(g.norm(), e.history(0).grad_norm[0], 1e-13 * g.norm());

  e.run(steps(3));
  const History& h = e.history(0);
  ASSERT_EQ(h.step_loss.size(), 3u);
  ASSERT_EQ(h.epoch.size(), 4u);  // one step is one epoch

  // By hand, on the training set in its own order (full batches take it so): x <- x - lr g,
  // bit for bit.
  Vec by_hand = x;
  for (int k = 0; k < 3; ++k) {
    const double loss = net.loss_and_gradient(by_hand, data.x_train, no_labels, data.t_train, g);
    EXPECT_EQ(loss, h.step_loss[static_cast<std::size_t>(k)]) << "step " << k + 1;
    EXPECT_EQ(g.norm(), h.step_grad_norm[static_cast<std::size_t>(k)]) << "step " << k + 1;
    // Each step starts where the last epoch's evaluation stood (it reuses that gradient).
    EXPECT_EQ(h.train_loss[static_cast<std::size_t>(k)], h.step_loss[static_cast<std::size_t>(k)]);
    by_hand -= lr * g;
  }
  EXPECT_TRUE(by_hand == e.weights(0)) << "max difference " << (by_hand - e.weights(0)).cwiseAbs().maxCoeff();
  EXPECT_LT(h.step_loss[2], h.step_loss[0]);  // it descends
}

TEST(Experiment, EvaluateEveryThinsTheEpochPointsNotTheSteps) {
  auto make = [](double every) {
    Spec s = experiment(spiral(), tanh_net({8}), 60, 3, {adam(0.01)});
    if (every > 0) s.set("evaluateEvery", num(every));
    return s;
  };
  Experiment every_epoch(make(0)), every_third(make(3));
  every_epoch.run(epochs(7));
  every_third.run(epochs(7));
  const History &a = every_epoch.history(0), &b = every_third.history(0);
  EXPECT_EQ(a.step_loss, b.step_loss);  // the same training, step for step
  EXPECT_EQ(b.epoch, (std::vector<double>{0, 3, 6}));
  for (std::size_t k = 0; k < b.epoch.size(); ++k)
    EXPECT_EQ(b.train_loss[k], a.train_loss[static_cast<std::size_t>(b.epoch[k])]) << "epoch " << b.epoch[k];
  EXPECT_THROW(Experiment(make(0.5)), InvalidArgument);
}

// ---- precision ---------------------------------------------------------------------------

TEST(Experiment, Float32AndFloat64BothLearnFromTheSameStart) {
  auto spec = [](const char* precision) {
    Spec s = experiment(spiral(200), tanh_net({16, 16}), 20, 8, {adam(0.01)});
    s.set("precision", str(precision));
    return s;
  };
  Experiment f32(spec("float32")), f64(spec("float64"));
  EXPECT_EQ(f32.precision(), "float32");
  EXPECT_EQ(f64.precision(), "float64");
  EXPECT_TRUE(f32.weights(0) == f64.weights(0));  // weights are drawn in double either way
  const double start32 = f32.history(0).train_loss[0], start64 = f64.history(0).train_loss[0];
  EXPECT_NE(start32, start64);  // float32 arithmetic rounds differently...
  EXPECT_NEAR(start32, start64, 1e-5 * start64);  // ...but not by much
  f32.run(epochs(30));
  f64.run(epochs(30));
  for (const Experiment* e : {&f32, &f64}) {
    const History& h = e->history(0);
    EXPECT_FALSE(h.diverged) << e->precision();
    EXPECT_LT(h.train_loss.back(), 0.5 * h.train_loss.front()) << e->precision();
    EXPECT_GT(h.train_accuracy.back(), 0.75) << e->precision();
  }
  EXPECT_NEAR(f32.history(0).train_loss.back(), f64.history(0).train_loss.back(),
              0.1 * f64.history(0).train_loss.back());
}

// ---- divergence --------------------------------------------------------------------------

TEST(Experiment, ADivergingOptimizerIsStoppedAndMarkedWhileTheOtherCompletes) {
  Experiment e(experiment(spiral(), tanh_net(), 32, 1, {sgd(1e3), adam(0.01)}));
  const RunProgress p = e.run(epochs(5));
  const History& bad = e.history(0);
  const History& good = e.history(1);
  EXPECT_TRUE(bad.diverged);
  EXPECT_TRUE(p.diverged[0]);
  EXPECT_GT(bad.diverged_at, 0);
  EXPECT_LE(bad.diverged_at, 5 * 8);
  EXPECT_NE(bad.reason.find("diverged at step " + std::to_string(bad.diverged_at)), std::string::npos) << bad.reason;
  // diverged_at is the first step not taken: the steps before it were taken and recorded.
  EXPECT_EQ(p.optimizer_steps[0], bad.diverged_at - 1);
  EXPECT_EQ(bad.step_loss.size(), static_cast<std::size_t>(bad.diverged_at - 1));
  EXPECT_LT(bad.epoch.size(), 6u);

  EXPECT_FALSE(good.diverged);
  EXPECT_FALSE(p.diverged[1]);
  EXPECT_EQ(p.optimizer_steps[1], 5 * 8);
  EXPECT_EQ(good.step_loss.size(), 40u);
  EXPECT_EQ(good.epoch.size(), 6u);
  EXPECT_EQ(p.steps, 40);
  for (const History* h : {&bad, &good})
    for (const auto* s : {&h->train_loss, &h->step_loss, &h->weight_norm, &h->step_grad_norm}) EXPECT_TRUE(all_finite(*s));
  EXPECT_TRUE(e.weights(1).allFinite());
  EXPECT_LT(good.train_loss.back(), good.train_loss.front());

  // Running on leaves the diverged one where it stopped.
  const std::size_t stopped = bad.step_loss.size();
  e.run(epochs(1));
  EXPECT_EQ(e.history(0).step_loss.size(), stopped);
  EXPECT_EQ(e.history(1).step_loss.size(), 48u);
}

// ---- the d x d optimizers ----------------------------------------------------------------

Spec gaussians() {
  return obj({{"type", str("gaussians")}, {"n", num(150)}, {"classes", num(3)}, {"noise", num(0.3)},
              {"testFraction", num(0.2)}});
}

TEST(Experiment, NewtonAndFullMatrixAdagradTrainATinyNetwork) {
  // 2-4-3: 2*4 + 4 + 4*3 + 3 = 27 parameters.
  Spec spec = experiment(gaussians(), tanh_net({4}), 30, 2,
                         {obj({{"type", str("newton")}, {"lr", num(0.5)}, {"damping", num(1)}}),
                          obj({{"type", str("adagradFull")}, {"lr", num(0.1)}})});
  spec.set("precision", str("float64"));
  Experiment e(spec);
  ASSERT_EQ(e.parameter_count(), 27);
  e.run(epochs(5));
  for (std::size_t i = 0; i < 2; ++i) {
    const History& h = e.history(i);
    EXPECT_FALSE(h.diverged) << i << ": " << h.reason;
    EXPECT_EQ(h.step_loss.size(), 20u) << i;
    EXPECT_TRUE(all_finite(h.train_loss)) << i;
    EXPECT_LT(h.train_loss.back(), 0.7 * h.train_loss.front()) << i;
    EXPECT_GT(h.train_accuracy.back(), 0.8) << i;
  }
}

TEST(Experiment, TheMatrixOptimizersAreRefusedAbove500Parameters) {
  ASSERT_EQ(kMaxMatrixOptimizerParameters, 500);
  // Two gaussian classes, hidden [36, 10]: 2*36+36 + 36*10+10 + 10*2+2 = 500 parameters, allowed.
  Spec two = obj({{"type", str("gaussians")}, {"n", num(100)}, {"classes", num(2)}});
  for (const char* type : {"newton", "adagradFull"}) {
    SCOPED_TRACE(type);
    Experiment at_limit(experiment(two, tanh_net({36, 10}), 16, 1, {obj({{"type", str(type)}})}));
    EXPECT_EQ(at_limit.parameter_count(), 500);
    // One more hidden unit in the first layer: 513 parameters.
    EXPECT_THROW_WITH(Experiment(experiment(two, tanh_net({37, 10}), 16, 1, {adam(0.01), obj({{"type", str(type)}})})),
                      std::string("optimizers[1]: '") + type +
                          "' keeps a d x d matrix and is limited to networks of at most 500 parameters; "
                          "this network has 513");
  }
}

// ---- coupled L2 --------------------------------------------------------------------------

TEST(Experiment, CoupledL2AddsHalfTheWeightSquaresToTheLossAndShrinksTheWeights) {
  auto spec = [](double l2) {
    Spec s = experiment(spiral(200), tanh_net({8}), 20, 4, {adam(0.01)});
    s.set("precision", str("float64"));
    s.set("l2", num(l2));
    return s;
  };
  const double l2 = 0.05;
  Experiment plain(spec(0)), decayed(spec(l2));
  ASSERT_TRUE(plain.weights(0) == decayed.weights(0));
  // The L2 term covers the weights, not the biases. Layout 2-8-3: W0 (16), b0 (8), W1 (24), b1 (3).
  const Vec w = plain.weights(0);
  ASSERT_EQ(w.size(), 51);
  const double squares = w.segment(0, 16).squaredNorm() + w.segment(24, 24).squaredNorm();
  EXPECT_NEAR(decayed.history(0).train_loss[0] - plain.history(0).train_loss[0], 0.5 * l2 * squares, 1e-12);
  // The test loss is the data loss alone.
  EXPECT_EQ(decayed.history(0).test_loss[0], plain.history(0).test_loss[0]);

  plain.run(epochs(15));
  decayed.run(epochs(15));
  EXPECT_LT(decayed.history(0).weight_norm.back(), 0.9 * plain.history(0).weight_norm.back());
  EXPECT_LT(decayed.weights(0).norm(), plain.weights(0).norm());
}

// ---- layer statistics --------------------------------------------------------------------

// The grid is evaluated in tiles of points; every point must still be the network's output at
// that point. Checked against a plain double-precision forward pass written out here (PyTorch's
// layout: W_l row-major then b_l, per layer), on a grid whose last tile is partial.
TEST(Experiment, PredictGridIsTheNetworksSoftmaxAtEveryGridPoint) {
  Experiment e(experiment(spiral(), tanh_net({7, 5}), 32, 4, {adam(0.05)}));
  e.run(epochs(3));
  const Vec w = e.weights(0);
  const Grid grid{-2.0, 1.5, -1.0, 3.0, 37};  // 1,369 points: several tiles and a partial one
  const std::vector<float> values = e.predict_grid(0, grid);
  ASSERT_EQ(values.size(), std::size_t(37 * 37 * 3));
  const int widths[] = {2, 7, 5, 3};
  double worst = 0;
  for (int j = 0; j < 37; ++j)
    for (int k = 0; k < 37; ++k) {
      std::vector<double> a = {-2.0 + 3.5 * k / 36, -1.0 + 4.0 * j / 36};
      Index offset = 0;
      for (int l = 0; l < 3; ++l) {
        const int in = widths[l], out = widths[l + 1];
        std::vector<double> z(out);
        for (int o = 0; o < out; ++o) {
          double sum = w[offset + out * in + o];
          for (int p = 0; p < in; ++p) sum += w[offset + o * in + p] * a[p];
          z[o] = l < 2 ? std::tanh(sum) : sum;
        }
        offset += out * in + out;
        a = z;
      }
      const double m = *std::max_element(a.begin(), a.end());
      double total = 0;
      for (double& v : a) total += (v = std::exp(v - m));
      for (int c = 0; c < 3; ++c)
        worst = std::max(worst, std::abs(values[(j * 37 + k) * 3 + c] - a[c] / total));
    }
  EXPECT_LT(worst, 2e-6);  // float32 arithmetic against double
}

TEST(Experiment, RecordLayerStatsGivesOneValuePerEpochAndLayer) {
  Spec spec = experiment(spiral(200), tanh_net({16, 8}), 20, 2, {adam(0.01), sgd(0.1)});
  spec.set("recordLayerStats", boolean(true));
  Experiment e(spec);
  const std::size_t layers = 3;  // two hidden layers and the output layer
  e.run(epochs(2));
  for (std::size_t i = 0; i < 2; ++i) {
    const History& h = e.history(i);
    for (const auto* s : {&h.layer_mean, &h.layer_std, &h.layer_grad_norm}) {
      EXPECT_EQ(s->size(), (2 + 1) * layers);
      EXPECT_TRUE(all_finite(*s));
    }
    for (double v : h.layer_std) EXPECT_GE(v, 0);
    for (double v : h.layer_grad_norm) EXPECT_GE(v, 0);
    const Experiment::LayerStats now = e.layer_stats(i);
    EXPECT_EQ(now.mean.size(), layers);
    EXPECT_EQ(now.std.size(), layers);
    EXPECT_EQ(now.grad_norm.size(), layers);
  }
  // Without the option nothing is recorded, but layer_stats still answers.
  Experiment off(experiment(spiral(200), tanh_net({16, 8}), 20, 2, {adam(0.01)}));
  off.run(epochs(1));
  EXPECT_TRUE(off.history(0).layer_mean.empty());
  EXPECT_EQ(off.layer_stats(0).std.size(), layers);
}

// The histograms describe the same values as layer_stats: per layer the fractions (with what
// fell outside) sum to 1, and the mean and spread from the bin centres match the exact ones
// within a bin width; the weight gradient's entries give back its norm the same way.
TEST(Experiment, LayerHistogramsAgreeWithTheLayersStatistics) {
  Spec net = obj({{"hidden", nums({32, 32, 32})}, {"activation", str("relu")}, {"loss", str("crossEntropy")}});
  Experiment e(experiment(spiral(200), net, 20, 3, {sgd(0.05, 0.9)}));
  e.run(epochs(1));
  const int bins = 100;
  const Experiment::LayerHistograms h = e.layer_histograms(0, bins);
  const Experiment::LayerStats stats = e.layer_stats(0);
  const std::vector<Index> weights = {2 * 32, 32 * 32, 32 * 32, 32 * 3};
  ASSERT_EQ(h.activations.size(), 4u);
  ASSERT_EQ(h.gradients.size(), 4u);
  // Moments from the bin centres: each value moves by at most half a bin, so (the triangle
  // inequality in L2) the mean, the std and the root mean square move by at most half a bin.
  auto moments = [&](const Histogram& x, const ValueRange& r) {
    const double width = (r.hi - r.lo) / bins;
    double mean = 0, second = 0, total = x.below + x.above + x.non_finite;
    for (int b = 0; b < bins; ++b) {
      const double centre = r.lo + (b + 0.5) * width;
      mean += x.fractions[b] * centre;
      second += x.fractions[b] * centre * centre;
      total += x.fractions[b];
    }
    EXPECT_NEAR(total, 1.0, 1e-12);
    return std::array<double, 4>{mean, second, width, x.below + x.above + x.non_finite};
  };
  int checked = 0;
  for (std::size_t l = 0; l < 4; ++l) {
    const auto [mean, second, width, outside] = moments(h.activations[l], h.activation_range);
    if (l < 3) {  // the bin holding 0 (the range reaches below it for the logits)
      const int zero = static_cast<int>(-h.activation_range.lo / width);
      EXPECT_GT(h.activations[l].fractions[zero], 0.2) << "ReLU's zeros fill the bin of 0, layer " << l;
    }
    if (outside > 0) continue;  // the widest layer may spill past its mean + 4 std
    ++checked;
    EXPECT_NEAR(mean, stats.mean[l], width / 2 + 1e-9) << "layer " << l;
    EXPECT_NEAR(std::sqrt(second - mean * mean), stats.std[l], width / 2 + 1e-6) << "layer " << l;
  }
  for (std::size_t l = 0; l < 4; ++l) {
    const auto [mean, second, width, outside] = moments(h.gradients[l], h.gradient_range);
    if (outside > 0) continue;
    ++checked;
    const double n = double(weights[l]);
    EXPECT_NEAR(std::sqrt(n * second), stats.grad_norm[l], std::sqrt(n) * width / 2 + 1e-9) << "layer " << l;
  }
  EXPECT_GE(checked, 4);
  EXPECT_THROW(e.layer_histograms(0, 1), InvalidArgument);
  EXPECT_THROW(e.layer_histograms(0, 201), InvalidArgument);
  EXPECT_THROW(e.layer_histograms(5, 10), InvalidArgument);
}

// ---- run bookkeeping ---------------------------------------------------------------------

TEST(Experiment, RunBySteppingAndByEpochsKeepTheSameBooks) {
  // 240 training examples, batches of 32: 8 steps per epoch.
  const Spec spec = experiment(spiral(), tanh_net({8}), 32, 3, {adam(0.01), sgd(0.1, 0.9)});
  Experiment by_steps(spec), by_epochs(spec);

  RunProgress p = by_steps.run(steps(5));
  EXPECT_EQ(p.steps, 5);
  EXPECT_EQ(p.epochs, 0);
  EXPECT_EQ(p.optimizer_steps, (std::vector<long long>{5, 5}));
  EXPECT_EQ(by_steps.history(0).epoch.size(), 1u);  // no epoch finished yet
  EXPECT_EQ(by_steps.history(0).step_loss.size(), 5u);
  p = by_steps.run(steps(3));
  EXPECT_EQ(p.steps, 8);
  EXPECT_EQ(p.epochs, 1);
  EXPECT_EQ(by_steps.history(0).epoch.size(), 2u);
  p = by_steps.run(steps(11));
  EXPECT_EQ(p.steps, 19);
  EXPECT_EQ(p.epochs, 2);

  p = by_epochs.run(epochs(2));
  EXPECT_EQ(p.steps, 16);
  EXPECT_EQ(p.epochs, 2);
  // 5 + 3 + 8 steps are the same two epochs as {epochs: 2}, bit for bit.
  Experiment check(spec);
  check.run(steps(5));
  check.run(steps(3));
  check.run(steps(8));
  for (std::size_t i = 0; i < 2; ++i) EXPECT_TRUE(same_bits(everything(check, i), everything(by_epochs, i))) << i;

  // {epochs: n} counts whole epochs: in the middle of one, it finishes that epoch and n - 1 more.
  p = by_steps.run(epochs(1));
  EXPECT_EQ(p.steps, 24);
  EXPECT_EQ(p.epochs, 3);
  EXPECT_EQ(by_steps.history(1).epoch.size(), 4u);
  EXPECT_EQ(by_steps.progress().steps, 24);
}

// ---- messages ----------------------------------------------------------------------------

TEST(Experiment, RefusesBadSpecsNamingTheField) {
  const auto base = [] { return experiment(spiral(), tanh_net({8}), 32, 1, {adam(0.01)}); };
  Spec s = base();
  s.set("batchSize", num(241));
  EXPECT_THROW_WITH(Experiment{s}, "'batchSize' is 241, larger than the training set (240 examples)");
  s.set("batchSize", num(240));  // the whole training set is allowed: full batch
  EXPECT_NO_THROW(Experiment{s});
  s.set("batchSize", num(0));
  EXPECT_THROW_WITH(Experiment{s}, "'batchSize'");

  s = base();
  s.set("optimizers", arr({}));
  EXPECT_THROW_WITH(Experiment{s}, "'optimizers' must be a non-empty array of optimizer specs");
  Spec no_optimizers = obj({{"dataset", spiral()}, {"network", tanh_net({8})}});
  EXPECT_THROW_WITH(Experiment{no_optimizers}, "'optimizers' must be a non-empty array");
  s.set("optimizers", arr(std::vector<Spec>(13, adam(0.01))));
  EXPECT_THROW_WITH(Experiment{s}, "at most 12 optimizers, got 13");
  s.set("optimizers", arr({adam(0.01), obj({{"type", str("adam")}, {"lr", num(0)}})}));
  EXPECT_THROW_WITH(Experiment{s}, "optimizers[1]: optimizer 'adam': option 'lr' must be > 0, got 0");

  s = base();
  s.set("dataset", obj({{"type", str("spirals")}}));
  EXPECT_THROW_WITH(Experiment{s}, "unknown type 'spirals'");
  s.set("dataset", obj({{"type", str("spiral")}, {"n", num(5)}}));
  EXPECT_THROW_WITH(Experiment{s}, "'n'");
  s = base();
  s.set("precision", str("float16"));
  EXPECT_THROW_WITH(Experiment{s}, "'precision' must be one of 'float32' or 'float64'");
  s = base();
  s.set("momentum", num(0.9));
  EXPECT_THROW_WITH(Experiment{s}, "unknown option 'momentum'");
}

TEST(Experiment, RefusesBadRunOptionsAndIndices) {
  Experiment e(experiment(spiral(), tanh_net({8}), 32, 1, {adam(0.01)}));
  EXPECT_THROW_WITH(e.run(obj({})), "exactly one of 'epochs' or 'steps'");
  EXPECT_THROW_WITH(e.run(obj({{"epochs", num(1)}, {"steps", num(1)}})), "exactly one of 'epochs' or 'steps'");
  EXPECT_THROW_WITH(e.run(epochs(0)), "'epochs' must be in [1, 10000], got 0");
  EXPECT_THROW_WITH(e.run(epochs(1.5)), "'epochs' must be a whole number, got 1.5");
  EXPECT_THROW_WITH(e.run(steps(-1)), "'steps'");
  EXPECT_THROW_WITH(e.run(obj({{"epoch", num(1)}})), "unknown option 'epoch'");
  EXPECT_EQ(e.progress().steps, 0);  // nothing ran
  EXPECT_THROW_WITH(e.history(1), "optimizer index 1 is out of range (0 to 0)");
  EXPECT_THROW_WITH(e.weights(7), "out of range");
}

// ---- the golden: native and WebAssembly agree -------------------------------------------
//
// tests/fixtures/experiment_golden.json:
//   {"generator": "...", "tolerance": 1e-9, "cases": [
//     {"name": "...", "spec": {createExperiment spec}, "run": {"epochs": n},
//      "optimizers": [{"type": "...", "trainLoss": [...], "testLoss": [...], "trainAccuracy": [...] | null,
//                      "testAccuracy": [...] | null, "gradNorm": [...], "weightNorm": [...], "lr": [...],
//                      "stepLoss": [...], "stepGradNorm": [...], "weights": [...]}]}]}
// Arrays are the History fields (null where no value is finite, as history() gives them to
// JavaScript); weights are the final parameters. Numbers are written with %.17g.

// A small JSON reader into Spec (objects, arrays, strings without \u escapes, numbers, true,
// false, null): enough for the golden file, which this test writes itself.
class JsonReader {
 public:
  explicit JsonReader(const std::string& text) : s_(text) {}
  Spec parse() {
    Spec v = value();
    skip();
    if (i_ != s_.size()) error("text after the value");
    return v;
  }

 private:
  [[noreturn]] void error(const std::string& what) const {
    throw std::runtime_error("JSON at offset " + std::to_string(i_) + ": " + what);
  }
  void skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool take(char c) {
    skip();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!take(c)) error(std::string("expected '") + c + "'");
  }
  bool word(const char* w) {
    const std::size_t n = std::strlen(w);
    if (s_.compare(i_, n, w) != 0) return false;
    i_ += n;
    return true;
  }
  std::string string() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) error("unfinished escape");
        c = s_[i_++];
        if (c == 'n') c = '\n';
        else if (c == 't') c = '\t';
        else if (c != '"' && c != '\\' && c != '/') error("unsupported escape");
      }
      out += c;
    }
    if (i_ >= s_.size()) error("unfinished string");
    ++i_;
    return out;
  }
  Spec value() {
    skip();
    if (i_ >= s_.size()) error("unexpected end");
    const char c = s_[i_];
    if (c == '{') {
      ++i_;
      Spec o = Spec::object();
      if (take('}')) return o;
      do {
        std::string key = string();
        expect(':');
        o.set(std::move(key), value());
      } while (take(','));
      expect('}');
      return o;
    }
    if (c == '[') {
      ++i_;
      std::vector<Spec> items;
      if (take(']')) return Spec::array();
      do items.push_back(value());
      while (take(','));
      expect(']');
      return Spec::array(std::move(items));
    }
    if (c == '"') return Spec::string(string());
    if (word("true")) return Spec::boolean(true);
    if (word("false")) return Spec::boolean(false);
    if (word("null")) return Spec::null();
    const char* begin = s_.c_str() + i_;
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin) error("expected a value");
    i_ += static_cast<std::size_t>(end - begin);
    return Spec::number(v);
  }

  const std::string& s_;
  std::size_t i_ = 0;
};

Spec parse_json(const std::string& text) { return JsonReader(text).parse(); }

std::string full(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
// The shortest of %.15g, %.16g, %.17g that reads back as v: 0.05, not 0.050000000000000003.
std::string shortest(double v) {
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

// Compact JSON text of a spec, keys in their order; used to write the spec into the golden and to
// compare the golden's spec with the one below.
std::string to_json(const Spec& s) {
  switch (s.kind()) {
    case Spec::Kind::Undefined:
    case Spec::Kind::Null: return "null";
    case Spec::Kind::Boolean: return s.as_boolean() ? "true" : "false";
    case Spec::Kind::Number: return shortest(s.as_number());
    case Spec::Kind::String: {
      std::string out = "\"";
      for (char c : s.as_string()) out += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
      return out + "\"";
    }
    case Spec::Kind::Array: {
      std::string out = "[";
      for (std::size_t k = 0; k < s.items().size(); ++k) out += (k ? ", " : "") + to_json(s.items()[k]);
      return out + "]";
    }
    case Spec::Kind::Object: {
      std::string out = "{";
      for (std::size_t k = 0; k < s.fields().size(); ++k)
        out += (k ? ", \"" : "\"") + s.fields()[k].first + "\": " + to_json(s.fields()[k].second);
      return out + "}";
    }
  }
  return "null";
}

// The three experiments, as the JSON both builds read. Kept here so that a missing or stale golden
// is noticed: the golden's spec must equal these.
struct GoldenCase {
  const char* name;
  const char* spec;
  const char* run;
};
const std::vector<GoldenCase>& golden_cases() {
  static const std::vector<GoldenCase> cases = {
      {"spiral-4-optimizers",
       R"({"dataset": {"type": "spiral", "n": 200, "classes": 3, "noise": 0.1, "testFraction": 0.2},
           "network": {"hidden": [16, 16], "activation": "tanh", "loss": "crossEntropy"},
           "batchSize": 20, "seed": 9, "precision": "float64", "fullGradNorm": true,
           "optimizers": [{"type": "sgd", "lr": 0.05, "momentum": 0.9}, {"type": "adam", "lr": 0.01},
                          {"type": "adamw", "lr": 0.01}, {"type": "rmsprop", "lr": 0.01}]})",
       R"({"epochs": 4})"},
      {"digits-adam",
       R"({"dataset": {"type": "digits", "testFraction": 0.3},
           "network": {"hidden": [32], "activation": "relu", "loss": "crossEntropy"},
           "batchSize": 64, "seed": 3, "precision": "float64",
           "optimizers": [{"type": "adam", "lr": 0.003}]})",
       R"({"epochs": 2})"},
      {"sine-regression",
       R"({"dataset": {"type": "sine", "n": 120, "noise": 0.1, "testFraction": 0.25},
           "network": {"hidden": [8], "activation": "tanh", "loss": "mse"},
           "batchSize": 16, "seed": 5, "precision": "float64",
           "optimizers": [{"type": "sgd", "lr": 0.05}]})",
       R"({"epochs": 5})"},
  };
  return cases;
}

const char* const kSeries[] = {"trainLoss", "testLoss", "trainAccuracy", "testAccuracy", "gradNorm",
                               "weightNorm", "lr", "stepLoss", "stepGradNorm", "weights"};

const std::vector<double>& series_of(const History& h, const std::string& name) {
  if (name == "trainLoss") return h.train_loss;
  if (name == "testLoss") return h.test_loss;
  if (name == "trainAccuracy") return h.train_accuracy;
  if (name == "testAccuracy") return h.test_accuracy;
  if (name == "gradNorm") return h.grad_norm;
  if (name == "weightNorm") return h.weight_norm;
  if (name == "lr") return h.lr;
  if (name == "stepLoss") return h.step_loss;
  if (name == "stepGradNorm") return h.step_grad_norm;
  throw std::logic_error("no series " + name);
}

std::vector<double> values_of(const Experiment& e, std::size_t i, const std::string& name) {
  if (name != "weights") return series_of(e.history(i), name);
  const Vec w = e.weights(i);
  return std::vector<double>(w.data(), w.data() + w.size());
}

// Like history() in JavaScript: a series with no finite value is null.
std::string series_json(const std::vector<double>& v) {
  if (!v.empty() && !std::any_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); })) return "null";
  std::string out = "[";
  for (std::size_t k = 0; k < v.size(); ++k) out += (k ? ", " : "") + full(v[k]);
  return out + "]";
}

// Largest |actual - expected| relative to the largest |expected| (tests/wasm/load-module.js's
// relativeError), so an entry near zero is not held to an impossible relative standard.
double relative_error(const std::vector<double>& actual, const std::vector<double>& expected) {
  double scale = 0, worst = 0;
  for (double v : expected) scale = std::max(scale, std::abs(v));
  for (std::size_t k = 0; k < expected.size(); ++k) worst = std::max(worst, std::abs(actual[k] - expected[k]));
  return worst / std::max(scale, std::numeric_limits<double>::min());
}

std::string golden_path() { return std::string(DESCENT_FIXTURES_DIR) + "/experiment_golden.json"; }

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_golden() {
  std::string out =
      "{\n  \"generator\": \"tests/cpp/experiment_test.cpp, ExperimentGolden.NativeMatchesTheGolden with "
      "DESCENT_WRITE_GOLDEN=1 (native build, float64)\",\n  \"tolerance\": 1e-9,\n  \"cases\": [";
  bool first_case = true;
  for (const GoldenCase& c : golden_cases()) {
    const Spec spec = parse_json(c.spec), run = parse_json(c.run);
    Experiment e(spec);
    e.run(run);
    out += std::string(first_case ? "" : ",") + "\n    {\n      \"name\": \"" + c.name + "\",\n      \"spec\": " +
           to_json(spec) + ",\n      \"run\": " + to_json(run) + ",\n      \"optimizers\": [";
    first_case = false;
    const Spec& optimizers = *spec.find("optimizers");
    for (std::size_t i = 0; i < e.optimizer_count(); ++i) {
      out += std::string(i ? "," : "") + "\n        {\n          \"type\": \"" +
             optimizers.items()[i].find("type")->as_string() + "\",\n          \"diverged\": " +
             (e.history(i).diverged ? "true" : "false");
      for (const char* name : kSeries) out += ",\n          \"" + std::string(name) + "\": " + series_json(values_of(e, i, name));
      out += "\n        }";
    }
    out += "\n      ]\n    }";
  }
  out += "\n  ]\n}\n";
  std::ofstream file(golden_path());
  ASSERT_TRUE(file) << "cannot write " << golden_path();
  file << out;
}

TEST(ExperimentGolden, NativeMatchesTheGolden) {
  if (const char* flag = std::getenv("DESCENT_WRITE_GOLDEN"); flag != nullptr && std::string(flag) == "1") {
    write_golden();
    std::cout << "DESCENT_WRITE_GOLDEN=1: wrote " << golden_path() << " (nothing compared)\n";
    return;
  }
  const std::string text = read_text(golden_path());
  ASSERT_FALSE(text.empty()) << "cannot read " << golden_path()
                             << "; make it with DESCENT_WRITE_GOLDEN=1 and --gtest_filter=ExperimentGolden.*";
  const Spec golden = parse_json(text);
  const Spec* cases = golden.find("cases");
  ASSERT_TRUE(cases != nullptr && cases->is_array());
  ASSERT_EQ(cases->items().size(), golden_cases().size());
  double worst = 0;
  for (std::size_t c = 0; c < golden_cases().size(); ++c) {
    const Spec& g = cases->items()[c];
    SCOPED_TRACE(golden_cases()[c].name);
    ASSERT_EQ(g.find("name")->as_string(), golden_cases()[c].name);
    // The golden's spec is the one this file states (the JS test runs the golden's).
    ASSERT_EQ(to_json(*g.find("spec")), to_json(parse_json(golden_cases()[c].spec)));
    ASSERT_EQ(to_json(*g.find("run")), to_json(parse_json(golden_cases()[c].run)));
    EXPECT_EQ(g.find("spec")->find("precision")->as_string(), "float64");

    Experiment e(*g.find("spec"));
    e.run(*g.find("run"));
    const auto& optimizers = g.find("optimizers")->items();
    ASSERT_EQ(optimizers.size(), e.optimizer_count());
    for (std::size_t i = 0; i < optimizers.size(); ++i) {
      SCOPED_TRACE("optimizer " + std::to_string(i));
      EXPECT_EQ(optimizers[i].find("diverged")->as_boolean(), e.history(i).diverged);
      for (const char* name : kSeries) {
        SCOPED_TRACE(name);
        const Spec* expected_spec = optimizers[i].find(name);
        ASSERT_NE(expected_spec, nullptr);
        const std::vector<double> actual = values_of(e, i, name);
        if (expected_spec->kind() == Spec::Kind::Null) {
          EXPECT_FALSE(std::any_of(actual.begin(), actual.end(), [](double x) { return std::isfinite(x); }));
          continue;
        }
        std::vector<double> expected;
        for (const Spec& v : expected_spec->items()) expected.push_back(v.as_number());
        ASSERT_EQ(actual.size(), expected.size());
        ASSERT_FALSE(expected.empty());
        const double err = relative_error(actual, expected);
        worst = std::max(worst, err);
        EXPECT_LE(err, 1e-9);
      }
    }
  }
  std::cout << "largest relative difference from the golden: " << worst << "\n";
}

TEST(ExperimentGolden, TheJsonReaderReadsWhatToJsonWrites) {
  const Spec s = parse_json(R"( {"a": [1, -2.5e-3, 0.1, 1e300], "b": {"c": "x\"y", "d": true, "e": false, "f": null},
                                 "g": [], "h": {}} )");
  EXPECT_EQ(to_json(s), R"({"a": [1, -0.0025, 0.1, 1e+300], "b": {"c": "x\"y", "d": true, "e": false, "f": null}, "g": [], "h": {}})");
  EXPECT_EQ(s.find("a")->items()[2].as_number(), 0.1);
  const double third = 1.0 / 3;
  EXPECT_EQ(parse_json(full(third)).as_number(), third);  // %.17g reads back exactly
  EXPECT_THROW(parse_json("[1, 2"), std::runtime_error);
  EXPECT_THROW(parse_json("{\"a\" 1}"), std::runtime_error);
  EXPECT_THROW(parse_json("[1] x"), std::runtime_error);
}

// createNetwork's unknown-option message lists every key it takes, not only its own three.
TEST(Network, UnknownOptionListsEveryAllowedKey) {
  EXPECT_THROW_WITH(Network(obj({{"inputs", num(2)}, {"outputs", num(3)}, {"hidden", nums({4})}, {"dropout", num(0.5)}})),
                    "network: unknown option 'dropout'; allowed: 'inputs', 'outputs', 'precision', 'hidden', "
                    "'activation', 'leakySlope', 'loss' or 'init'");
}

}  // namespace
}  // namespace descent

