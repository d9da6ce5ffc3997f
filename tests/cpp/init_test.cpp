// Weight initialisation as the lecture teaches it: each scheme's sample mean and variance on a
// large layer against torch.nn.init's formula, the 'auto' gains, biases, the draw order and
// determinism, the lecture's experiment (Xavier keeps a deep tanh network's activations alive
// where N(0, 1) saturates and N(0, 0.01^2) collapses; He does the same for relu), and the messages.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/random.hpp"
#include "nn/init.hpp"
#include "nn/init_scale.hpp"
#include "nn/mlp.hpp"
#include "nn/network_spec.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using test::num;
using test::obj;
using test::str;

NetworkSpec make_net(Index inputs, std::vector<Index> hidden, std::vector<Activation> activations, Index outputs,
                     double slope = 0.01) {
  NetworkSpec net;
  net.inputs = inputs;
  net.hidden = std::move(hidden);
  net.activations = std::move(activations);
  net.outputs = outputs;
  net.loss = Loss::Mse;
  net.leaky_slope = slope;
  return net;
}

std::vector<double> initialized(const NetworkSpec& net, const Spec& init, std::uint64_t seed = 1) {
  std::vector<double> params(static_cast<std::size_t>(parameter_count(net)));
  Rng rng(seed);
  initialize(net, init, rng, params.data());
  return params;
}

struct Moments {
  double mean, variance, max_abs;
};
Moments moments(const double* values, Index n) {
  const Eigen::Map<const Eigen::ArrayXd> v(values, n);
  const double mean = v.mean();
  return {mean, (v - mean).square().mean(), v.abs().maxCoeff()};
}

// One 1000 x 1000 weight (then a 500 x 1000 output layer, so fan_in and fan_out differ there).
const NetworkSpec& big() {
  static const NetworkSpec net = make_net(1000, {1000}, {Activation::Tanh}, 500);
  return net;
}

// n = 10^6 draws: the sample mean is within 5 sigma / 1000 of 0, the sample variance within 1%
// of the variance (its relative standard deviation is sqrt(2 / n) = 0.14% for a normal).
void expect_moments(const std::vector<double>& params, const LayerShape& layer, double std, const std::string& what) {
  const Index n = layer.outputs * layer.inputs;
  const Moments m = moments(params.data() + layer.weight_offset, n);
  EXPECT_LT(std::abs(m.mean), 5 * std / std::sqrt(double(n))) << what;
  EXPECT_NEAR(m.variance / (std * std), 1, 0.01) << what;
}

// ---------------------------------------------------------------------------------------------
// Each scheme against its formula

TEST(Initialization, NormalAndUniform) {
  const auto layers = layer_shapes(big());
  const auto normal = initialized(big(), obj({{"type", str("normal")}, {"std", num(0.05)}}));
  expect_moments(normal, layers[0], 0.05, "normal");
  expect_moments(normal, layers[1], 0.05, "normal, layer 1");

  const auto uniform = initialized(big(), obj({{"type", str("uniform")}, {"bound", num(0.1)}}));
  expect_moments(uniform, layers[0], 0.1 / std::sqrt(3.0), "uniform");
  EXPECT_LE(moments(uniform.data(), 1000 * 1000).max_abs, 0.1);
  EXPECT_GT(moments(uniform.data(), 1000 * 1000).max_abs, 0.0999);

  const auto shifted = initialized(big(), obj({{"type", str("normal")}, {"mean", num(2)}, {"std", num(0.5)}}));
  EXPECT_NEAR(moments(shifted.data(), 1000 * 1000).mean, 2, 0.5 * 5e-3);
}

TEST(Initialization, ZerosAndConstant) {
  const auto layers = layer_shapes(big());
  for (double v : initialized(big(), obj({{"type", str("zeros")}}))) ASSERT_EQ(v, 0);
  const auto c = initialized(big(), obj({{"type", str("constant")}, {"value", num(0.3)}}));
  EXPECT_EQ(c[0], 0.3);
  EXPECT_EQ(c[static_cast<std::size_t>(layers[1].weight_offset + 7)], 0.3);
  EXPECT_EQ(c[static_cast<std::size_t>(layers[0].bias_offset)], 0);  // biases zero by default
}

