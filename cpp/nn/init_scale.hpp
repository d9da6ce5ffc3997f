// The scale of the standard initialisations, as torch.nn.init computes it: calculate_gain,
// and the standard deviation (normal) or bound (uniform on [-bound, bound]) of Xavier/Glorot and
// Kaiming/He. The lecture's Xavier slide squares the gain by mistake: the variance is
// gain^2 * 2 / (fan_in + fan_out), i.e. std = gain * sqrt(2 / (fan_in + fan_out)).
#pragma once

#include <optional>
#include <string>

#include "core/spec.hpp"

namespace descent {

// Accepts PyTorch's names (linear, conv1d..., sigmoid, tanh, relu, leaky_relu, selu) and the
// camelCase activation names of the network code (leakyRelu). `param` is leaky ReLU's slope.
double calculate_gain(const std::string& nonlinearity, std::optional<double> param = std::nullopt);

struct InitScale {
  std::string distribution;  // "normal" or "uniform"
  double std;                // standard deviation of the distribution
  double bound;              // uniform: samples lie in [-bound, bound]; normal: 0
};

// {type: 'xavierNormal'|'xavierUniform', fanIn, fanOut, gain = 1} or
// {type: 'kaimingNormal'|'kaimingUniform', fanIn, fanOut, mode = 'fanIn', nonlinearity = 'leaky_relu', a = 0}
InitScale init_scale(const Spec& spec);

}  // namespace descent
