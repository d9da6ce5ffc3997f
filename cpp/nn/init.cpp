#include "nn/init.hpp"

#include <cmath>
#include <optional>

#include "core/error.hpp"
#include "core/params.hpp"
#include "nn/init_scale.hpp"

namespace descent {
namespace {

const std::vector<std::string> kBiasTypes = {"zeros", "constant", "normal", "uniform", "torchDefault"};

std::string context_of(const std::string& type) { return "init '" + type + "'"; }

// The torch name of the nonlinearity after a layer, for calculate_gain. torch defines no gain for
// ELU; we use 'linear' (gain 1): ELU is the identity for x > 0 and bounded below by -1.
const char* gain_name(Activation a) {
  switch (a) {
    case Activation::Relu: return "relu";
    case Activation::LeakyRelu: return "leaky_relu";
    case Activation::Tanh: return "tanh";
    case Activation::Sigmoid: return "sigmoid";
    case Activation::Linear: return "linear";
    case Activation::Elu: return "linear";
    case Activation::Selu: return "selu";
  }
  return "linear";
}

Distribution constant(double value) {
  Distribution d;
  d.kind = Distribution::Kind::Constant;
  d.value = value;
  return d;
}
Distribution normal(double mean, double std) {
  Distribution d;
  d.kind = Distribution::Kind::Normal;
  d.mean = mean;
  d.std = std;
  return d;
}
Distribution uniform(double bound) {
  Distribution d;
  d.kind = Distribution::Kind::Uniform;
  d.low = -bound;
  d.high = bound;
  return d;
}
Distribution torch_default(const LayerShape& layer) { return uniform(1 / std::sqrt(double(layer.inputs))); }

param value_option() { return param::number("value", 0).required().torch("val").help("the value of every entry"); }
param mean_option() { return param::number("mean", 0).torch("mean").help("mean of the normal distribution"); }
param std_option() {
  return param::number("std", 1).at_least(0).symbol("\\sigma").torch("std").help("standard deviation");
}
param bound_option() {
  return param::number("bound", 1).at_least(0).help("half-width: samples from U(-bound, bound)");
}
param bias_option() {
  return param::object("bias").optional().help("bias initialisation: {type: 'zeros' | 'constant' | 'normal' | "
                                               "'uniform' | 'torchDefault'}; zeros unless torchDefault");
}

// The schemes that do not depend on the layer: zeros, constant, normal, uniform.
std::optional<Distribution> read_fixed(const std::string& type, const Params& p) {
  if (type == "zeros") return constant(0);
  if (type == "constant") return constant(p.number("value"));
  if (type == "normal") return normal(p.number("mean"), p.number("std"));
  if (type == "uniform") return uniform(p.number("bound"));
  return std::nullopt;
}

std::vector<ParamSpec> fixed_table(const std::string& type) {
  if (type == "constant") return {value_option()};
  if (type == "normal") return {mean_option(), std_option()};
  if (type == "uniform") return {bound_option()};
  return {};
}

std::vector<Distribution> read_bias(const Spec* spec, const std::string& weight_type,
                                    const std::vector<LayerShape>& layers) {
  std::vector<Distribution> out;
  if (spec == nullptr) {
    for (const auto& layer : layers) out.push_back(weight_type == "torchDefault" ? torch_default(layer) : constant(0));
    return out;
  }
  const std::string what = context_of(weight_type) + ": option 'bias'";
  const std::string type = read_type(*spec, what, kBiasTypes);
  const Params p = read_params(*spec, fixed_table(type), what + " '" + type + "'");
  for (const auto& layer : layers) out.push_back(type == "torchDefault" ? torch_default(layer) : *read_fixed(type, p));
  return out;
}

// gain: a number >= 0, or 'auto' (also when left out).
std::optional<double> read_gain(const Spec& init, const std::string& type) {
  const Spec* gain = init.find("gain");
  if (gain == nullptr || gain->is_undefined() || gain->kind() == Spec::Kind::Null) return std::nullopt;
  if (gain->kind() == Spec::Kind::String && gain->as_string() == "auto") return std::nullopt;
  if (gain->kind() != Spec::Kind::Number || !std::isfinite(gain->as_number()) || gain->as_number() < 0)
    fail(context_of(type) + ": option 'gain' must be a number >= 0 or 'auto', got " + gain->describe());
  return gain->as_number();
}

}  // namespace

const std::vector<std::string>& init_types() {
  static const std::vector<std::string> types = {"torchDefault",  "zeros",         "constant",
                                                 "normal",        "uniform",       "xavierNormal",
                                                 "xavierUniform", "kaimingNormal", "kaimingUniform"};
  return types;
}

std::vector<LayerInit> plan_init(const NetworkSpec& network, const Spec& init_spec) {
  const Spec init = init_spec.is_undefined() || init_spec.kind() == Spec::Kind::Null
                        ? Spec::object({{"type", Spec::string("torchDefault")}})
                        : init_spec;
  const std::string type = read_type(init, "init", init_types());
  const std::string context = context_of(type);
  const std::vector<LayerShape> layers = layer_shapes(network);
  const bool xavier = type == "xavierNormal" || type == "xavierUniform";
  const bool kaiming = type == "kaimingNormal" || type == "kaimingUniform";

  std::vector<ParamSpec> table = fixed_table(type);
  if (kaiming) {
    table.push_back(param::choice("mode", "fanIn", {"fanIn", "fanOut"}).torch("mode")
                        .help("keep the variance of the forward (fanIn) or backward (fanOut) pass"));
    table.push_back(param::choice("nonlinearity", "auto",
                                  {"auto", "linear", "sigmoid", "tanh", "relu", "leaky_relu", "leakyRelu", "selu"})
                        .torch("nonlinearity").help("the activation the gain is for; 'auto': the layer's own"));
    table.push_back(param::number("a", 0).optional().torch("a").help("negative slope for leaky_relu"));
  }
  table.push_back(bias_option());
  std::vector<std::string> ignored = {"type"};
  if (xavier) ignored.push_back("gain");
  const Params p = read_params(init, table, context, ignored);
  const std::optional<double> gain = xavier ? read_gain(init, type) : std::nullopt;
  const std::optional<Distribution> fixed = read_fixed(type, p);
  const std::vector<Distribution> biases = read_bias(p.has("bias") ? &p.object("bias") : nullptr, type, layers);

  std::vector<LayerInit> plan;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    const LayerShape& layer = layers[l];
    // The activation after this layer; the output layer's head is part of the loss: linear.
    const bool hidden = l < network.activations.size();
    const Activation after = hidden ? network.activations[l] : Activation::Linear;
    Distribution weight;
    if (fixed) {
      weight = *fixed;
    } else if (type == "torchDefault") {
      weight = torch_default(layer);
    } else {
      Spec scale = Spec::object({{"type", Spec::string(type)},
                                 {"fanIn", Spec::number(double(layer.inputs))},
                                 {"fanOut", Spec::number(double(layer.outputs))}});
      if (xavier) {
        scale.set("gain", Spec::number(gain ? *gain : calculate_gain(gain_name(after), network.leaky_slope)));
      } else {
        const std::string chosen = p.choice("nonlinearity");
        const std::string name = chosen == "auto" ? gain_name(after) : chosen;
        const double slope = p.has("a") ? p.number("a")
                             : (chosen == "auto" && after == Activation::LeakyRelu) ? network.leaky_slope
                                                                                    : 0.0;
        scale.set("mode", Spec::string(p.choice("mode")));
        scale.set("nonlinearity", Spec::string(name));
        scale.set("a", Spec::number(slope));
      }
      const InitScale s = init_scale(scale);
      weight = s.distribution == "uniform" ? uniform(s.bound) : normal(0, s.std);
    }
    plan.push_back({weight, biases[l]});
  }
  return plan;
}

void initialize(const NetworkSpec& network, const Spec& init, Rng& rng, double* params) {
  const std::vector<LayerInit> plan = plan_init(network, init);
  const std::vector<LayerShape> layers = layer_shapes(network);
  auto fill = [&rng](const Distribution& d, double* out, Index n) {
    for (Index i = 0; i < n; ++i) {
      switch (d.kind) {
        case Distribution::Kind::Constant: out[i] = d.value; break;
        case Distribution::Kind::Normal: out[i] = rng.normal(d.mean, d.std); break;
        case Distribution::Kind::Uniform: out[i] = rng.uniform(d.low, d.high); break;
      }
    }
  };
  for (std::size_t l = 0; l < layers.size(); ++l)
    fill(plan[l].weight, params + layers[l].weight_offset, layers[l].outputs * layers[l].inputs);
  for (std::size_t l = 0; l < layers.size(); ++l)
    fill(plan[l].bias, params + layers[l].bias_offset, layers[l].outputs);
}

}  // namespace descent