TEST(Initialization, XavierAndKaimingFollowTorchsFormulas) {
  const auto layers = layer_shapes(big());
  // xavier: std = gain sqrt(2 / (fan_in + fan_out)); 'auto' = tanh's 5/3 for layer 0, 1 for the output layer.
  const auto xn = initialized(big(), obj({{"type", str("xavierNormal")}}));
  expect_moments(xn, layers[0], 5.0 / 3 * std::sqrt(2.0 / 2000), "xavierNormal layer 0");
  expect_moments(xn, layers[1], std::sqrt(2.0 / 1500), "xavierNormal output layer");
  const auto xu = initialized(big(), obj({{"type", str("xavierUniform")}, {"gain", num(2)}}));
  expect_moments(xu, layers[0], 2 * std::sqrt(2.0 / 2000), "xavierUniform gain 2");
  EXPECT_LE(moments(xu.data(), 1000 * 1000).max_abs, 2 * std::sqrt(6.0 / 2000));

  // kaiming: std = gain / sqrt(fan), fan_in by default.
  const auto kn = initialized(big(), obj({{"type", str("kaimingNormal")}, {"nonlinearity", str("relu")}}));
  expect_moments(kn, layers[0], std::sqrt(2.0) / std::sqrt(1000.0), "kaimingNormal relu");
  expect_moments(kn, layers[1], std::sqrt(2.0) / std::sqrt(1000.0), "kaimingNormal relu, output layer");
  const auto ku = initialized(big(), obj({{"type", str("kaimingUniform")}, {"mode", str("fanOut")}}));
  expect_moments(ku, layers[0], 5.0 / 3 / std::sqrt(1000.0), "kaimingUniform auto (tanh), fan_out");
  expect_moments(ku, layers[1], 1 / std::sqrt(500.0), "kaimingUniform auto (linear), fan_out = 500");
}

TEST(Initialization, TorchDefaultIsNnLinearsOwn) {
  const auto layers = layer_shapes(big());
  // kaiming_uniform_(a = sqrt(5)): bound = 1 / sqrt(fan_in); the bias the same bound.
  const auto p = initialized(big(), Spec());
  expect_moments(p, layers[0], 1 / std::sqrt(1000.0) / std::sqrt(3.0), "torchDefault");
  const Moments bias = moments(p.data() + layers[0].bias_offset, 1000);
  EXPECT_LE(bias.max_abs, 1 / std::sqrt(1000.0));
  EXPECT_GT(bias.max_abs, 0.9 / std::sqrt(1000.0));
  EXPECT_NEAR(bias.variance, 1.0 / 3000, 0.15 / 3000);
  // The same numbers as spelling it out with init_scale.
  const InitScale scale = init_scale(obj({{"type", str("kaimingUniform")}, {"fanIn", num(1000)}, {"fanOut", num(1000)},
                                          {"nonlinearity", str("leaky_relu")}, {"a", num(std::sqrt(5.0))}}));
  EXPECT_NEAR(scale.bound, 1 / std::sqrt(1000.0), 1e-15);
}

TEST(Initialization, AutoGainsAreThoseOfTheFollowingActivation) {
  const NetworkSpec net = make_net(10, {10, 10, 10, 10, 10, 10, 10},
                                   {Activation::Tanh, Activation::Relu, Activation::LeakyRelu, Activation::Selu,
                                    Activation::Elu, Activation::Sigmoid, Activation::Linear},
                                   10, 0.2);
  const double base = std::sqrt(2.0 / 20);
  const std::vector<double> gains = {5.0 / 3, std::sqrt(2.0), std::sqrt(2.0 / (1 + 0.04)), 0.75, 1, 1, 1, 1};
  const auto plan = plan_init(net, obj({{"type", str("xavierNormal")}, {"gain", str("auto")}}));
  ASSERT_EQ(plan.size(), gains.size());
  for (std::size_t l = 0; l < plan.size(); ++l) {
    EXPECT_EQ(plan[l].weight.kind, Distribution::Kind::Normal);
    EXPECT_NEAR(plan[l].weight.std, gains[l] * base, 1e-15) << "layer " << l;
  }
  // Kaiming 'auto' uses the network's leakySlope; an explicit 'leaky_relu' torch's a = 0 unless a is given.
  const auto kaiming = plan_init(net, obj({{"type", str("kaimingNormal")}}));
  EXPECT_NEAR(kaiming[2].weight.std, std::sqrt(2.0 / 1.04) / std::sqrt(10.0), 1e-15);
  const auto leaky = plan_init(net, obj({{"type", str("kaimingNormal")}, {"nonlinearity", str("leaky_relu")}}));
  EXPECT_NEAR(leaky[0].weight.std, std::sqrt(2.0) / std::sqrt(10.0), 1e-15);
  const auto with_a = plan_init(net, obj({{"type", str("kaimingNormal")}, {"nonlinearity", str("leaky_relu")},
                                          {"a", num(1)}}));
  EXPECT_NEAR(with_a[0].weight.std, 1 / std::sqrt(10.0), 1e-15);
}

