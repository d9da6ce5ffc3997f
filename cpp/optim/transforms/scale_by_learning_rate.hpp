// u <- -eta_t u with eta_t = lr * schedule multiplier. The only place where the sign flips from
// an ascent direction to a step: every transform before this one works with +gradients.
#pragma once

#include "optim/transform.hpp"

namespace descent {

class ScaleByLearningRate final : public Transform {
 public:
  explicit ScaleByLearningRate(double lr) : lr_(lr) {}
  void init(Index) override {}
  void update(Vec& u, const Vec&, const StepContext& ctx) override { u *= -(lr_ * ctx.lr_multiplier); }

 private:
  double lr_;
};

}  // namespace descent
