#include "nn/loss.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "nn/fast_exp.hpp"

namespace descent {
namespace {

struct Named {
  Loss loss;
  const char* name;
};
constexpr Named kNames[] = {
    {Loss::CrossEntropy, "crossEntropy"}, {Loss::BinaryCrossEntropy, "binaryCrossEntropy"}, {Loss::Mse, "mse"}};

std::string context_of(Loss loss) { return std::string("loss '") + loss_name(loss) + "'"; }

// Messages are built only when something is wrong: a step allocates nothing.
template <typename S>
void check_targets(Loss loss, Index outputs, Index batch, const Targets<S>& y) {
  if (loss == Loss::Mse) {
    if (y.values.rows() != outputs || y.values.cols() != batch)
      fail(context_of(loss) + " needs target values of " + std::to_string(outputs) + " x " + std::to_string(batch) +
           " (outputs x batch), got " + std::to_string(y.values.rows()) + " x " + std::to_string(y.values.cols()));
    return;
  }
  if (y.labels.size() != batch)
    fail(context_of(loss) + " needs one class label per example: " + std::to_string(batch) + ", got " +
         std::to_string(y.labels.size()));
  const int classes = loss == Loss::CrossEntropy ? static_cast<int>(outputs) : 2;
  for (Index j = 0; j < batch; ++j)
    if (y.labels[j] < 0 || y.labels[j] >= classes)
      fail(context_of(loss) + ": the label of example " + std::to_string(j) + " must be a class in [0, " +
           std::to_string(classes - 1) + "], got " + std::to_string(y.labels[j]));
}

// log(1 + exp(-|z|)) + max(z, 0): log(1 + exp(z)) without overflow.
double softplus(double z) { return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))); }

template <typename S>
S sigmoid(S z) {
  // Each branch exponentiates a non-positive number, so nothing overflows.
  if (z >= 0) return S(1) / (S(1) + std::exp(-z));
  const S e = std::exp(z);
  return e / (S(1) + e);
}

// out[0 .. rows) = exp(z(:, j) - m), the softmax's numerators of column j (m: its maximum), and
// their sum, added in order: the same bits natively and in WASM (nn/fast_exp.hpp).
template <typename S>
S shifted_exponentials(const Eigen::Ref<const MatrixOf<S>>& z, Index j, S m, S* out) {
  const Index rows = z.rows();
  for (Index i = 0; i < rows; ++i) out[i] = z(i, j) - m;
  exp_in_place(out, rows);
  S sum = 0;
  for (Index i = 0; i < rows; ++i) sum += out[i];
  return sum;
}

// The sum of exp(z(:, j) - m) without a place for the values: in pieces of a small buffer.
template <typename S>
S sum_of_shifted_exponentials(const Eigen::Ref<const MatrixOf<S>>& z, Index j, S m) {
  constexpr Index kPiece = 64;
  S piece[kPiece];
  S sum = 0;
  for (Index from = 0; from < z.rows(); from += kPiece) {
    const Index count = std::min(kPiece, z.rows() - from);
    for (Index i = 0; i < count; ++i) piece[i] = z(from + i, j) - m;
    exp_in_place(piece, count);
    for (Index i = 0; i < count; ++i) sum += piece[i];
  }
  return sum;
}

// Loss of the batch; when dz is given, also dLoss/dz. One pass per column, no temporaries.
template <typename S>
S evaluate(Loss loss, const Eigen::Ref<const MatrixOf<S>>& z, const Targets<S>& y, Eigen::Ref<MatrixOf<S>>* dz) {
  const Index outputs = z.rows(), batch = z.cols();
  check_targets(loss, outputs, batch, y);
  if (batch == 0) return S(0);
  double total = 0;
  switch (loss) {
    case Loss::CrossEntropy: {
      // loss_j = logsumexp(z_j) - z_j[y_j]; the max m is subtracted before exponentiating.
      const S inv_batch = S(1) / S(batch);
      for (Index j = 0; j < batch; ++j) {
        const S m = z.col(j).maxCoeff();
        const int label = y.labels[j];
        S sum;
        if (dz != nullptr) {  // the exponentials in dz, then scaled to the softmax / batch
          sum = shifted_exponentials<S>(z, j, m, &(*dz)(0, j));
          (*dz).col(j) *= inv_batch / sum;
          (*dz)(label, j) -= inv_batch;
        } else {
          sum = sum_of_shifted_exponentials<S>(z, j, m);
        }
        // log(sum) - (z_y - m) rather than m + log(sum) - z_y: no cancellation of large logits.
        total += std::log(double(sum)) - (double(z(label, j)) - double(m));
      }
      break;
    }
    case Loss::BinaryCrossEntropy: {
      // loss_j = log(1 + exp(z)) - y z, the form of BCEWithLogitsLoss.
      const S inv_batch = S(1) / S(batch);
      for (Index j = 0; j < batch; ++j) {
        const S zj = z(0, j);
        const int label = y.labels[j];
        total += softplus(double(zj)) - (label == 1 ? double(zj) : 0.0);
        if (dz != nullptr) (*dz)(0, j) = (sigmoid(zj) - S(label)) * inv_batch;
      }
      break;
    }
    case Loss::Mse: {
      const MatrixOf<S>& target = y.values;
      total = (z - target).template cast<double>().squaredNorm();
      if (dz != nullptr) *dz = (S(2) / S(outputs * batch)) * (z - target);
      return S(total / double(outputs * batch));
    }
  }
  return S(total / double(batch));
}

}  // namespace

