#include "nn/activation.hpp"

#include <cmath>

#include "core/simd.hpp"
#include "nn/fast_tanh.hpp"

namespace descent {
namespace {

struct Named {
  Activation activation;
  const char* name;
};
constexpr Named kNames[] = {
    {Activation::Relu, "relu"},       {Activation::LeakyRelu, "leakyRelu"}, {Activation::Tanh, "tanh"},
    {Activation::Sigmoid, "sigmoid"}, {Activation::Linear, "linear"},       {Activation::Elu, "elu"},
    {Activation::Selu, "selu"},
};

template <typename S>
using ArrayMap = Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>>;
template <typename S>
using ConstArrayMap = Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>>;

// ReLU (Leaky: with `slope` below zero) and its derivative lane by lane on SIMD registers:
// Eigen's select runs one value at a time in WASM. The same comparisons and products as the
// Eigen expressions they replace, so the values (NaN included: ReLU gives 0) are the same.
template <bool Leaky, typename S>
void relu_in_place(S* values, Index n, S slope) {
  using V = simd::Vec<S>;
  constexpr int L = simd::kLanes<S>;
  const V zero = simd::splat(S(0)), k = simd::splat(slope);
  Index i = 0;
  for (; i + L <= n; i += L) {
    const V v = simd::load(values + i);
    simd::store(values + i, v > zero ? v : (Leaky ? k * v : zero));
  }
  for (; i < n; ++i) values[i] = values[i] > S(0) ? values[i] : (Leaky ? slope * values[i] : S(0));
}

template <bool Leaky, typename S>
void relu_derivative_in_place(const S* outputs, S* delta, Index n, S slope) {
  using V = simd::Vec<S>;
  constexpr int L = simd::kLanes<S>;
  const V zero = simd::splat(S(0)), k = simd::splat(slope);
  Index i = 0;
  for (; i + L <= n; i += L) {
    const V d = simd::load(delta + i);
    simd::store(delta + i, simd::load(outputs + i) > zero ? d : (Leaky ? k * d : zero));
  }
  for (; i < n; ++i) delta[i] = outputs[i] > S(0) ? delta[i] : (Leaky ? slope * delta[i] : S(0));
}

}  // namespace

const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& n : kNames) out.push_back(n.name);
    return out;
  }();
  return names;
}

const char* activation_name(Activation activation) {
  for (const auto& n : kNames)
    if (n.activation == activation) return n.name;
  return "?";
}

std::optional<Activation> activation_from_name(const std::string& name) {
  for (const auto& n : kNames)
    if (name == n.name) return n.activation;
  return std::nullopt;
}

double activation_value(Activation activation, double slope, double z) {
  switch (activation) {
    case Activation::Relu: return z > 0 ? z : 0.0;
    case Activation::LeakyRelu: return z > 0 ? z : slope * z;
    case Activation::Tanh: return std::tanh(z);
    case Activation::Sigmoid: return 1 / (1 + std::exp(-z));
    case Activation::Linear: return z;
    case Activation::Elu: return z > 0 ? z : kEluAlpha * std::expm1(z);
    case Activation::Selu: return kSeluScale * (z > 0 ? z : kSeluAlpha * std::expm1(z));
  }
  return z;
}

double activation_derivative(Activation activation, double slope, double z) {
  switch (activation) {
    case Activation::Relu: return z > 0 ? 1.0 : 0.0;
    case Activation::LeakyRelu: return z > 0 ? 1.0 : slope;
    case Activation::Tanh: { const double t = std::tanh(z); return 1 - t * t; }
    case Activation::Sigmoid: { const double s = 1 / (1 + std::exp(-z)); return s * (1 - s); }
    case Activation::Linear: return 1;
    case Activation::Elu: return z > 0 ? 1.0 : kEluAlpha * std::exp(z);
    case Activation::Selu: return z > 0 ? kSeluScale : kSeluScale * kSeluAlpha * std::exp(z);
  }
  return 1;
}

template <typename S>
void activate(Activation activation, S slope, S* values, Index n) {
  ArrayMap<S> v(values, n);
  const S zero(0), one(1);
  switch (activation) {
    case Activation::Relu: relu_in_place<false>(values, n, slope); break;
    case Activation::LeakyRelu: relu_in_place<true>(values, n, slope); break;
    case Activation::Tanh: tanh_in_place(values, n); break;
    // exp(-z) overflows to inf for very negative z, and 1 / inf is the right 0.
    case Activation::Sigmoid: v = one / (one + (-v).exp()); break;
    case Activation::Linear: break;
    case Activation::Elu: v = (v > zero).select(v, S(kEluAlpha) * v.expm1()); break;
    case Activation::Selu:
      v = S(kSeluScale) * (v > zero).select(v, S(kSeluAlpha) * v.expm1());
      break;
  }
}

template <typename S>
void multiply_by_derivative(Activation activation, S slope, const S* outputs, S* delta, Index n) {
  ConstArrayMap<S> a(outputs, n);
  ArrayMap<S> d(delta, n);
  const S zero(0), one(1);
  switch (activation) {
    case Activation::Relu: relu_derivative_in_place<false>(outputs, delta, n, slope); break;
    case Activation::LeakyRelu: relu_derivative_in_place<true>(outputs, delta, n, slope); break;
    case Activation::Tanh: d *= one - a.square(); break;
    case Activation::Sigmoid: d *= a * (one - a); break;
    case Activation::Linear: break;
    case Activation::Elu: d = (a > zero).select(d, d * (a + S(kEluAlpha))); break;
    case Activation::Selu:
      d = (a > zero).select(S(kSeluScale) * d, d * (a + S(kSeluScale * kSeluAlpha)));
      break;
  }
}

template void activate<float>(Activation, float, float*, Index);
template void activate<double>(Activation, double, double*, Index);
template void multiply_by_derivative<float>(Activation, float, const float*, float*, Index);
template void multiply_by_derivative<double>(Activation, double, const double*, double*, Index);

}  // namespace descent
