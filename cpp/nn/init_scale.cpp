#include "nn/init_scale.hpp"

#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "core/params.hpp"

namespace descent {

double calculate_gain(const std::string& name, std::optional<double> param) {
  static const std::vector<std::string> linear = {"linear",          "conv1d",          "conv2d",         "conv3d",
                                                  "conv_transpose1d", "conv_transpose2d", "conv_transpose3d"};
  for (const auto& l : linear)
    if (name == l) return 1;
  if (name == "sigmoid") return 1;
  if (name == "tanh") return 5.0 / 3;
  if (name == "relu") return std::sqrt(2.0);
  if (name == "leaky_relu" || name == "leakyRelu") {
    const double slope = param.value_or(0.01);
    if (!std::isfinite(slope)) fail("calculateGain: the leaky ReLU slope must be a finite number, got " + format_number(slope));
    return std::sqrt(2.0 / (1 + slope * slope));
  }
  if (name == "selu") return 3.0 / 4;
  std::vector<std::string> allowed = linear;
  for (const char* n : {"sigmoid", "tanh", "relu", "leaky_relu", "leakyRelu", "selu"}) allowed.push_back(n);
  fail("calculateGain: unsupported nonlinearity '" + name + "' (PyTorch defines no gain for it); allowed: " +
       join_names(allowed));
}

namespace {

const std::vector<std::string> kSchemes = {"xavierNormal", "xavierUniform", "kaimingNormal", "kaimingUniform"};

std::vector<ParamSpec> fans() {
  return {param::integer("fanIn", 1).at_least(1).required().help("inputs per unit (columns of the weight)"),
          param::integer("fanOut", 1).at_least(1).required().help("units (rows of the weight)")};
}

}  // namespace

InitScale init_scale(const Spec& spec) {
  const std::string type = read_type(spec, "init", kSchemes);
  const bool uniform = type == "xavierUniform" || type == "kaimingUniform";
  std::vector<ParamSpec> table = fans();
  double std_dev;
  if (type == "xavierNormal" || type == "xavierUniform") {
    table.push_back(param::number("gain", 1).at_least(0).help("scale for the activation (calculateGain)"));
    const Params p = read_params(spec, table, "init '" + type + "'");
    std_dev = p.number("gain") * std::sqrt(2.0 / (p.number("fanIn") + p.number("fanOut")));
  } else {
    table.push_back(param::choice("mode", "fanIn", {"fanIn", "fanOut"}).help("keep the forward or backward variance"));
    table.push_back(param::choice("nonlinearity", "leaky_relu",
                                  {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "leakyRelu", "selu"})
                        .help("the activation the gain is computed for"));
    table.push_back(param::number("a", 0).help("negative slope of leaky ReLU"));
    const Params p = read_params(spec, table, "init '" + type + "'");
    const double fan = p.choice("mode") == "fanIn" ? p.number("fanIn") : p.number("fanOut");
    std_dev = calculate_gain(p.choice("nonlinearity"), p.number("a")) / std::sqrt(fan);
  }
  if (uniform) return {"uniform", std_dev, std::sqrt(3.0) * std_dev};
  return {"normal", std_dev, 0};
}

}  // namespace descent
