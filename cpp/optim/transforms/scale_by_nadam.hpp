// NAdam (Dozat 2016) as PyTorch >= 2.0 computes it, with momentum decay psi:
//   mu_t = b1 (1 - 0.5 * 0.96^(t psi)),  m <- b1 m + (1 - b1) g,  v <- b2 v + (1 - b2) g*g,
//   u <- (1 - mu_t) / (1 - prod_{i<=t} mu_i) g / d + mu_{t+1} / (1 - prod_{i<=t+1} mu_i) m / d,
//   d = sqrt(v / (1 - b2^t)) + eps.
// PyTorch 1.13 multiplied mu_t twice into the second product (fixed in 2.0); we follow 2.0.
#pragma once

#include <cmath>

#include "optim/transform.hpp"

namespace descent {

class ScaleByNadam final : public Transform {
 public:
  ScaleByNadam(double beta1, double beta2, double eps, double momentum_decay)
      : beta1_(beta1), beta2_(beta2), eps_(eps), psi_(momentum_decay) {}

  void init(Index dim) override {
    m_.setZero(dim);
    v_.setZero(dim);
    denom_.setZero(dim);
    mu_product_ = 1;
  }

  void update(Vec& u, const Vec&, const StepContext& ctx) override {
    const double t = static_cast<double>(ctx.t);
    const double bias2 = 1 - std::pow(beta2_, t);
    const double mu = beta1_ * (1 - 0.5 * std::pow(0.96, t * psi_));
    const double mu_next = beta1_ * (1 - 0.5 * std::pow(0.96, (t + 1) * psi_));
    mu_product_ *= mu;
    m_ = beta1_ * m_ + (1 - beta1_) * u;
    v_ = beta2_ * v_ + (1 - beta2_) * u.cwiseProduct(u);
    denom_ = ((v_ / bias2).array().sqrt() + eps_).matrix();
    const double c_grad = (1 - mu) / (1 - mu_product_);
    const double c_mom = mu_next / (1 - mu_product_ * mu_next);
    u = c_grad * u.cwiseQuotient(denom_) + c_mom * m_.cwiseQuotient(denom_);
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"exp_avg", "\\mathbf{m}", m_});
    out.push_back({"exp_avg_sq", "\\mathbf{v}", v_});
    out.push_back({"mu_product", "\\textstyle\\prod_i \\mu_i", Vec::Constant(1, mu_product_)});
  }

 private:
  double beta1_, beta2_, eps_, psi_;
  Vec m_, v_, denom_;
  double mu_product_ = 1;
};

}  // namespace descent
