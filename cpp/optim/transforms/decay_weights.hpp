// Decoupled weight decay, applied after the sign flip: u <- u - eta_t c x, with eta_t the
// schedule multiplier. AdamW uses c = lr * weightDecay (PyTorch's parametrisation); the
// lecture's SGDW uses c = lambda (Loshchilov & Hutter, Algorithm 1, line 9). Unlike L2, the
// decay never passes through momentum or Adam's normalisation.
#pragma once

#include "optim/transform.hpp"

namespace descent {

class DecayWeights final : public Transform {
 public:
  explicit DecayWeights(double coefficient) : coefficient_(coefficient) {}
  void init(Index) override {}
  void update(Vec& u, const Vec& params, const StepContext& ctx) override {
    if (coefficient_ != 0) u -= (coefficient_ * ctx.lr_multiplier) * params;
  }

 private:
  double coefficient_;
};

}  // namespace descent
