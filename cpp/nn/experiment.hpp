// A fair comparison: one data set, one architecture, several optimizer configurations. All of
// them start from the same initial weights and see the same mini-batches in the same order
// (reshuffled every epoch from the shared seed), and stepping advances them together. A run
// that diverges is stopped and marked with its step; the others go on.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/spec.hpp"
#include "core/types.hpp"
#include "nn/histogram.hpp"
#include "optim/transform.hpp"

namespace descent {

// What is recorded for one optimizer: one point per epoch (epoch 0 is the start), and every step.
struct History {
  std::vector<double> epoch, train_loss, test_loss, train_accuracy, test_accuracy, grad_norm, weight_norm, lr;
  std::vector<double> step_loss, step_grad_norm, step_lr;  // per optimizer step, on its mini-batch
  // Per epoch and layer (recordLayerStats): epochs x layers, row-major.
  std::vector<double> layer_mean, layer_std, layer_grad_norm;
  bool diverged = false;
  long long diverged_at = -1;  // the first step not taken: its loss, gradient or result was not finite or exploded
  std::string reason;
};

struct RunProgress {
  long long steps = 0;                     // steps taken by the experiment so far
  long long epochs = 0;                    // whole epochs completed
  std::vector<long long> optimizer_steps;  // how far each optimizer got
  std::vector<bool> diverged;
};

// Grid of the input plane on which predict_grid evaluates a network (2-D data only).
struct Grid {
  double x_min, x_max, y_min, y_max;
  int resolution;
};

class ExperimentCore;  // the precision-specific trainer (float or double)
struct Dataset;

class Experiment {
 public:
  explicit Experiment(const Spec& spec);
  ~Experiment();
  Experiment(const Experiment&) = delete;
  Experiment& operator=(const Experiment&) = delete;

  // {steps: n} takes n steps; {epochs: n} runs on to the n-th next epoch boundary (from the
  // middle of an epoch, that finishes it and n - 1 more). Optimizers that diverged stay put.
  RunProgress run(const Spec& options);
  RunProgress progress() const;

  std::size_t optimizer_count() const;
  const History& history(std::size_t i) const;
  // Class probabilities (or regression outputs) on a resolution x resolution grid, row-major
  // with y varying slowest; `outputs` values per point.
  std::vector<float> predict_grid(std::size_t i, const Grid& grid) const;
  Vec weights(std::size_t i) const;
  // Optimizer i's state (momentum buffers, moment estimates, ...), by PyTorch's names.
  std::vector<StateEntry> optimizer_state(std::size_t i) const;
  // Head outputs of optimizer i's network for every example of the training or test split
  // (outputs x examples): probabilities, or regression outputs.
  Eigen::MatrixXf predictions(std::size_t i, bool test) const;
  // The data the networks see (standardised where the data set is).
  const Dataset& dataset() const;
  // The latest per-layer statistics of optimizer i: activation mean and std, weight-gradient norm.
  struct LayerStats {
    std::vector<double> mean, std, grad_norm;
  };
  LayerStats layer_stats(std::size_t i) const;
  // Histograms, per layer, of optimizer i's activations (over the whole training split, the
  // output layer's being its logits) and of its weight gradient's entries (dLoss/dW_l, whole
  // training split), now. Each quantity's layers share one range (histogram.hpp: shared_range).
  struct LayerHistograms {
    ValueRange activation_range, gradient_range;
    std::vector<Histogram> activations, gradients;
  };
  LayerHistograms layer_histograms(std::size_t i, int bins) const;

  Index parameter_count() const;
  long long steps_per_epoch() const;
  Index input_dimension() const;
  Index outputs() const;
  bool classification() const;
  const std::string& precision() const { return precision_; }

 private:
  std::unique_ptr<ExperimentCore> core_;
  std::string precision_;
};

// Optimizers that keep a d x d matrix are allowed on networks up to this many parameters: Newton
// also needs the Hessian, estimated from 2d gradient evaluations per step.
constexpr Index kMaxMatrixOptimizerParameters = 500;

}  // namespace descent
