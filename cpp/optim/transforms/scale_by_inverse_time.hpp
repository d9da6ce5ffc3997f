// AdaGrad's learning-rate decay in PyTorch: u <- u / (1 + (t - 1) lr_decay).
#pragma once

#include "optim/transform.hpp"

namespace descent {

class ScaleByInverseTime final : public Transform {
 public:
  explicit ScaleByInverseTime(double decay) : decay_(decay) {}
  void init(Index) override {}
  void update(Vec& u, const Vec&, const StepContext& ctx) override {
    if (decay_ != 0) u /= 1 + static_cast<double>(ctx.t - 1) * decay_;
  }

 private:
  double decay_;
};

}  // namespace descent
