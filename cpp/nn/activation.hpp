// The hidden layers' activations, each with its value and its derivative exactly as PyTorch's
// autograd defines them (torch.nn.ReLU, LeakyReLU, Tanh, Sigmoid, Identity, ELU, SELU). At a
// kink the derivative takes the left branch, as torch's kernels test x > 0 (else the negative
// branch): relu'(0) = 0, leakyRelu'(0) = slope, elu'(0) = alpha = 1, selu'(0) = scale * alpha.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace descent {

enum class Activation { Relu, LeakyRelu, Tanh, Sigmoid, Linear, Elu, Selu };

// torch.nn.SELU's constants (Klambauer et al. 2017), as torch spells them.
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
constexpr double kSeluScale = 1.0507009873554804934193349852946;
constexpr double kEluAlpha = 1.0;

// The names a network spec uses: 'relu', 'leakyRelu', 'tanh', 'sigmoid', 'linear', 'elu', 'selu'.
const std::vector<std::string>& activation_names();
const char* activation_name(Activation activation);
std::optional<Activation> activation_from_name(const std::string& name);

// The scalar definitions: the reference the vectorised kernels are tested against.
double activation_value(Activation activation, double slope, double z);
double activation_derivative(Activation activation, double slope, double z);

// a = f(z) in place on n contiguous values.
template <typename S>
void activate(Activation activation, S slope, S* values, Index n);

// delta *= f'(z), elementwise over n values, computed from the outputs a = f(z) so that the
// pre-activations need not be kept. f'(z) from a is exact for relu, leaky ReLU (slope >= 0:
// a > 0 exactly when z > 0), tanh (1 - a^2), sigmoid (a (1 - a)) and the identity; for ELU/SELU
// it is a + alpha (times scale), the formula torch itself uses for its in-place versions.
template <typename S>
void multiply_by_derivative(Activation activation, S slope, const S* outputs, S* delta, Index n);

}  // namespace descent