TEST(Initialization, Biases) {
  const NetworkSpec net = make_net(50, {40}, {Activation::Relu}, 3);
  const auto layers = layer_shapes(net);
  auto bias_of = [&](const std::vector<double>& p, std::size_t l) {
    return Eigen::Map<const Eigen::VectorXd>(p.data() + layers[l].bias_offset, layers[l].outputs);
  };
  const auto none = initialized(net, obj({{"type", str("kaimingUniform")}}));
  EXPECT_TRUE(bias_of(none, 0).isZero(0));
  EXPECT_TRUE(bias_of(none, 1).isZero(0));
  const auto constant =
      initialized(net, obj({{"type", str("kaimingUniform")}, {"bias", obj({{"type", str("constant")}, {"value", num(0.1)}})}}));
  EXPECT_TRUE(bias_of(constant, 0).isConstant(0.1, 0));
  const auto uniform =
      initialized(net, obj({{"type", str("zeros")}, {"bias", obj({{"type", str("uniform")}, {"bound", num(0.5)}})}}));
  EXPECT_LE(bias_of(uniform, 0).cwiseAbs().maxCoeff(), 0.5);
  EXPECT_GT(bias_of(uniform, 0).cwiseAbs().maxCoeff(), 0.3);
  const auto torch =
      initialized(net, obj({{"type", str("zeros")}, {"bias", obj({{"type", str("torchDefault")}})}}));
  EXPECT_LE(bias_of(torch, 1).cwiseAbs().maxCoeff(), 1 / std::sqrt(40.0));
  EXPECT_GT(bias_of(torch, 1).cwiseAbs().maxCoeff(), 0);
  // The weights do not depend on the bias scheme: biases are drawn after all weights.
  const auto normal_bias =
      initialized(net, obj({{"type", str("kaimingUniform")}, {"bias", obj({{"type", str("normal")}, {"std", num(1)}})}}));
  for (const auto& layer : layers)
    for (Index i = 0; i < layer.outputs * layer.inputs; ++i)
      ASSERT_EQ(normal_bias[std::size_t(layer.weight_offset + i)], none[std::size_t(layer.weight_offset + i)]);
}

TEST(Initialization, DrawOrderAndDeterminism) {
  const NetworkSpec net = make_net(3, {4}, {Activation::Tanh}, 2);
  const Spec spec = obj({{"type", str("normal")}, {"std", num(1)}, {"bias", obj({{"type", str("normal")}})}});
  const auto a = initialized(net, spec, 42), b = initialized(net, spec, 42), c = initialized(net, spec, 43);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  // All weights in the flat vector's order (W_0 row-major, W_1 row-major), then b_0, b_1.
  Rng rng(42);
  const auto layers = layer_shapes(net);
  std::vector<Index> order;
  for (const auto& l : layers)
    for (Index i = 0; i < l.outputs * l.inputs; ++i) order.push_back(l.weight_offset + i);
  for (const auto& l : layers)
    for (Index i = 0; i < l.outputs; ++i) order.push_back(l.bias_offset + i);
  ASSERT_EQ(Index(order.size()), parameter_count(net));
  for (Index index : order) EXPECT_EQ(a[std::size_t(index)], rng.normal()) << "parameter " << index;
}

// ---------------------------------------------------------------------------------------------
// The lecture's experiment: activation statistics through 10 layers of width 100, batch 1000.

std::vector<LayerStats> deep_stats(Activation activation, const Spec& init) {
  const NetworkSpec net = make_net(100, std::vector<Index>(10, 100), std::vector<Activation>(10, activation), 1);
  const std::vector<double> params = initialized(net, init, 7);
  Eigen::MatrixXd x(100, 1000);
  Rng rng(8);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.normal();
  Mlp<double> mlp(net);
  Eigen::MatrixXd out(1, 1000);
  mlp.predict(params.data(), x, out);
  std::vector<LayerStats> stats = mlp.layer_stats();
  stats.pop_back();  // the output layer
  return stats;
}

TEST(InitExperiment, XavierKeepsTanhActivationsAlive) {
  // gain 'auto' = calculate_gain('tanh') = 5/3. (With Glorot's original gain 1 the std still
  // decays, to about 0.4 of the first layer's after 10 layers: slower than N(0, 0.01^2), but it does.)
  const auto stats = deep_stats(Activation::Tanh, obj({{"type", str("xavierNormal")}}));
  for (std::size_t l = 1; l < stats.size(); ++l) {
    EXPECT_LT(stats[l].std, 2 * stats[0].std) << "layer " << l;
    EXPECT_GT(stats[l].std, 0.5 * stats[0].std) << "layer " << l;
  }
  const auto uniform = deep_stats(Activation::Tanh, obj({{"type", str("xavierUniform")}}));
  for (std::size_t l = 1; l < uniform.size(); ++l) {
    EXPECT_LT(uniform[l].std, 2 * uniform[0].std) << "layer " << l;
    EXPECT_GT(uniform[l].std, 0.5 * uniform[0].std) << "layer " << l;
  }
}

