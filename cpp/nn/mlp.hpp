// A fully connected network (multi-layer perceptron) on a flat parameter vector, with the
// gradient by backpropagation. A batch is a matrix with one column per example (features x batch):
//   Z_l = W_l A_{l-1} + b_l (b_l added to every column),  A_l = act_l(Z_l),  A_{-1} = X,
// and the last layer is linear, its head (softmax / sigmoid / identity) part of the loss.
// The parameters are W_0, b_0, W_1, b_1, ... with W_l row-major (see network_spec.hpp).
//
// Every buffer (activations, deltas, a copy of one layer's weights for the products) is a member sized
// by the constructor and reserve(max_batch); after it, calls with batches of at most max_batch
// allocate nothing (a larger batch grows the buffers once). The products are nn/gemm.hpp's.
// Float (the default of the experiments, faster in WASM SIMD) and double are instantiated.
#pragma once

#include <vector>

#include "core/types.hpp"
#include "nn/loss.hpp"
#include "nn/network_spec.hpp"

namespace descent {

// Per layer (the hidden layers, then the output layer, whose "activations" are its logits).
struct LayerStats {
  double mean = 0;       // of the activations, over the units and examples of the last forward pass
  double std = 0;        // of the activations: population standard deviation (divides by the count)
  double grad_norm = 0;  // Frobenius norm of dLoss/dW_l of the last backward pass; NaN before one
};

template <typename S>
class Mlp {
 public:
  using Matrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
  using Vector = Eigen::Matrix<S, Eigen::Dynamic, 1>;

  explicit Mlp(NetworkSpec spec);

  const NetworkSpec& spec() const { return spec_; }
  Index parameter_count() const { return parameter_count_; }
  Index inputs() const { return spec_.inputs; }
  Index outputs() const { return spec_.outputs; }
  // Sizes every buffer for batches of up to max_batch columns.
  void reserve(Index max_batch);
  Index reserved_batch() const { return capacity_; }

  // Mean loss over the batch (the data loss only: no weight decay); writes dLoss/dparams into
  // grad[0 .. parameter_count()). x is (inputs x batch); y has one target per column.
  S loss_and_gradient(const S* params, const Eigen::Ref<const Matrix>& x, const Targets<S>& y, S* grad);
  S loss(const S* params, const Eigen::Ref<const Matrix>& x, const Targets<S>& y);
  // Head outputs (outputs() x batch): class probabilities (softmax), the probability of class 1
  // (binaryCrossEntropy), or the regression outputs. out is resized, which allocates only when
  // its size changes.
  void predict(const S* params, const Eigen::Ref<const Matrix>& x, Matrix& out);
  // Classification: how many columns of x the network assigns to their label.
  Index count_correct(const S* params, const Eigen::Ref<const Matrix>& x,
                      const Eigen::Ref<const Eigen::VectorXi>& labels);
  // The same count for the batch of the last forward pass (loss, loss_and_gradient, predict).
  Index count_correct_in_last_pass(const Eigen::Ref<const Eigen::VectorXi>& labels) const;

  // See LayerStats; computed on demand from the last forward and backward pass (allocates).
  std::vector<LayerStats> layer_stats() const;
  // Layer l's activations of the last forward pass (outputs_l x batch; the last layer's are the logits).
  auto last_activations(std::size_t l) const { return activations_.at(l).leftCols(batch_); }
  const std::vector<LayerShape>& layers() const { return layers_; }

 private:
  using RowMajorMatrix = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using MatrixMap = Eigen::Map<Matrix>;

  void forward(const S* params, const Eigen::Ref<const Matrix>& x);
  auto logits() const { return activations_.back().leftCols(batch_); }

  NetworkSpec spec_;
  std::vector<LayerShape> layers_;
  Index parameter_count_;
  Index max_width_;
  Index capacity_ = 0;
  Index batch_ = 0;                   // columns of the last forward pass
  S slope_;
  std::vector<Matrix> activations_;   // per layer (outputs_l x capacity): A_l, the last one the logits
  Vector delta_, next_delta_;         // dLoss/dZ_l, (outputs_l x batch) contiguous in max_width x capacity
  std::vector<double> grad_norms_;    // per layer, of the last backward pass
  Vector scratch_;                    // the forward product's copy of W_l (the largest layer)
};

extern template class Mlp<float>;
extern template class Mlp<double>;

}  // namespace descent
