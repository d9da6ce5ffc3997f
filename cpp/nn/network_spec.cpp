#include "nn/network_spec.hpp"

#include <cmath>
#include <string>

#include "core/error.hpp"
#include "nn/init.hpp"

namespace descent {
namespace {

const char* kContext = "network";

std::string option(const char* name) { return std::string(kContext) + ": option '" + name + "'"; }

std::vector<Index> read_hidden(const Spec* value) {
  if (value == nullptr || value->is_undefined() || value->kind() == Spec::Kind::Null) return {32, 32};
  if (!value->is_array()) fail(option("hidden") + " must be an array of layer widths, got " + value->describe());
  if (static_cast<Index>(value->items().size()) > kMaxHiddenLayers)
    fail(option("hidden") + " may list at most " + std::to_string(kMaxHiddenLayers) + " hidden layers, got " +
         std::to_string(value->items().size()));
  std::vector<Index> hidden;
  for (std::size_t i = 0; i < value->items().size(); ++i) {
    const Spec& item = value->items()[i];
    const std::string entry = option("hidden") + " entry " + std::to_string(i);
    if (item.kind() != Spec::Kind::Number) fail(entry + " must be a whole number, got " + item.describe());
    const double width = item.as_number();
    if (!std::isfinite(width) || std::floor(width) != width)
      fail(entry + " must be a whole number, got " + format_number(width));
    if (width < 1) fail(entry + " must be >= 1, got " + format_number(width));
    if (width > kMaxWidth)
      fail(entry + " must be <= " + std::to_string(kMaxWidth) + ", got " + format_number(width));
    hidden.push_back(static_cast<Index>(width));
  }
  return hidden;
}

Activation read_activation_name(const Spec& value, const std::string& where) {
  if (value.kind() == Spec::Kind::String)
    if (auto a = activation_from_name(value.as_string())) return *a;
  fail(where + " must be one of " + join_names(activation_names()) + ", got " + value.describe());
}

std::vector<Activation> read_activations(const Spec* value, std::size_t layers) {
  if (value == nullptr || value->is_undefined() || value->kind() == Spec::Kind::Null)
    return std::vector<Activation>(layers, Activation::Relu);
  if (!value->is_array()) return std::vector<Activation>(layers, read_activation_name(*value, option("activation")));
  if (value->items().size() != layers)
    fail(option("activation") + " must name one activation per hidden layer: " + std::to_string(layers) +
         " for hidden of length " + std::to_string(layers) + ", got " + std::to_string(value->items().size()) +
         " (or give a single name for all)");
  std::vector<Activation> out;
  for (std::size_t i = 0; i < layers; ++i)
    out.push_back(read_activation_name(value->items()[i], option("activation") + " entry " + std::to_string(i)));
  return out;
}

Loss read_loss(const Params& p, Index outputs, bool classification) {
  const std::string task = classification ? "a classification task with " + std::to_string(outputs) + " classes"
                                          : "a regression task";
  if (!p.given("loss")) return classification ? Loss::CrossEntropy : Loss::Mse;
  const Loss loss = *loss_from_name(p.choice("loss"));
  const std::string named = option("loss") + " '" + p.choice("loss") + "'";
  switch (loss) {
    case Loss::CrossEntropy:
      if (!classification) fail(named + " needs a classification task; this is " + task + ": use 'mse'");
      break;
    case Loss::BinaryCrossEntropy:
      if (!classification) fail(named + " needs a classification task; this is " + task + ": use 'mse'");
      if (outputs != 2) fail(named + " needs exactly 2 classes; this is " + task + ": use 'crossEntropy'");
      break;
    case Loss::Mse:
      if (classification)
        fail(named + " needs a regression task; this is " + task + ": use 'crossEntropy'" +
             (outputs == 2 ? " or 'binaryCrossEntropy'" : ""));
      break;
  }
  return loss;
}

}  // namespace

std::vector<LayerShape> layer_shapes(const NetworkSpec& spec) {
  std::vector<LayerShape> layers;
  Index in = spec.inputs, offset = 0;
  for (std::size_t l = 0; l <= spec.hidden.size(); ++l) {
    const Index out = l < spec.hidden.size() ? spec.hidden[l] : spec.outputs;
    layers.push_back({in, out, offset, offset + out * in});
    offset += out * in + out;
    in = out;
  }
  return layers;
}

Index parameter_count(const NetworkSpec& spec) {
  const LayerShape last = layer_shapes(spec).back();
  return last.bias_offset + last.outputs;
}

const std::vector<ParamSpec>& network_options() {
  static const std::vector<ParamSpec> table = {
      param::numbers("hidden").at_least(1).at_most(kMaxWidth)
          .help("widths of the hidden layers, at most 16; [] is a linear/logistic model; default [32, 32]"),
      param::choice("activation", "relu", activation_names())
          .help("activation of the hidden layers: one name, or an array with one per hidden layer"),
      param::number("leakySlope", 0.01).at_least(0).at_most(1).symbol("\\alpha").torch("negative_slope")
          .help("slope of leakyRelu for negative inputs"),
      param::choice("loss", "crossEntropy", loss_names()).optional()
          .help("head and loss; default crossEntropy for classification, mse for regression"),
      param::object("init").optional().help("weight initialisation, {type: 'torchDefault', ...}"),
  };
  return table;
}

NetworkSpec read_network_spec(const Spec& network, Index inputs, Index outputs, bool classification) {
  if (inputs < 1) fail(std::string(kContext) + ": the data need at least 1 input feature, got " + std::to_string(inputs));
  if (classification && outputs < 2)
    fail(std::string(kContext) + ": a classification task needs at least 2 classes, got " + std::to_string(outputs));
  if (!classification && outputs < 1)
    fail(std::string(kContext) + ": a regression task needs at least 1 target, got " + std::to_string(outputs));

  // 'hidden' and 'activation' are read by hand (integers; a name or an array), the rest by the table.
  require_object(network, kContext);
  std::vector<std::string> names;
  for (const auto& p : network_options()) names.push_back(p.name);
  for (const auto& [key, value] : network.fields()) {
    bool known = value.is_undefined();
    for (const auto& name : names) known = known || name == key;
    if (!known) fail(std::string(kContext) + ": unknown option '" + key + "'; allowed: " + join_names(names));
  }
  std::vector<ParamSpec> table;
  for (const auto& p : network_options())
    if (p.name != "hidden" && p.name != "activation") table.push_back(p);
  const Params p = read_params(network, table, kContext, {"hidden", "activation"});

  NetworkSpec spec;
  spec.inputs = inputs;
  spec.hidden = read_hidden(network.find("hidden"));
  spec.activations = read_activations(network.find("activation"), spec.hidden.size());
  spec.loss = read_loss(p, outputs, classification);
  spec.outputs = spec.loss == Loss::BinaryCrossEntropy ? 1 : outputs;
  spec.leaky_slope = p.number("leakySlope");
  if (p.has("init")) spec.init = p.object("init");

  const Index count = parameter_count(spec);
  if (count > kMaxParameters)
    fail(std::string(kContext) + ": " + std::to_string(count) + " parameters is more than the limit of " +
         std::to_string(kMaxParameters) + "; use fewer or narrower hidden layers");
  check_init(spec, spec.init);
  return spec;
}

}  // namespace descent
