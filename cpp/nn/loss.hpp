// The output layer is linear; its head (softmax, sigmoid or nothing) belongs to the loss, so that
// the loss is computed from the logits in a numerically stable way and its gradient with respect
// to the logits is the simple "prediction minus target" of the lecture:
//   crossEntropy        softmax over K classes, mean negative log-likelihood (torch.nn.CrossEntropyLoss())
//   binaryCrossEntropy  one unit, sigmoid, mean binary cross-entropy        (torch.nn.BCEWithLogitsLoss())
//   mse                 identity, mean over examples AND outputs             (torch.nn.MSELoss())
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/types.hpp"

namespace descent {

enum class Loss { CrossEntropy, BinaryCrossEntropy, Mse };

const std::vector<std::string>& loss_names();  // 'crossEntropy', 'binaryCrossEntropy', 'mse'
const char* loss_name(Loss loss);
std::optional<Loss> loss_from_name(const std::string& name);
inline bool is_classification(Loss loss) { return loss != Loss::Mse; }

template <typename S>
using MatrixOf = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;

// What a batch should produce, one target per column of the batch; the loss reads the member it
// needs and checks its size:
//   crossEntropy:       labels (batch), each in [0, K)
//   binaryCrossEntropy: labels (batch), each 0 or 1
//   mse:                values (outputs x batch)
// Resizing a member to the size it has allocates nothing, so one Targets reused for every
// mini-batch of a fixed size costs no allocation.
template <typename S>
struct Targets {
  Eigen::VectorXi labels;
  MatrixOf<S> values;
};

// Mean loss of the batch from the logits z (outputs x batch); accumulated in double.
// Throws InvalidArgument when the targets have the wrong size or a label is out of range.
template <typename S>
S head_loss(Loss loss, const Eigen::Ref<const MatrixOf<S>>& z, const Targets<S>& y);

// The same, and dLoss/dz (the mean's 1/batch included) written to dz (same shape as z).
template <typename S>
S head_loss_and_gradient(Loss loss, const Eigen::Ref<const MatrixOf<S>>& z, const Targets<S>& y,
                         Eigen::Ref<MatrixOf<S>> dz);

// The head's outputs: softmax probabilities, the probability of class 1, or z itself.
template <typename S>
void head_outputs(Loss loss, const Eigen::Ref<const MatrixOf<S>>& z, Eigen::Ref<MatrixOf<S>> out);

// How many columns of a head's outputs (or of the logits: the same argmax) predict their label:
// the argmax over rows (first maximum on ties, as torch.argmax), or for one row, class 1 when the
// value is above `threshold` (0.5 for probabilities, 0 for a logit).
template <typename S>
Index count_correct(const Eigen::Ref<const MatrixOf<S>>& outputs, const Eigen::Ref<const Eigen::VectorXi>& labels,
                    S threshold = S(0.5));

}  // namespace descent
