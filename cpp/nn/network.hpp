// A network on its own, outside an experiment: loss, gradient and predictions at any parameter
// vector, in float32 or float64. It lets a course page (and the tests against PyTorch) drive
// training step by step with its own batches and any optimizer of the library.
#pragma once

#include <cstdint>
#include <memory>

#include "core/spec.hpp"
#include "core/types.hpp"

namespace descent {

class NetworkCore;

class Network {
 public:
  // {inputs, outputs, hidden, activation, leakySlope, loss, init, precision = 'float32'};
  // outputs counts classes for crossEntropy / binaryCrossEntropy (2) and targets for mse.
  explicit Network(const Spec& spec);
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  Index parameter_count() const;
  Index inputs() const;
  bool classification() const;
  // Mean loss of the batch x (inputs x batch, one column per example) against class labels
  // (classification) or targets (outputs x batch); dLoss/dparams into grad.
  double loss_and_gradient(const Vec& params, const Mat& x, const Eigen::VectorXi& labels, const Mat& targets,
                           Vec& grad);
  // Head outputs per column: probabilities, or regression outputs.
  Mat predict(const Vec& params, const Mat& x);
  // Initial parameters as the spec's init draws them for `seed`.
  Vec initial_parameters(std::uint64_t seed) const;

 private:
  std::unique_ptr<NetworkCore> core_;
};

}  // namespace descent
