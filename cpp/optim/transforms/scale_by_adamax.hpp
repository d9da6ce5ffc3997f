// Adamax (Kingma & Ba, section 7.1): the infinity-norm variant of Adam,
//   m <- b1 m + (1 - b1) g,  w <- max(b2 w, |g| + eps),  u <- m / ((1 - b1^t) w),
// with eps inside the max as PyTorch has it.
#pragma once

#include <cmath>

#include "optim/transform.hpp"

namespace descent {

class ScaleByAdamax final : public Transform {
 public:
  ScaleByAdamax(double beta1, double beta2, double eps) : beta1_(beta1), beta2_(beta2), eps_(eps) {}

  void init(Index dim) override {
    m_.setZero(dim);
    w_.setZero(dim);
  }

  void update(Vec& u, const Vec&, const StepContext& ctx) override {
    m_ = beta1_ * m_ + (1 - beta1_) * u;
    w_ = (beta2_ * w_).cwiseMax((u.array().abs() + eps_).matrix());
    const double bias1 = 1 - std::pow(beta1_, static_cast<double>(ctx.t));
    u = m_.cwiseQuotient(w_) / bias1;
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"exp_avg", "\\mathbf{m}", m_});
    out.push_back({"exp_inf", "\\mathbf{u}", w_});
  }

 private:
  double beta1_, beta2_, eps_;
  Vec m_, w_;
};

}  // namespace descent