TEST(InitExperiment, StandardNormalSaturatesTanh) {
  const auto stats = deep_stats(Activation::Tanh, obj({{"type", str("normal")}, {"std", num(1)}}));
  // |a| <= 1 and a mean near 0: a std above 0.9 means most activations sit near +-1.
  for (std::size_t l = 2; l < stats.size(); ++l) EXPECT_GT(stats[l].std, 0.9) << "layer " << l;
}

TEST(InitExperiment, TinyNormalCollapsesTanh) {
  const auto stats = deep_stats(Activation::Tanh, obj({{"type", str("normal")}, {"std", num(0.01)}}));
  EXPECT_LT(stats.back().std, 1e-3 * stats[0].std);
  for (std::size_t l = 1; l < stats.size(); ++l) EXPECT_LT(stats[l].std, stats[l - 1].std);
}

TEST(InitExperiment, HeKeepsReluActivationsAlive) {
  const auto stats = deep_stats(Activation::Relu, obj({{"type", str("kaimingNormal")}, {"nonlinearity", str("relu")}}));
  for (std::size_t l = 1; l < stats.size(); ++l) {
    EXPECT_LT(stats[l].std, 2 * stats[0].std) << "layer " << l;
    EXPECT_GT(stats[l].std, 0.5 * stats[0].std) << "layer " << l;
  }
  // While Xavier with gain 1 halves the variance at every relu layer.
  const auto xavier = deep_stats(Activation::Relu, obj({{"type", str("xavierNormal")}, {"gain", num(1)}}));
  EXPECT_LT(xavier.back().std, 0.1 * xavier[0].std);
}

// ---------------------------------------------------------------------------------------------
// Messages

TEST(InitValidation, MessagesNameTheOptionAndWhatIsAllowed) {
  const NetworkSpec net = make_net(3, {4}, {Activation::Tanh}, 2);
  std::vector<double> params(static_cast<std::size_t>(parameter_count(net)));
  Rng rng(1);
  auto init = [&](const Spec& spec) { initialize(net, spec, rng, params.data()); };
  EXPECT_THROW_WITH(init(obj({{"type", str("orthogonal")}})),
                    "init: unknown type 'orthogonal'; allowed: 'torchDefault', 'zeros', 'constant', 'normal', "
                    "'uniform', 'xavierNormal', 'xavierUniform', 'kaimingNormal' or 'kaimingUniform'");
  EXPECT_THROW_WITH(init(obj({{"std", num(1)}})), "init needs a 'type'");
  EXPECT_THROW_WITH(init(obj({{"type", str("normal")}, {"std", num(-1)}})),
                    "init 'normal': option 'std' must be >= 0, got -1");
  EXPECT_THROW_WITH(init(obj({{"type", str("uniform")}, {"std", num(1)}})),
                    "init 'uniform': unknown option 'std'; allowed: 'bound' or 'bias'");
  EXPECT_THROW_WITH(init(obj({{"type", str("constant")}})), "init 'constant': option 'value' is required");
  EXPECT_THROW_WITH(init(obj({{"type", str("xavierUniform")}, {"gain", str("big")}})),
                    "init 'xavierUniform': option 'gain' must be a number >= 0 or 'auto', got 'big'");
  EXPECT_THROW_WITH(init(obj({{"type", str("kaimingNormal")}, {"mode", str("fan_in")}})),
                    "init 'kaimingNormal': option 'mode' must be one of 'fanIn' or 'fanOut', got 'fan_in'");
  EXPECT_THROW_WITH(init(obj({{"type", str("kaimingNormal")}, {"nonlinearity", str("gelu")}})),
                    "option 'nonlinearity' must be one of 'auto', 'linear'");
  EXPECT_THROW_WITH(init(obj({{"type", str("zeros")}, {"bias", obj({{"type", str("xavierNormal")}})}})),
                    "init 'zeros': option 'bias': unknown type 'xavierNormal'; allowed: 'zeros', 'constant', 'normal', "
                    "'uniform' or 'torchDefault'");
  EXPECT_THROW_WITH(init(obj({{"type", str("zeros")}, {"bias", obj({{"type", str("normal")}, {"std", num(-2)}})}})),
                    "init 'zeros': option 'bias' 'normal': option 'std' must be >= 0, got -2");
  EXPECT_THROW_WITH(init(str("xavierNormal")), "init must be an object, got 'xavierNormal'");
}

}  // namespace
}  // namespace descent
