// The initialisation scales of the lecture's last slides, as torch.nn.init defines them:
// calculate_gain, Xavier/Glorot std = gain sqrt(2 / (fan_in + fan_out)), Kaiming/He
// std = gain / sqrt(fan), the uniform bound sqrt(3) std, the defaults, and the messages.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "nn/init_scale.hpp"
#include "test_helpers.hpp"

namespace descent {
namespace {

using test::num;
using test::obj;
using test::str;

InitScale scale(std::vector<Spec::Field> fields) { return init_scale(obj(std::move(fields))); }

// ---------------------------------------------------------------------------------------------
// Gains: PyTorch's table (linear and convolutions 1, sigmoid 1, tanh 5/3, relu sqrt 2,
// leaky_relu sqrt(2 / (1 + slope^2)) with slope 0.01 by default, selu 3/4).

TEST(CalculateGain, PyTorchsTable) {
  for (const char* linear : {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
                             "conv_transpose3d", "sigmoid"})
    EXPECT_EQ(calculate_gain(linear), 1) << linear;
  EXPECT_DOUBLE_EQ(calculate_gain("tanh"), 5.0 / 3);
  EXPECT_DOUBLE_EQ(calculate_gain("relu"), std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(calculate_gain("selu"), 0.75);
  EXPECT_DOUBLE_EQ(calculate_gain("leaky_relu"), std::sqrt(2 / 1.0001));
  EXPECT_DOUBLE_EQ(calculate_gain("leaky_relu", 0.2), std::sqrt(2 / 1.04));
  EXPECT_DOUBLE_EQ(calculate_gain("leaky_relu", 0), std::sqrt(2.0)) << "slope 0 is ReLU";
  EXPECT_DOUBLE_EQ(calculate_gain("leaky_relu", 1), 1) << "slope 1 is linear";
  EXPECT_DOUBLE_EQ(calculate_gain("leakyRelu", 0.2), calculate_gain("leaky_relu", 0.2));
  EXPECT_DOUBLE_EQ(calculate_gain("leakyRelu"), std::sqrt(2 / 1.0001));
  EXPECT_EQ(calculate_gain("tanh", 0.3), 5.0 / 3) << "the slope matters for leaky ReLU only";
}

TEST(CalculateGain, Messages) {
  EXPECT_THROW_WITH(calculate_gain("gelu"),
                    "calculateGain: unsupported nonlinearity 'gelu' (PyTorch defines no gain for it); allowed: 'linear'");
  EXPECT_THROW_WITH(calculate_gain("gelu"), "'leakyRelu' or 'selu'");
  EXPECT_THROW_WITH(calculate_gain("ReLU"), "unsupported nonlinearity 'ReLU'");
  EXPECT_THROW_WITH(calculate_gain("leaky_relu", NAN),
                    "calculateGain: the leaky ReLU slope must be a finite number, got NaN");
}

// ---------------------------------------------------------------------------------------------
// Xavier/Glorot: variance gain^2 * 2 / (fan_in + fan_out) (the slide's "gain x" should be gain
// squared); uniform on [-b, b] with b = gain sqrt(6 / (fan_in + fan_out)), whose std is b / sqrt 3.

TEST(InitScale, XavierNormal) {
  const InitScale s = scale({{"type", str("xavierNormal")}, {"fanIn", num(100)}, {"fanOut", num(50)}});
  EXPECT_EQ(s.distribution, "normal");
  EXPECT_DOUBLE_EQ(s.std, std::sqrt(2.0 / 150));
  EXPECT_EQ(s.bound, 0);
  const InitScale g = scale({{"type", str("xavierNormal")}, {"fanIn", num(100)}, {"fanOut", num(50)}, {"gain", num(2)}});
  EXPECT_DOUBLE_EQ(g.std * g.std, 4 * 2.0 / 150) << "the variance scales with gain squared";
}

TEST(InitScale, XavierUniform) {
  const double gain = 5.0 / 3;
  const InitScale s =
      scale({{"type", str("xavierUniform")}, {"fanIn", num(30)}, {"fanOut", num(10)}, {"gain", num(gain)}});
  EXPECT_EQ(s.distribution, "uniform");
  EXPECT_DOUBLE_EQ(s.bound, gain * std::sqrt(6.0 / 40));
  EXPECT_DOUBLE_EQ(s.std, gain * std::sqrt(2.0 / 40));
  EXPECT_DOUBLE_EQ(s.bound, std::sqrt(3.0) * s.std);
  EXPECT_DOUBLE_EQ(s.bound * s.bound / 3, s.std * s.std) << "a uniform on [-b, b] has variance b^2 / 3";
}

// ---------------------------------------------------------------------------------------------
// Kaiming/He: std = gain / sqrt(fan), fan = fan_in (default) or fan_out; the default
// nonlinearity is leaky_relu with a = 0, i.e. gain sqrt 2 (PyTorch's defaults).

TEST(InitScale, KaimingNormalDefaultsAndModes) {
  const InitScale s = scale({{"type", str("kaimingNormal")}, {"fanIn", num(64)}, {"fanOut", num(32)}});
  EXPECT_EQ(s.distribution, "normal");
  EXPECT_DOUBLE_EQ(s.std, std::sqrt(2.0) / 8);
  EXPECT_EQ(s.bound, 0);
  const InitScale out =
      scale({{"type", str("kaimingNormal")}, {"fanIn", num(64)}, {"fanOut", num(32)}, {"mode", str("fanOut")}});
  EXPECT_DOUBLE_EQ(out.std, std::sqrt(2.0 / 32));
  const InitScale relu =
      scale({{"type", str("kaimingNormal")}, {"fanIn", num(64)}, {"fanOut", num(32)}, {"nonlinearity", str("relu")}});
  EXPECT_DOUBLE_EQ(relu.std, s.std);
  const InitScale leaky = scale({{"type", str("kaimingNormal")}, {"fanIn", num(64)}, {"fanOut", num(32)},
                                 {"nonlinearity", str("leaky_relu")}, {"a", num(0.2)}});
  EXPECT_DOUBLE_EQ(leaky.std, std::sqrt(2 / 1.04) / 8);
  const InitScale alias = scale({{"type", str("kaimingNormal")}, {"fanIn", num(64)}, {"fanOut", num(32)},
                                 {"nonlinearity", str("leakyRelu")}, {"a", num(0.2)}});
  EXPECT_DOUBLE_EQ(alias.std, leaky.std);
  const InitScale tanh = scale({{"type", str("kaimingNormal")}, {"fanIn", num(25)}, {"fanOut", num(4)},
                                {"nonlinearity", str("tanh")}});
  EXPECT_DOUBLE_EQ(tanh.std, (5.0 / 3) / 5);
  const InitScale linear = scale({{"type", str("kaimingNormal")}, {"fanIn", num(25)}, {"fanOut", num(4)},
                                  {"nonlinearity", str("linear")}, {"mode", str("fanOut")}});
  EXPECT_DOUBLE_EQ(linear.std, 0.5);
}

TEST(InitScale, KaimingUniform) {
  // PyTorch: bound = gain * sqrt(3 / fan).
  const InitScale s = scale({{"type", str("kaimingUniform")}, {"fanIn", num(48)}, {"fanOut", num(12)}});
  EXPECT_EQ(s.distribution, "uniform");
  EXPECT_DOUBLE_EQ(s.bound, std::sqrt(2.0) * std::sqrt(3.0 / 48));
  EXPECT_DOUBLE_EQ(s.std, std::sqrt(2.0 / 48));
  const InitScale selu = scale({{"type", str("kaimingUniform")}, {"fanIn", num(48)}, {"fanOut", num(12)},
                                {"nonlinearity", str("selu")}, {"mode", str("fanOut")}});
  EXPECT_DOUBLE_EQ(selu.bound, 0.75 * std::sqrt(3.0 / 12));
}

// ---------------------------------------------------------------------------------------------
// Messages.

TEST(InitScale, Messages) {
  EXPECT_THROW_WITH(scale({{"type", str("xavier")}, {"fanIn", num(3)}, {"fanOut", num(3)}}),
                    "init: unknown type 'xavier'; allowed: 'xavierNormal', 'xavierUniform', 'kaimingNormal' or "
                    "'kaimingUniform'");
  EXPECT_THROW_WITH(init_scale(num(1)), "init must be an object, got 1");
  EXPECT_THROW_WITH(scale({{"type", str("xavierNormal")}, {"fanOut", num(3)}}),
                    "init 'xavierNormal': option 'fanIn' is required");
  EXPECT_THROW_WITH(scale({{"type", str("kaimingUniform")}, {"fanIn", num(3)}}),
                    "init 'kaimingUniform': option 'fanOut' is required");
  EXPECT_THROW_WITH(scale({{"type", str("xavierNormal")}, {"fanIn", num(0)}, {"fanOut", num(3)}}),
                    "option 'fanIn' must be >= 1, got 0");
  EXPECT_THROW_WITH(scale({{"type", str("xavierNormal")}, {"fanIn", num(2.5)}, {"fanOut", num(3)}}),
                    "option 'fanIn' must be a whole number, got 2.5");
  EXPECT_THROW_WITH(scale({{"type", str("xavierUniform")}, {"fanIn", num(2)}, {"fanOut", num(3)}, {"gain", num(-1)}}),
                    "option 'gain' must be >= 0, got -1");
  EXPECT_THROW_WITH(scale({{"type", str("xavierNormal")}, {"fanIn", num(2)}, {"fanOut", num(3)}, {"mode", str("fanIn")}}),
                    "init 'xavierNormal': unknown option 'mode'; allowed: 'fanIn', 'fanOut' or 'gain'");
  EXPECT_THROW_WITH(
      scale({{"type", str("kaimingNormal")}, {"fanIn", num(2)}, {"fanOut", num(3)}, {"mode", str("fan_in")}}),
      "option 'mode' must be one of 'fanIn' or 'fanOut', got 'fan_in'");
  EXPECT_THROW_WITH(
      scale({{"type", str("kaimingNormal")}, {"fanIn", num(2)}, {"fanOut", num(3)}, {"nonlinearity", str("gelu")}}),
      "option 'nonlinearity' must be one of 'linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'leakyRelu' or 'selu', "
      "got 'gelu'");
  EXPECT_THROW_WITH(scale({{"type", str("kaimingNormal")}, {"fanIn", num(2)}, {"fanOut", num(3)}, {"a", num(NAN)}}),
                    "option 'a' must be a finite number, got NaN");
}

}  // namespace
}  // namespace descent
