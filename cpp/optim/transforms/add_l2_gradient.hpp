// g <- g + lambda x: the gradient of (lambda/2)|x|^2 added to the loss ("L2 regularisation",
// PyTorch's weight_decay in every optimizer but AdamW). Coupled: what follows (momentum, Adam's
// normalisation) acts on it too, which is exactly what SGDW and AdamW undo.
#pragma once

#include "optim/transform.hpp"

namespace descent {

class AddL2Gradient final : public Transform {
 public:
  explicit AddL2Gradient(double weight_decay) : weight_decay_(weight_decay) {}
  void init(Index) override {}
  void update(Vec& u, const Vec& params, const StepContext&) override {
    if (weight_decay_ != 0) u += weight_decay_ * params;
  }

 private:
  double weight_decay_;
};

}  // namespace descent
