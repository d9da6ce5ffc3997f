// Weight initialisation as torch.nn.init defines it, applied to every layer's weight:
//   {type: 'torchDefault'}                       nn.Linear's own reset_parameters: W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))
//                                                (kaiming_uniform_ with a = sqrt(5)), b ~ the same. THE DEFAULT.
//   {type: 'zeros'} | {type: 'constant', value}  every weight the same (the lecture's symmetry problem)
//   {type: 'normal', mean = 0, std = 1}          N(mean, std^2), torch's normal_
//   {type: 'uniform', bound = 1}                 U(-bound, bound)
//   {type: 'xavierNormal' | 'xavierUniform', gain = 'auto' | number}
//   {type: 'kaimingNormal' | 'kaimingUniform', mode = 'fanIn' | 'fanOut', nonlinearity = 'auto' | torch name, a}
// 'auto' is calculate_gain of the activation that FOLLOWS the layer: the output layer and linear
// layers get 'linear' (gain 1); ELU, for which torch defines no gain, also gets 1; SELU 3/4;
// leakyRelu its network's leakySlope (Kaiming: unless `a` is given; an explicit nonlinearity
// 'leaky_relu' without `a` uses torch's default a = 0). Kaiming's nonlinearity defaults to 'auto',
// where torch's defaults to 'leaky_relu' with a = 0 (the relu gain).
// Biases are zero (torchDefault: U(-1/sqrt(fan_in), 1/sqrt(fan_in))) unless
//   bias: {type: 'zeros' | 'constant' (value) | 'normal' (mean, std) | 'uniform' (bound) | 'torchDefault'}.
// Draw order, fixed so that a seed gives the same network bit for bit: first all weights, layer
// by layer, each row-major (the flat vector's order), then all biases, layer by layer; constant
// schemes draw nothing. So the weights do not depend on how the biases are initialised.
#pragma once

#include <string>
#include <vector>

#include "core/random.hpp"
#include "core/spec.hpp"
#include "nn/network_spec.hpp"

namespace descent {

// 'torchDefault', 'zeros', 'constant', 'normal', 'uniform', 'xavierNormal', 'xavierUniform',
// 'kaimingNormal', 'kaimingUniform'.
const std::vector<std::string>& init_types();

// One distribution: a constant, N(mean, std^2), or U(low, high).
struct Distribution {
  enum class Kind { Constant, Normal, Uniform };
  Kind kind = Kind::Constant;
  double value = 0;                 // Constant
  double mean = 0, std = 0;         // Normal
  double low = 0, high = 0;         // Uniform
};

struct LayerInit {
  Distribution weight;
  Distribution bias;
};

// What `init` (undefined: torchDefault) means for each layer of `network` (hidden layers, then
// the output layer). Throws InvalidArgument naming the option when `init` is invalid.
std::vector<LayerInit> plan_init(const NetworkSpec& network, const Spec& init);
inline void check_init(const NetworkSpec& network, const Spec& init) { plan_init(network, init); }

// Fills params[0 .. parameter_count(network)) (float64; the experiment casts to float).
void initialize(const NetworkSpec& network, const Spec& init, Rng& rng, double* params);

}  // namespace descent
