#include "nn/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "core/error.hpp"
#include "nn/gemm.hpp"
#include "nn/reduce.hpp"

namespace descent {

template <typename S>
Mlp<S>::Mlp(NetworkSpec spec)
    : spec_(std::move(spec)),
      layers_(layer_shapes(spec_)),
      parameter_count_(descent::parameter_count(spec_)),
      slope_(S(spec_.leaky_slope)) {
  if (spec_.activations.size() != spec_.hidden.size())
    fail("network: " + std::to_string(spec_.activations.size()) + " activations for " +
         std::to_string(spec_.hidden.size()) + " hidden layers; give one per hidden layer");
  max_width_ = 0;
  Index max_weights = 0;
  for (const auto& layer : layers_) {
    max_width_ = std::max(max_width_, layer.outputs);
    max_weights = std::max(max_weights, layer.outputs * layer.inputs);
  }
  scratch_.resize(max_weights);
  activations_.resize(layers_.size());
  grad_norms_.assign(layers_.size(), std::numeric_limits<double>::quiet_NaN());
}

template <typename S>
void Mlp<S>::reserve(Index max_batch) {
  if (max_batch <= capacity_) return;
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    // Keep the last forward pass readable for layer_stats().
    Matrix grown(layers_[l].outputs, max_batch);
    if (batch_ > 0) grown.leftCols(batch_) = activations_[l].leftCols(batch_);
    activations_[l].swap(grown);
  }
  delta_.resize(max_width_ * max_batch);
  next_delta_.resize(max_width_ * max_batch);
  capacity_ = max_batch;
}

template <typename S>
void Mlp<S>::forward(const S* params, const Eigen::Ref<const Matrix>& x) {
  if (x.rows() != spec_.inputs)
    fail("network: a batch must have " + std::to_string(spec_.inputs) + " rows (one per input feature), got " +
         std::to_string(x.rows()));
  const Index batch = x.cols();
  batch_ = 0;  // until this pass is complete
  reserve(batch);
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const LayerShape& s = layers_[l];
    auto z = activations_[l].leftCols(batch);
    broadcast_columns(s.outputs, batch, params + s.bias_offset, z.data(), s.outputs);
    // Z += W A: W row-major (out x in), A column-major (in x batch).
    const S* a = l == 0 ? x.data() : activations_[l - 1].data();
    const Index a_stride = l == 0 ? x.outerStride() : s.inputs;
    multiply_add_row_major(s.outputs, batch, s.inputs, params + s.weight_offset, s.inputs, a, a_stride, z.data(), s.outputs,
                           scratch_.data());
    if (l < spec_.activations.size()) activate<S>(spec_.activations[l], slope_, z.data(), s.outputs * batch);
  }
  batch_ = batch;
}

template <typename S>
S Mlp<S>::loss(const S* params, const Eigen::Ref<const Matrix>& x, const Targets<S>& y) {
  forward(params, x);
  return head_loss<S>(spec_.loss, logits(), y);
}

template <typename S>
S Mlp<S>::loss_and_gradient(const S* params, const Eigen::Ref<const Matrix>& x, const Targets<S>& y, S* grad) {
  forward(params, x);
  const Index batch = batch_;
  const Index last = static_cast<Index>(layers_.size()) - 1;
  MatrixMap delta(delta_.data(), layers_[last].outputs, batch);
  const S value = head_loss_and_gradient<S>(spec_.loss, logits(), y, delta);

  for (Index l = last; l >= 0; --l) {
    const LayerShape& s = layers_[l];
    MatrixMap d(delta_.data(), s.outputs, batch);  // dLoss/dZ_l
    Eigen::Map<RowMajorMatrix> grad_w(grad + s.weight_offset, s.outputs, s.inputs);
    Eigen::Map<Vector> grad_b(grad + s.bias_offset, s.outputs);
    // dW = D A^T, computed as its transpose (column-major in x out, the memory of row-major dW):
    // A (in x batch, column-major) times D^T, whose element (p, j) is D(j, p).
    grad_w.setZero();
    const S* a = l == 0 ? x.data() : activations_[l - 1].data();
    const Index a_stride = l == 0 ? x.outerStride() : s.inputs;
    multiply_add(s.inputs, s.outputs, batch, a, a_stride, d.data(), s.outputs, 1, grad_w.data(), s.inputs);
    // Column by column: additions along contiguous columns vectorise (a row-wise sum in WASM,
    // where Eigen has no SIMD, is one scalar chain per row).
    grad_b.setZero();
    for (Index j = 0; j < batch; ++j) grad_b += d.col(j);
    grad_norms_[l] = std::sqrt(sum_of_squares(grad_w.data(), grad_w.size()));
    if (l == 0) break;
    // dLoss/dZ_{l-1} = act'(Z_{l-1}) * (W_l^T dLoss/dZ_l)
    // W^T D: row-major W (out x in) is column-major W^T (in x out).
    MatrixMap previous(next_delta_.data(), s.inputs, batch);
    previous.setZero();
    multiply_add(s.inputs, batch, s.outputs, params + s.weight_offset, s.inputs, d.data(), 1, s.outputs,
                 previous.data(), s.inputs);
    multiply_by_derivative<S>(spec_.activations[l - 1], slope_, activations_[l - 1].data(), previous.data(),
                              s.inputs * batch);
    delta_.swap(next_delta_);  // swaps the pointers only
  }
  return value;
}

template <typename S>
void Mlp<S>::predict(const S* params, const Eigen::Ref<const Matrix>& x, Matrix& out) {
  forward(params, x);
  out.resize(spec_.outputs, batch_);
  head_outputs<S>(spec_.loss, logits(), out);
}

template <typename S>
Index Mlp<S>::count_correct(const S* params, const Eigen::Ref<const Matrix>& x,
                            const Eigen::Ref<const Eigen::VectorXi>& labels) {
  if (!is_classification(spec_.loss))
    fail(std::string("network: counting correct predictions needs a classification loss, this one is '") +
         loss_name(spec_.loss) + "'");
  forward(params, x);
  return count_correct_in_last_pass(labels);
}

template <typename S>
Index Mlp<S>::count_correct_in_last_pass(const Eigen::Ref<const Eigen::VectorXi>& labels) const {
  if (!is_classification(spec_.loss))
    fail(std::string("network: counting correct predictions needs a classification loss, this one is '") +
         loss_name(spec_.loss) + "'");
  // The argmax of the logits is that of the probabilities; a logit > 0 is a probability > 0.5.
  return descent::count_correct<S>(logits(), labels, S(0));
}

template <typename S>
std::vector<LayerStats> Mlp<S>::layer_stats() const {
  std::vector<LayerStats> stats(layers_.size());
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    const auto a = activations_[l].leftCols(batch_).template cast<double>();
    const double count = double(a.size());
    const double mean = batch_ > 0 ? a.sum() / count : std::numeric_limits<double>::quiet_NaN();
    stats[l].mean = mean;
    stats[l].std =
        batch_ > 0 ? std::sqrt((a.array() - mean).square().sum() / count) : std::numeric_limits<double>::quiet_NaN();
    stats[l].grad_norm = grad_norms_[l];
  }
  return stats;
}

template class Mlp<float>;
template class Mlp<double>;

}  // namespace descent
