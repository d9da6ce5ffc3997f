// The fully connected network: activations and losses as torch defines them, backpropagation
// against central finite differences for every activation and loss, float against double, the
// flat parameter layout (torch's parameters_to_vector order), no allocation after reserve() nor in
// an experiment's steps, and the messages of read_network_spec.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/random.hpp"
#include "nn/activation.hpp"
#include "nn/loss.hpp"
#include "nn/experiment.hpp"
#include "nn/mlp.hpp"
#include "nn/network_spec.hpp"
#include "test_helpers.hpp"

// ---- counting allocations ------------------------------------------------------------------
// Eigen allocates its matrices and the packing buffers of its products with malloc, not with
// operator new, so the count is taken at malloc itself (libstdc++'s operator new calls it too).
// glibc lets a program replace malloc (the GNU C Library manual, "Replacing malloc"); these
// forward to glibc's own allocator and only count while a test asks them to.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define DESCENT_COUNT_MALLOC 1
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* pointer, std::size_t size);
void __libc_free(void* pointer);
}
namespace {
bool g_counting = false;
long g_allocations = 0;
}  // namespace
extern "C" {
void* malloc(std::size_t size) {
  if (g_counting) ++g_allocations;
  return __libc_malloc(size);
}
void* calloc(std::size_t count, std::size_t size) {
  if (g_counting) ++g_allocations;
  return __libc_calloc(count, size);
}
void* realloc(void* pointer, std::size_t size) {
  if (g_counting) ++g_allocations;
  return __libc_realloc(pointer, size);
}
void free(void* pointer) { __libc_free(pointer); }
}
#endif

