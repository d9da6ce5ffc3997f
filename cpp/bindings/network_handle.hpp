// JavaScript's handle on a Network: batches come in as rows of examples (an array of arrays, or
// a flat array in row-major order) and leave as Float64Array copies.
#pragma once

#include <emscripten/val.h>

#include <memory>

#include "nn/network.hpp"

namespace descent::bindings {

using emscripten::val;

class NetworkHandle {
 public:
  explicit NetworkHandle(std::unique_ptr<Network> network) : network_(std::move(network)) {}
  double parameterCount() const { return static_cast<double>(network_->parameter_count()); }
  val lossAndGradient(val params, val x, val y);
  val predict(val params, val x);
  val initialParameters(val seed) const;

 private:
  std::unique_ptr<Network> network_;
};

std::unique_ptr<NetworkHandle> create_network(val spec);

}  // namespace descent::bindings
