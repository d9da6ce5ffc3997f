// RMSProp's normalisation (the lecture's Algorithm 8.5): r <- rho r + (1 - rho) g*g and
// u <- g / (sqrt(r) + delta) as PyTorch does, or u <- g / sqrt(r + delta) as the textbook
// writes it (eps_inside_sqrt). Centered RMSProp subtracts the squared running mean of g first.
#pragma once

#include "optim/transform.hpp"

namespace descent {

class ScaleByRms final : public Transform {
 public:
  ScaleByRms(double decay, double eps, bool centered, bool eps_inside_sqrt)
      : decay_(decay), eps_(eps), centered_(centered), eps_inside_(eps_inside_sqrt) {}

  void init(Index dim) override {
    square_avg_.setZero(dim);
    grad_avg_.setZero(centered_ ? dim : 0);
    denom_.setZero(dim);
  }

  void update(Vec& u, const Vec&, const StepContext&) override {
    square_avg_ = decay_ * square_avg_ + (1 - decay_) * u.cwiseProduct(u);
    if (centered_) {
      grad_avg_ = decay_ * grad_avg_ + (1 - decay_) * u;
      denom_ = square_avg_ - grad_avg_.cwiseProduct(grad_avg_);
    } else {
      denom_ = square_avg_;
    }
    if (eps_inside_)
      denom_ = (denom_.array() + eps_).sqrt().matrix();
    else
      denom_ = (denom_.array().sqrt() + eps_).matrix();
    u = u.cwiseQuotient(denom_);
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"square_avg", "\\mathbf{r}", square_avg_});
    if (centered_) out.push_back({"grad_avg", "\\bar{\\mathbf{g}}", grad_avg_});
  }

 private:
  double decay_, eps_;
  bool centered_, eps_inside_;
  Vec square_avg_, grad_avg_, denom_;
};

}  // namespace descent