namespace descent {
namespace {

using test::arr;
using test::num;
using test::obj;
using test::str;

const std::vector<Activation> kActivations = {Activation::Relu,   Activation::LeakyRelu, Activation::Tanh,
                                              Activation::Sigmoid, Activation::Linear,   Activation::Elu,
                                              Activation::Selu};
const std::vector<Loss> kLosses = {Loss::CrossEntropy, Loss::BinaryCrossEntropy, Loss::Mse};

template <typename S>
Targets<S> classes(const Eigen::VectorXi& labels) {
  Targets<S> t;
  t.labels = labels;
  return t;
}
template <typename S>
Targets<S> regression(const MatrixOf<S>& values) {
  Targets<S> t;
  t.values = values;
  return t;
}

NetworkSpec make_net(Index inputs, std::vector<Index> hidden, std::vector<Activation> activations, Index outputs,
                     Loss loss, double slope = 0.01) {
  NetworkSpec net;
  net.inputs = inputs;
  net.hidden = std::move(hidden);
  net.activations = std::move(activations);
  net.outputs = outputs;
  net.loss = loss;
  net.leaky_slope = slope;
  return net;
}

Eigen::VectorXd random_normal(Index n, std::uint64_t seed, double std = 1) {
  Rng rng(seed);
  Eigen::VectorXd v(n);
  for (Index i = 0; i < n; ++i) v[i] = rng.normal(0, std);
  return v;
}

Eigen::MatrixXd random_matrix(Index rows, Index cols, std::uint64_t seed) {
  Eigen::MatrixXd m(rows, cols);
  m.reshaped() = random_normal(rows * cols, seed);
  return m;
}

// Labels (classification) and values (regression) for a batch: the test keeps both alive.
struct Batch {
  Eigen::MatrixXd x;
  Eigen::VectorXi labels;
  Eigen::MatrixXd values;
  Targets<double> targets(Loss loss) const { return loss == Loss::Mse ? regression<double>(values) : classes<double>(labels); }
};

Batch make_batch(const NetworkSpec& net, Index batch, std::uint64_t seed) {
  Batch b;
  b.x = random_matrix(net.inputs, batch, seed);
  Rng rng(seed + 1);
  const Index classes = net.loss == Loss::CrossEntropy ? net.outputs : 2;
  b.labels.resize(batch);
  for (Index j = 0; j < batch; ++j) b.labels[j] = static_cast<int>(rng.below(static_cast<std::uint64_t>(classes)));
  b.values = random_matrix(net.outputs, batch, seed + 2);
  return b;
}

// ||g - g_fd|| / max(||g||, ||g_fd||), with central differences of Mlp::loss.
double gradient_error(const NetworkSpec& net, std::uint64_t seed) {
  Mlp<double> mlp(net);
  const Eigen::VectorXd params = random_normal(mlp.parameter_count(), seed, 0.6);
  const Batch batch = make_batch(net, 7, seed + 10);
  const Targets<double> y = batch.targets(net.loss);
  Eigen::VectorXd grad(mlp.parameter_count());
  mlp.loss_and_gradient(params.data(), batch.x, y, grad.data());

  Eigen::VectorXd numeric(mlp.parameter_count()), p = params;
  const double h = 1e-6;
  for (Index i = 0; i < p.size(); ++i) {
    p[i] = params[i] + h;
    const double up = mlp.loss(p.data(), batch.x, y);
    p[i] = params[i] - h;
    const double down = mlp.loss(p.data(), batch.x, y);
    p[i] = params[i];
    numeric[i] = (up - down) / (2 * h);
  }
  return (grad - numeric).norm() / std::max(grad.norm(), numeric.norm());
}

Index outputs_for(Loss loss) { return loss == Loss::CrossEntropy ? 4 : loss == Loss::BinaryCrossEntropy ? 1 : 2; }

// ---------------------------------------------------------------------------------------------
// Activations

TEST(Activations, KernelsMatchTheScalarDefinitions) {
  const std::vector<double> zs = {-30, -3, -1, -0.25, -1e-3, 0, 1e-3, 0.25, 1, 3, 30};
  for (Activation a : kActivations) {
    Eigen::VectorXd values = Eigen::Map<const Eigen::VectorXd>(zs.data(), Index(zs.size()));
    activate<double>(a, 0.2, values.data(), values.size());
    Eigen::VectorXd delta = Eigen::VectorXd::Constant(values.size(), 3.0);
    multiply_by_derivative<double>(a, 0.2, values.data(), delta.data(), delta.size());
    for (std::size_t i = 0; i < zs.size(); ++i) {
      EXPECT_NEAR(values[Index(i)], activation_value(a, 0.2, zs[i]), 1e-15) << activation_name(a) << " at " << zs[i];
      EXPECT_NEAR(delta[Index(i)], 3 * activation_derivative(a, 0.2, zs[i]), 1e-12)
          << activation_name(a) << "' at " << zs[i];
    }
  }
}

TEST(Activations, DerivativesAreTheSlopesOfTheValues) {
  for (Activation a : kActivations)
    for (double z : {-2.5, -0.7, -0.1, 0.1, 0.6, 2.2}) {
      const double h = 1e-6;
      const double numeric = (activation_value(a, 0.05, z + h) - activation_value(a, 0.05, z - h)) / (2 * h);
      EXPECT_NEAR(activation_derivative(a, 0.05, z), numeric, 1e-8) << activation_name(a) << " at " << z;
    }
}

TEST(Activations, TorchsValuesAndItsChoicesAtZero) {
  EXPECT_EQ(activation_derivative(Activation::Relu, 0.01, 0), 0);
  EXPECT_EQ(activation_derivative(Activation::LeakyRelu, 0.3, 0), 0.3);
  EXPECT_EQ(activation_derivative(Activation::Elu, 0.01, 0), 1);  // alpha exp(0)
  EXPECT_DOUBLE_EQ(activation_derivative(Activation::Selu, 0.01, 0), kSeluScale * kSeluAlpha);
  EXPECT_DOUBLE_EQ(activation_value(Activation::Selu, 0, -1), kSeluScale * kSeluAlpha * (std::exp(-1.0) - 1));
  EXPECT_DOUBLE_EQ(activation_value(Activation::Selu, 0, 2), 2 * kSeluScale);
  EXPECT_DOUBLE_EQ(activation_value(Activation::Elu, 0, -2), std::exp(-2.0) - 1);
  EXPECT_EQ(activation_value(Activation::LeakyRelu, 0.1, -2), -0.2);
  // Sigmoid far out: no overflow, the right limits.
  float z[2] = {-200.f, 200.f};
  activate<float>(Activation::Sigmoid, 0.f, z, 2);
  EXPECT_EQ(z[0], 0.f);
  EXPECT_EQ(z[1], 1.f);
}

// ---------------------------------------------------------------------------------------------
// Losses against hand computation

TEST(Losses, CrossEntropyIsLogSumExpMinusTheTrueLogit) {
  Eigen::MatrixXd z(3, 2);
  z << 1, 1000, 2, 1000, 3, 998;  // the second column would overflow exp without the max shift
  const Eigen::VectorXi labels = (Eigen::VectorXi(2) << 2, 0).finished();
  const double first = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 3;
  const double second = std::log(2 + std::exp(-2.0));
  const auto y = classes<double>(labels);
  EXPECT_NEAR(head_loss<double>(Loss::CrossEntropy, z, y), (first + second) / 2, 1e-14);

  Eigen::MatrixXd dz(3, 2), probabilities(3, 2);
  head_loss_and_gradient<double>(Loss::CrossEntropy, z, y, dz);
  head_outputs<double>(Loss::CrossEntropy, z, probabilities);
  const double s = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  EXPECT_NEAR(probabilities(0, 0), std::exp(1.0) / s, 1e-15);
  EXPECT_NEAR(dz(2, 0), (std::exp(3.0) / s - 1) / 2, 1e-15);
  EXPECT_NEAR(dz(0, 1), (1 / (2 + std::exp(-2.0)) - 1) / 2, 1e-15);
  EXPECT_NEAR(probabilities.colwise().sum().maxCoeff(), 1, 1e-15);
  EXPECT_NEAR(probabilities.colwise().sum().minCoeff(), 1, 1e-15);
}

TEST(Losses, BinaryCrossEntropyIsStableAtLargeLogits) {
  Eigen::MatrixXf z(1, 4);
  z << 100, -100, 100, 0;
  const Eigen::VectorXi labels = (Eigen::VectorXi(4) << 0, 1, 1, 0).finished();
  // log(1 + e^100) - 0, log(1 + e^-100) + 100, log(1 + e^-100), log 2.
  const double expected = (100 + 100 + 0 + std::log(2.0)) / 4;
  Eigen::MatrixXf dz(1, 4);
  const float loss = head_loss_and_gradient<float>(Loss::BinaryCrossEntropy, z, classes<float>(labels), dz);
  EXPECT_NEAR(loss, expected, 1e-5);
  EXPECT_FLOAT_EQ(dz(0, 0), 0.25f);
  EXPECT_FLOAT_EQ(dz(0, 1), -0.25f);
  EXPECT_NEAR(dz(0, 2), 0, 1e-30);
  EXPECT_FLOAT_EQ(dz(0, 3), 0.125f);
  Eigen::MatrixXf p(1, 4);
  head_outputs<float>(Loss::BinaryCrossEntropy, z, p);
  EXPECT_EQ(p(0, 0), 1.f);
  EXPECT_GE(p(0, 1), 0.f);
  EXPECT_LT(p(0, 1), 1e-40f);
  EXPECT_EQ(p(0, 3), 0.5f);
}

TEST(Losses, MseIsTheMeanOverExamplesAndOutputs) {
  Eigen::MatrixXd z(2, 3), target(2, 3);
  z << 1, 2, 3, 4, 5, 6;
  target << 1, 0, 3, 0, 5, 9;
  // Squared errors 0, 4, 0, 16, 0, 9 over 6 entries.
  const auto y = regression<double>(target);
  Eigen::MatrixXd dz(2, 3);
  EXPECT_DOUBLE_EQ(head_loss_and_gradient<double>(Loss::Mse, z, y, dz), 29.0 / 6);
  EXPECT_DOUBLE_EQ(dz(1, 0), 2 * 4.0 / 6);
  EXPECT_DOUBLE_EQ(dz(1, 2), 2 * -3.0 / 6);
  EXPECT_EQ(dz(0, 0), 0);
}

TEST(Losses, MissingOrOutOfRangeTargetsAreNamed) {
  Eigen::MatrixXd z = Eigen::MatrixXd::Zero(3, 2);
  const Eigen::VectorXi labels = (Eigen::VectorXi(2) << 0, 3).finished();
  EXPECT_THROW_WITH(head_loss<double>(Loss::CrossEntropy, z, classes<double>(labels)),
                    "loss 'crossEntropy': the label of example 1 must be a class in [0, 2], got 3");
  EXPECT_THROW_WITH(head_loss<double>(Loss::Mse, z, classes<double>(labels)),
                    "loss 'mse' needs target values of 3 x 2 (outputs x batch), got 0 x 0");
  EXPECT_THROW_WITH(head_loss<double>(Loss::CrossEntropy, z, classes<double>(labels.head(1))),
                    "loss 'crossEntropy' needs one class label per example: 2, got 1");
  Eigen::MatrixXd one = Eigen::MatrixXd::Zero(1, 2);
  EXPECT_THROW_WITH(head_loss<double>(Loss::BinaryCrossEntropy, one, classes<double>(labels)),
                    "must be a class in [0, 1], got 3");
}

TEST(Losses, CountCorrectTakesTheArgmaxOrTheThreshold) {
  Eigen::MatrixXd p(3, 3);
  p << 0.2, 0.5, 0.1, 0.7, 0.25, 0.1, 0.1, 0.25, 0.8;
  const Eigen::VectorXi labels = (Eigen::VectorXi(3) << 1, 0, 1).finished();
  EXPECT_EQ(count_correct<double>(p, labels), 2);
  Eigen::MatrixXd q(1, 3);
  q << 0.9, 0.5, 0.2;
  const Eigen::VectorXi binary = (Eigen::VectorXi(3) << 1, 1, 0).finished();
  EXPECT_EQ(count_correct<double>(q, binary), 2);  // 0.5 is not above 0.5: class 0
}

// ---------------------------------------------------------------------------------------------
// Backpropagation against central finite differences (float64)

TEST(MlpGradient, EveryActivationWithEveryLoss) {
  for (Activation a : kActivations)
    for (Loss loss : kLosses) {
      const NetworkSpec net = make_net(3, {5, 4}, {a, a}, outputs_for(loss), loss, 0.1);
      EXPECT_LT(gradient_error(net, 11), 1e-6) << activation_name(a) << " with " << loss_name(loss);
    }
}

TEST(MlpGradient, MixedActivationsAndDeeperNets) {
  EXPECT_LT(gradient_error(make_net(3, {6, 5}, {Activation::Tanh, Activation::Relu}, 3, Loss::CrossEntropy), 21), 1e-6);
  EXPECT_LT(gradient_error(make_net(4, {6, 5, 4}, {Activation::Selu, Activation::LeakyRelu, Activation::Sigmoid}, 2,
                                    Loss::Mse, 0.2),
                           22),
            1e-6);
  EXPECT_LT(gradient_error(make_net(2, {7, 3}, {Activation::Elu, Activation::Linear}, 1, Loss::BinaryCrossEntropy), 23),
            1e-6);
}

TEST(MlpGradient, LinearAndLogisticModelsWithoutHiddenLayers) {
  for (Loss loss : kLosses) EXPECT_LT(gradient_error(make_net(3, {}, {}, outputs_for(loss), loss), 31), 1e-6);
}

TEST(MlpGradient, FloatAgreesWithDouble) {
  for (Loss loss : kLosses) {
    const NetworkSpec net = make_net(5, {16, 8}, {Activation::Tanh, Activation::Elu}, outputs_for(loss), loss);
    Mlp<double> wide(net);
    Mlp<float> narrow(net);
    const Eigen::VectorXd params = random_normal(wide.parameter_count(), 41, 0.5);
    const Batch batch = make_batch(net, 32, 42);
    Eigen::VectorXd grad(wide.parameter_count());
    Eigen::VectorXf grad_f(narrow.parameter_count());
    const Eigen::VectorXf params_f = params.cast<float>();
    const Eigen::MatrixXf x_f = batch.x.cast<float>(), values_f = batch.values.cast<float>();
    const Targets<float> y_f = loss == Loss::Mse ? regression<float>(values_f) : classes<float>(batch.labels);
    const double loss_d = wide.loss_and_gradient(params.data(), batch.x, batch.targets(loss), grad.data());
    const float loss_f = narrow.loss_and_gradient(params_f.data(), x_f, y_f, grad_f.data());
    EXPECT_NEAR(loss_f, loss_d, 1e-5 * std::abs(loss_d)) << loss_name(loss);
    EXPECT_LT((grad_f.cast<double>() - grad).norm() / grad.norm(), 1e-4) << loss_name(loss);
  }
}

TEST(MlpGradient, LossEqualsTheLossOfLossAndGradient) {
  const NetworkSpec net = make_net(3, {4}, {Activation::Relu}, 3, Loss::CrossEntropy);
  Mlp<double> mlp(net);
  const Eigen::VectorXd params = random_normal(mlp.parameter_count(), 5);
  const Batch batch = make_batch(net, 9, 6);
  Eigen::VectorXd grad(mlp.parameter_count());
  const double a = mlp.loss(params.data(), batch.x, batch.targets(net.loss));
  const double b = mlp.loss_and_gradient(params.data(), batch.x, batch.targets(net.loss), grad.data());
  EXPECT_EQ(a, b);
}

// ---------------------------------------------------------------------------------------------
// Layout: W_0 (row-major), b_0, W_1, b_1, as torch's parameters_to_vector.

TEST(MlpLayout, HandSetTwoThreeTwoNetwork) {
  const NetworkSpec net = make_net(2, {3}, {Activation::Relu}, 2, Loss::Mse);
  Mlp<double> mlp(net);
  ASSERT_EQ(mlp.parameter_count(), 3 * 2 + 3 + 2 * 3 + 2);
  // W_0 = [[1, 2], [3, -4], [-1, 0]], b_0 = [0.5, 0, 1]; W_1 = [[1, 0, 2], [0, -1, 1]], b_1 = [0.25, -0.5].
  const std::vector<double> params = {1, 2, 3, -4, -1, 0, 0.5, 0, 1, 1, 0, 2, 0, -1, 1, 0.25, -0.5};
  Eigen::MatrixXd x(2, 2);
  x << 1, -1,  //
      2, 0.5;
  // Column 0: z = [5.5, -5, 0] -> a = [5.5, 0, 0]; out = [5.5 + 0.25, 0 - 0.5] = [5.75, -0.5].
  // Column 1: z = [0.5, -5, 2]  -> a = [0.5, 0, 2]; out = [0.5 + 4 + 0.25, 2 - 0.5] = [4.75, 1.5].
  Eigen::MatrixXd out(2, 2);
  mlp.predict(params.data(), x, out);
  EXPECT_DOUBLE_EQ(out(0, 0), 5.75);
  EXPECT_DOUBLE_EQ(out(1, 0), -0.5);
  EXPECT_DOUBLE_EQ(out(0, 1), 4.75);
  EXPECT_DOUBLE_EQ(out(1, 1), 1.5);

  // dL/db_1 = mean over the batch of 2 (out - y) / (2 outputs): with y = 0, [(5.75 + 4.75), (-0.5 + 1.5)] / 2.
  const Eigen::MatrixXd zero = Eigen::MatrixXd::Zero(2, 2);
  std::vector<double> grad(params.size());
  mlp.loss_and_gradient(params.data(), x, regression<double>(zero), grad.data());
  EXPECT_DOUBLE_EQ(grad[15], (5.75 + 4.75) / 2);
  EXPECT_DOUBLE_EQ(grad[16], (-0.5 + 1.5) / 2);
  // dz = 2 (out - 0) / (2 outputs * 2 examples) = out / 2 and dW_1 = dz a^T: W_1[0][2] is flat 9 + 2.
  EXPECT_DOUBLE_EQ(grad[11], 4.75);
  EXPECT_DOUBLE_EQ(grad[9], 5.75 / 2 * 5.5 + 4.75 / 2 * 0.5);
}

TEST(MlpLayout, PredictGivesProbabilities) {
  const NetworkSpec net = make_net(4, {8}, {Activation::Tanh}, 5, Loss::CrossEntropy);
  Mlp<float> mlp(net);
  const Eigen::VectorXf params = random_normal(mlp.parameter_count(), 3, 2).cast<float>();
  const Eigen::MatrixXf x = random_matrix(4, 20, 4).cast<float>();
  Eigen::MatrixXf p(5, 20);
  mlp.predict(params.data(), x, p);
  EXPECT_GE(p.minCoeff(), 0.f);
  for (Index j = 0; j < 20; ++j) EXPECT_NEAR(p.col(j).sum(), 1.f, 1e-6f);

  const NetworkSpec binary = make_net(4, {8}, {Activation::Tanh}, 1, Loss::BinaryCrossEntropy);
  Mlp<float> logistic(binary);
  Eigen::MatrixXf q(1, 20);
  logistic.predict(params.data(), x, q);
  EXPECT_GT(q.minCoeff(), 0.f);
  EXPECT_LT(q.maxCoeff(), 1.f);
  Eigen::MatrixXf resized;
  logistic.predict(params.data(), x.leftCols(3), resized);
  EXPECT_EQ(resized.rows(), 1);
  EXPECT_EQ(resized.cols(), 3);
  EXPECT_TRUE(resized.isApprox(q.leftCols(3), 1e-6f));  // not bit-equal: the product blocks by size
}

TEST(MlpLayout, MiniBatchesMayBeColumnBlocks) {
  const NetworkSpec net = make_net(3, {6}, {Activation::Relu}, 3, Loss::CrossEntropy);
  Mlp<double> mlp(net);
  const Eigen::VectorXd params = random_normal(mlp.parameter_count(), 8);
  const Batch data = make_batch(net, 12, 9);
  const Targets<double> y = classes<double>(data.labels.segment(4, 5));
  Eigen::VectorXd g_block(mlp.parameter_count()), g_copy(mlp.parameter_count());
  const double a = mlp.loss_and_gradient(params.data(), data.x.middleCols(4, 5), y, g_block.data());
  const Eigen::MatrixXd x = data.x.middleCols(4, 5);
  const double b = mlp.loss_and_gradient(params.data(), x, y, g_copy.data());
  EXPECT_EQ(a, b);
  EXPECT_EQ(g_block, g_copy);
  // Accuracy: count_correct agrees with predict's argmax.
  Eigen::MatrixXd p(3, 12);
  mlp.predict(params.data(), data.x, p);
  EXPECT_EQ(mlp.count_correct(params.data(), data.x, data.labels), count_correct<double>(p, data.labels));
  EXPECT_THROW_WITH(mlp.loss(params.data(), data.x.topRows(2), classes<double>(data.labels)),
                    "a batch must have 3 rows (one per input feature), got 2");
}

TEST(MlpLayout, LayerStatsDescribeTheLastPasses) {
  const NetworkSpec net = make_net(3, {5, 4}, {Activation::Tanh, Activation::Tanh}, 2, Loss::Mse);
  Mlp<double> mlp(net);
  const Eigen::VectorXd params = random_normal(mlp.parameter_count(), 12);
  const Batch batch = make_batch(net, 6, 13);
  Eigen::MatrixXd out(2, 6);
  mlp.predict(params.data(), batch.x, out);
  std::vector<LayerStats> stats = mlp.layer_stats();
  ASSERT_EQ(stats.size(), 3u);
  EXPECT_TRUE(std::isnan(stats[0].grad_norm));  // no backward pass yet
  EXPECT_NEAR(stats[2].mean, out.mean(), 1e-14);  // the output layer's "activations": its outputs
  EXPECT_NEAR(stats[2].std, std::sqrt((out.array() - out.mean()).square().mean()), 1e-14);
  // The first hidden layer by hand.
  const Eigen::Map<const Eigen::Matrix<double, 5, 3, Eigen::RowMajor>> w0(params.data());
  const Eigen::MatrixXd a0 = ((w0 * batch.x).colwise() + params.segment(15, 5)).array().tanh().matrix();
  EXPECT_NEAR(stats[0].mean, a0.mean(), 1e-14);

  Eigen::VectorXd grad(mlp.parameter_count());
  mlp.loss_and_gradient(params.data(), batch.x, batch.targets(net.loss), grad.data());
  stats = mlp.layer_stats();
  const std::vector<LayerShape> layers = layer_shapes(net);
  for (std::size_t l = 0; l < layers.size(); ++l)
    EXPECT_NEAR(stats[l].grad_norm,
                grad.segment(layers[l].weight_offset, layers[l].outputs * layers[l].inputs).norm(), 1e-14);
}

// ---------------------------------------------------------------------------------------------
// No allocation once reserve() has run

TEST(MlpAllocation, NothingAfterReserve) {
#ifndef DESCENT_COUNT_MALLOC
  GTEST_SKIP() << "counting allocations needs glibc's replaceable malloc";
#else
  // The counter itself: it sees Eigen's malloc and operator new.
  g_counting = true;
  g_allocations = 0;
  {
    Eigen::MatrixXf probe(64, 64);
    probe.setZero();
    static int* volatile boxed;  // volatile: the compiler may not elide this new/delete pair
    boxed = new int(3);
    delete boxed;
  }
  g_counting = false;
  ASSERT_EQ(g_allocations, 2);

  // Large enough for Eigen's blocked products (which pack into buffers of their own unless given ours).
  const NetworkSpec net = make_net(196, {256, 128}, {Activation::Relu, Activation::Tanh}, 10, Loss::CrossEntropy);
  for (Loss loss : kLosses) {
    NetworkSpec n = net;
    n.loss = loss;
    n.outputs = outputs_for(loss);
    Mlp<float> mlp(n);
    mlp.reserve(128);
    const Eigen::VectorXf params = random_normal(mlp.parameter_count(), 1, 0.05).cast<float>();
    Eigen::VectorXf grad(mlp.parameter_count());
    const Eigen::MatrixXf x = random_matrix(196, 128, 2).cast<float>();
    const Eigen::VectorXi labels = Eigen::VectorXi::Zero(128);
    Targets<float> y, small_y;
    y.labels = labels;
    y.values = Eigen::MatrixXf::Ones(n.outputs, 128);
    small_y.labels = labels.head(50);
    small_y.values = y.values.leftCols(50);
    Eigen::MatrixXf out(n.outputs, 128), small_out(n.outputs, 50);

    g_counting = true;
    g_allocations = 0;
    for (int step = 0; step < 3; ++step) {
      mlp.loss_and_gradient(params.data(), x, y, grad.data());
      mlp.loss_and_gradient(params.data(), x.leftCols(50), small_y, grad.data());
      mlp.loss(params.data(), x, y);
      mlp.predict(params.data(), x, out);
      mlp.predict(params.data(), x.middleCols(10, 50), small_out);
      if (loss != Loss::Mse) mlp.count_correct(params.data(), x, labels);
    }
    g_counting = false;
    EXPECT_EQ(g_allocations, 0) << loss_name(loss);
  }
#endif
}

TEST(MlpAllocation, ABiggerBatchGrowsTheBuffers) {
  const NetworkSpec net = make_net(3, {4}, {Activation::Sigmoid}, 2, Loss::CrossEntropy);
  Mlp<double> mlp(net);
  mlp.reserve(2);
  const Eigen::VectorXd params = random_normal(mlp.parameter_count(), 1);
  const Batch batch = make_batch(net, 9, 2);
  Eigen::VectorXd grad(mlp.parameter_count());
  Mlp<double> fresh(net);
  Eigen::VectorXd expected(mlp.parameter_count());
  EXPECT_EQ(mlp.loss_and_gradient(params.data(), batch.x, batch.targets(net.loss), grad.data()),
            fresh.loss_and_gradient(params.data(), batch.x, batch.targets(net.loss), expected.data()));
  EXPECT_EQ(grad, expected);
  EXPECT_EQ(mlp.reserved_batch(), 9);
}

// A whole training loop (batches drawn and gathered, forward and backward, every optimizer's
// update, schedules, epoch evaluations): nothing is allocated per step. The histories grow by
// doubling, so 1,000 steps after a warm-up of 1,000 reallocate each history vector about
// once; one allocation per step would be six thousand.
TEST(MlpAllocation, AnExperimentsStepsAllocateOnlyToGrowTheirHistories) {
#ifndef DESCENT_COUNT_MALLOC
  GTEST_SKIP() << "counting allocations needs glibc's replaceable malloc";
#else
  const auto optimizer = [](const char* type, std::vector<Spec::Field> extra = {}) {
    std::vector<Spec::Field> fields = {{"type", str(type)}, {"lr", num(0.01)}};
    for (auto& f : extra) fields.push_back(std::move(f));
    return obj(std::move(fields));
  };
  const auto spec = [&](const char* precision) {
    return obj({
      {"precision", str(precision)},
      {"dataset", obj({{"type", str("spiral")}, {"n", num(300)}, {"testFraction", num(0.2)}})},
      {"network", obj({{"hidden", arr({num(16), num(16)})}, {"activation", str("tanh")}})},
      {"batchSize", num(32)},
      {"seed", num(3)},
      {"optimizers",
       arr({optimizer("sgd", {{"momentum", num(0.9)}, {"nesterov", test::boolean(true)}}), optimizer("adam"),
            optimizer("adamw"), optimizer("rmsprop"), optimizer("adagrad"),
            optimizer("sgdw", {{"schedule", obj({{"type", str("cosineWarmRestarts")}, {"t0", num(5)}})}})})},
    });
  };
  for (const char* precision : {"float32", "float64"}) {
    Experiment e(spec(precision));
    e.run(obj({{"steps", num(1000)}}));
    const Spec options = obj({{"steps", num(1000)}});
    g_counting = true;
    g_allocations = 0;
    e.run(options);
    g_counting = false;
    EXPECT_EQ(e.progress().steps, 2000);
    EXPECT_LT(g_allocations, 100) << precision;  // 74 here: 6 optimizers x 11 history vectors, the call's own
  }
#endif
}

// ---------------------------------------------------------------------------------------------
// read_network_spec

TEST(NetworkSpecValidation, ReadsTheSpecAndItsDefaults) {
  const NetworkSpec a = read_network_spec(obj({{"hidden", test::nums({32, 16})}, {"activation", str("tanh")}}), 2, 3, true);
  EXPECT_EQ(a.hidden, (std::vector<Index>{32, 16}));
  EXPECT_EQ(a.activations, (std::vector<Activation>{Activation::Tanh, Activation::Tanh}));
  EXPECT_EQ(a.loss, Loss::CrossEntropy);
  EXPECT_EQ(a.outputs, 3);
  EXPECT_EQ(parameter_count(a), 32 * 2 + 32 + 16 * 32 + 16 + 3 * 16 + 3);

  const NetworkSpec b = read_network_spec(obj({{"hidden", test::nums({4, 5})},
                                               {"activation", arr({str("relu"), str("leakyRelu")})},
                                               {"leakySlope", num(0.2)},
                                               {"loss", str("binaryCrossEntropy")}}),
                                          2, 2, true);
  EXPECT_EQ(b.activations, (std::vector<Activation>{Activation::Relu, Activation::LeakyRelu}));
  EXPECT_EQ(b.outputs, 1);  // one unit for two classes
  EXPECT_EQ(b.leaky_slope, 0.2);

  const NetworkSpec c = read_network_spec(obj({{"hidden", test::nums({})}}), 3, 2, false);
  EXPECT_TRUE(c.hidden.empty());
  EXPECT_EQ(c.loss, Loss::Mse);
  EXPECT_EQ(parameter_count(c), 2 * 3 + 2);

  const NetworkSpec d = read_network_spec(obj({}), 2, 2, true);
  EXPECT_EQ(d.hidden, (std::vector<Index>{32, 32}));
  EXPECT_EQ(d.activations, (std::vector<Activation>{Activation::Relu, Activation::Relu}));
  EXPECT_TRUE(d.init.is_undefined());
}

TEST(NetworkSpecValidation, MessagesNameTheFieldTheValueAndWhatIsAllowed) {
  auto read = [](std::vector<Spec::Field> fields, Index outputs = 3, bool classification = true) {
    return read_network_spec(obj(std::move(fields)), 2, outputs, classification);
  };
  EXPECT_THROW_WITH(read({{"hidden", test::nums({8, 0})}}), "network: option 'hidden' entry 1 must be >= 1, got 0");
  EXPECT_THROW_WITH(read({{"hidden", test::nums({8.5})}}), "network: option 'hidden' entry 0 must be a whole number, got 8.5");
  EXPECT_THROW_WITH(read({{"hidden", test::nums({5000})}}), "entry 0 must be <= 4096, got 5000");
  EXPECT_THROW_WITH(read({{"hidden", str("32")}}), "option 'hidden' must be an array of layer widths, got '32'");
  EXPECT_THROW_WITH(read({{"hidden", test::nums(std::vector<double>(17, 4))}}), "at most 16 hidden layers, got 17");
  EXPECT_THROW_WITH(read({{"activation", str("swish")}}),
                    "network: option 'activation' must be one of 'relu', 'leakyRelu', 'tanh', 'sigmoid', 'linear', "
                    "'elu' or 'selu', got 'swish'");
  EXPECT_THROW_WITH(read({{"hidden", test::nums({4, 4})}, {"activation", arr({str("tanh")})}}),
                    "network: option 'activation' must name one activation per hidden layer: 2 for hidden of length 2, "
                    "got 1");
  EXPECT_THROW_WITH(read({{"hidden", test::nums({4, 4})}, {"activation", arr({str("tanh"), num(1)})}}),
                    "option 'activation' entry 1 must be one of");
  EXPECT_THROW_WITH(read({{"leakySlope", num(-0.1)}}), "network: option 'leakySlope' must be in [0, 1], got -0.1");
  EXPECT_THROW_WITH(read({{"loss", str("hinge")}}), "network: option 'loss' must be one of 'crossEntropy', "
                                                    "'binaryCrossEntropy' or 'mse', got 'hinge'");
  EXPECT_THROW_WITH(read({{"loss", str("mse")}}), "network: option 'loss' 'mse' needs a regression task; this is a "
                                                  "classification task with 3 classes: use 'crossEntropy'");
  EXPECT_THROW_WITH(read({{"loss", str("binaryCrossEntropy")}}),
                    "'binaryCrossEntropy' needs exactly 2 classes; this is a classification task with 3 classes");
  EXPECT_THROW_WITH(read({{"loss", str("crossEntropy")}}, 1, false),
                    "'crossEntropy' needs a classification task; this is a regression task: use 'mse'");
  EXPECT_THROW_WITH(read({{"depth", num(3)}}), "network: unknown option 'depth'; allowed: 'hidden', 'activation', 'leakySlope', 'loss' or 'init'");
  EXPECT_THROW_WITH(read({}, 1, true), "a classification task needs at least 2 classes, got 1");
  // 2 inputs, 4096 x 6 hidden: 2*4096 + 4096 + 5 * (4096^2 + 4096) + 3 * 4096 + 3 = 83,931,139 parameters.
  EXPECT_THROW_WITH(read({{"hidden", test::nums(std::vector<double>(6, 4096))}}),
                    "network: 83931139 parameters is more than the limit of 5000000");
  // init is checked here already (init.cpp's table).
  EXPECT_THROW_WITH(read({{"init", obj({{"type", str("orthogonal")}})}}), "init: unknown type 'orthogonal'");
}

}  // namespace
}  // namespace descent