const std::vector<std::string>& loss_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& n : kNames) out.push_back(n.name);
    return out;
  }();
  return names;
}

const char* loss_name(Loss loss) {
  for (const auto& n : kNames)
    if (n.loss == loss) return n.name;
  return "?";
}

std::optional<Loss> loss_from_name(const std::string& name) {
  for (const auto& n : kNames)
    if (name == n.name) return n.loss;
  return std::nullopt;
}

template <typename S>
S head_loss(Loss loss, const Eigen::Ref<const MatrixOf<S>>& z, const Targets<S>& y) {
  return evaluate<S>(loss, z, y, nullptr);
}

template <typename S>
S head_loss_and_gradient(Loss loss, const Eigen::Ref<const MatrixOf<S>>& z, const Targets<S>& y,
                         Eigen::Ref<MatrixOf<S>> dz) {
  if (dz.rows() != z.rows() || dz.cols() != z.cols())
    fail("internal: the loss gradient must be " + std::to_string(z.rows()) + " x " + std::to_string(z.cols()));
  return evaluate<S>(loss, z, y, &dz);
}

template <typename S>
void head_outputs(Loss loss, const Eigen::Ref<const MatrixOf<S>>& z, Eigen::Ref<MatrixOf<S>> out) {
  switch (loss) {
    case Loss::CrossEntropy:
      for (Index j = 0; j < z.cols(); ++j) {
        const S m = z.col(j).maxCoeff();
        out.col(j) /= shifted_exponentials<S>(z, j, m, &out(0, j));
      }
      break;
    case Loss::BinaryCrossEntropy:
      for (Index j = 0; j < z.cols(); ++j) out(0, j) = sigmoid(z(0, j));
      break;
    case Loss::Mse: out = z; break;
  }
}

template <typename S>
Index count_correct(const Eigen::Ref<const MatrixOf<S>>& outputs, const Eigen::Ref<const Eigen::VectorXi>& labels,
                    S threshold) {
  if (labels.size() != outputs.cols())
    fail("countCorrect: needs one label per example: " + std::to_string(outputs.cols()) + ", got " +
         std::to_string(labels.size()));
  Index correct = 0;
  for (Index j = 0; j < outputs.cols(); ++j) {
    Index predicted = 0;
    if (outputs.rows() == 1)
      predicted = outputs(0, j) > threshold ? 1 : 0;
    else
      outputs.col(j).maxCoeff(&predicted);
    correct += predicted == labels[j] ? 1 : 0;
  }
  return correct;
}

#define DESCENT_INSTANTIATE(S)                                                                                  \
  template S head_loss<S>(Loss, const Eigen::Ref<const MatrixOf<S>>&, const Targets<S>&);                       \
  template S head_loss_and_gradient<S>(Loss, const Eigen::Ref<const MatrixOf<S>>&, const Targets<S>&,           \
                                       Eigen::Ref<MatrixOf<S>>);                                                \
  template void head_outputs<S>(Loss, const Eigen::Ref<const MatrixOf<S>>&, Eigen::Ref<MatrixOf<S>>);           \
  template Index count_correct<S>(const Eigen::Ref<const MatrixOf<S>>&, const Eigen::Ref<const Eigen::VectorXi>&, S);
DESCENT_INSTANTIATE(float)
DESCENT_INSTANTIATE(double)
#undef DESCENT_INSTANTIATE

}  // namespace descent
