// A fully connected network as the experiment describes it:
//   {hidden: [32, 32], activation: 'tanh' | ['tanh', 'relu'], leakySlope: 0.01,
//    loss: 'crossEntropy' | 'binaryCrossEntropy' | 'mse', init: {...}}
// and where its layers sit in the one flat parameter vector: W_0, b_0, W_1, b_1, ..., with
// W_l (out_l x in_l) row-major, exactly torch's parameters_to_vector of an nn.Sequential of
// nn.Linear layers, so that every optimizer of the library trains a network unchanged.
#pragma once

#include <vector>

#include "core/params.hpp"
#include "core/spec.hpp"
#include "core/types.hpp"
#include "nn/activation.hpp"
#include "nn/loss.hpp"

namespace descent {

constexpr Index kMaxHiddenLayers = 16;
constexpr Index kMaxWidth = 4096;
// Beyond this a step takes seconds in the browser and the state of Adam alone 40 MB (float64).
constexpr Index kMaxParameters = 5'000'000;

struct NetworkSpec {
  Index inputs = 0;
  std::vector<Index> hidden;              // widths of the hidden layers; empty = a linear/logistic model
  std::vector<Activation> activations;    // one per hidden layer
  Index outputs = 0;                      // units of the (linear) output layer: K, 1 for BCE, or targets
  Loss loss = Loss::CrossEntropy;
  double leaky_slope = 0.01;              // negative slope of every leakyRelu layer
  Spec init;                              // the 'init' spec as given (undefined: the default), see init.hpp
};

// Layer l of the flat vector: W_l at weight_offset (outputs x inputs, row-major), b_l at bias_offset.
struct LayerShape {
  Index inputs;
  Index outputs;
  Index weight_offset;
  Index bias_offset;
};

// The hidden layers and then the output layer.
std::vector<LayerShape> layer_shapes(const NetworkSpec& spec);
Index parameter_count(const NetworkSpec& spec);

// The options a network spec takes, for the page's controls ('activation' is one name or one per
// hidden layer; 'init' is read by init.hpp).
const std::vector<ParamSpec>& network_options();

// Validates `network` for a data set with `inputs` features and, when `classification`,
// `outputs` classes (else `outputs` regression targets). The loss defaults to 'crossEntropy' for
// classification and 'mse' for regression; 'binaryCrossEntropy' needs 2 classes and then uses
// one output unit. Refuses networks with more than kMaxParameters parameters; validates 'init'.
NetworkSpec read_network_spec(const Spec& network, Index inputs, Index outputs, bool classification);

}  // namespace descent
