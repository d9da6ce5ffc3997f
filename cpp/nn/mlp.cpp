#include "nn/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "core/error.hpp"

namespace descent {
namespace {

// ---- matrix products into preallocated packing buffers ----
// Eigen's GEMM packs blocks of both factors into buffers it allocates on every product (alloca
// up to 128 KB, malloc beyond: hundreds of KB per product for a 784-256-... network, and without
// alloca, as in WebAssembly, always malloc). For Eigen 3.4 we call its GEMM kernel with a blocking
// that points at our own buffers; for other versions the public product is used (same numbers,
// but it allocates).
#if EIGEN_VERSION_AT_LEAST(3, 4, 0) && !EIGEN_VERSION_AT_LEAST(3, 4, 90)
#define DESCENT_OWN_PACKING_BUFFERS 1
template <typename S>
class OwnBlocking : public Eigen::internal::level3_blocking<S, S> {
 public:
  // The block sizes Eigen's own gemm_blocking_space chooses for a column-major result.
  OwnBlocking(Index rows, Index cols, Index depth) {
    this->m_mc = rows;
    this->m_nc = cols;
    this->m_kc = depth;
    Eigen::internal::computeProductBlockingSizes<S, S, 1, Index>(this->m_kc, this->m_mc, this->m_nc, 1);
  }
  Index lhs_size(Index rows) const { return this->m_kc * std::min(rows, this->m_mc); }
  Index rhs_size(Index cols) const { return this->m_kc * std::min(cols, this->m_nc); }
  void use(S* lhs, S* rhs) {
    this->m_blockA = lhs;
    this->m_blockB = rhs;
  }
};

// The largest depth block Eigen uses: a bound on the packing buffers for any product size.
template <typename S>
Index max_depth_block() {
  Index k = Index(1) << 24, m = 4096, n = 4096;
  Eigen::internal::computeProductBlockingSizes<S, S, 1, Index>(k, m, n, 1);
  return k;
}
#endif

// res (rows x cols, column-major, outer stride res_stride) += lhs (rows x depth) * rhs (depth x cols),
// each factor stored column- or row-major with the given outer stride.
template <int LhsOrder, int RhsOrder, typename S, typename Vector>
void multiply_add(Index rows, Index cols, Index depth, const S* lhs, Index lhs_stride, const S* rhs,
                  Index rhs_stride, S* res, Index res_stride, Vector& pack_lhs, Vector& pack_rhs) {
  if (rows == 0 || cols == 0 || depth == 0) return;
#ifdef DESCENT_OWN_PACKING_BUFFERS
  OwnBlocking<S> blocking(rows, cols, depth);
  // reserve() sizes the buffers for every product; growing here would be a bug, but a safe one.
  if (pack_lhs.size() < blocking.lhs_size(rows)) pack_lhs.resize(blocking.lhs_size(rows));
  if (pack_rhs.size() < blocking.rhs_size(cols)) pack_rhs.resize(blocking.rhs_size(cols));
  blocking.use(pack_lhs.data(), pack_rhs.data());
  Eigen::internal::general_matrix_matrix_product<Index, S, LhsOrder, false, S, RhsOrder, false, Eigen::ColMajor,
                                                 1>::run(rows, cols, depth, lhs, lhs_stride, rhs, rhs_stride, res, 1,
                                                         res_stride, S(1), blocking);
#else
  using Stride = Eigen::OuterStride<>;
  using Lhs = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, LhsOrder>;
  using Rhs = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic, RhsOrder>;
  using Res = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
  Eigen::Map<Res, 0, Stride>(res, rows, cols, Stride(res_stride)).noalias() +=
      Eigen::Map<const Lhs, 0, Stride>(lhs, rows, depth, Stride(lhs_stride)) *
      Eigen::Map<const Rhs, 0, Stride>(rhs, depth, cols, Stride(rhs_stride));
  (void)pack_lhs;
  (void)pack_rhs;
#endif
}

}  // namespace

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
  for (const auto& layer : layers_) max_width_ = std::max(max_width_, layer.outputs);
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
#ifdef DESCENT_OWN_PACKING_BUFFERS
  // Eigen's blocks never exceed the product's own sizes, and the depth block never max_depth_block().
  static const Index kc_max = max_depth_block<S>();
  const auto kc = [](Index depth) { return std::min(depth, kc_max); };
  Index lhs = 0, rhs = 0;
  for (const auto& s : layers_) {
    lhs = std::max({lhs, kc(s.inputs) * s.outputs, kc(max_batch) * s.inputs, kc(s.outputs) * s.inputs});
    rhs = std::max({rhs, kc(s.inputs) * max_batch, kc(max_batch) * s.outputs, kc(s.outputs) * max_batch});
  }
  if (pack_lhs_.size() < lhs) pack_lhs_.resize(lhs);
  if (pack_rhs_.size() < rhs) pack_rhs_.resize(rhs);
#endif
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
    const Eigen::Map<const RowMajorMatrix> w(params + s.weight_offset, s.outputs, s.inputs);
    const Eigen::Map<const Vector> b(params + s.bias_offset, s.outputs);
    auto z = activations_[l].leftCols(batch);
    z = b.replicate(1, batch);
    // Z += W A: W row-major (out x in), A column-major (in x batch).
    const S* a = l == 0 ? x.data() : activations_[l - 1].data();
    const Index a_stride = l == 0 ? x.outerStride() : s.inputs;
    multiply_add<Eigen::RowMajor, Eigen::ColMajor>(s.outputs, batch, s.inputs, w.data(), s.inputs, a, a_stride,
                                                   z.data(), s.outputs, pack_lhs_, pack_rhs_);
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
    // A (in x batch, column-major) times D^T (batch x out, row-major with stride out).
    grad_w.setZero();
    const S* a = l == 0 ? x.data() : activations_[l - 1].data();
    const Index a_stride = l == 0 ? x.outerStride() : s.inputs;
    multiply_add<Eigen::ColMajor, Eigen::RowMajor>(s.inputs, s.outputs, batch, a, a_stride, d.data(), s.outputs,
                                                   grad_w.data(), s.inputs, pack_lhs_, pack_rhs_);
    grad_b.noalias() = d.rowwise().sum();
    grad_norms_[l] = grad_w.template cast<double>().norm();
    if (l == 0) break;
    // dLoss/dZ_{l-1} = act'(Z_{l-1}) * (W_l^T dLoss/dZ_l)
    // W^T D: row-major W (out x in) is column-major W^T (in x out).
    MatrixMap previous(next_delta_.data(), s.inputs, batch);
    previous.setZero();
    multiply_add<Eigen::ColMajor, Eigen::ColMajor>(s.inputs, batch, s.outputs, params + s.weight_offset, s.inputs,
                                                   d.data(), s.outputs, previous.data(), s.inputs, pack_lhs_,
                                                   pack_rhs_);
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
