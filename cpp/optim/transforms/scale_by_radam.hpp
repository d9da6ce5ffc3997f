// Rectified Adam (Liu et al. 2020) as PyTorch computes it: Adam's moments, but the adaptive
// step is used only once the variance of its estimate is tractable (rho_t > 5); before that
// the step is plain bias-corrected momentum. rho_inf = 2/(1 - b2) - 1,
// rho_t = rho_inf - 2 t b2^t / (1 - b2^t), r_t = sqrt((rho_t-4)(rho_t-2) rho_inf / ((rho_inf-4)(rho_inf-2) rho_t)).
#pragma once

#include <cmath>

#include "optim/transform.hpp"

namespace descent {

class ScaleByRadam final : public Transform {
 public:
  ScaleByRadam(double beta1, double beta2, double eps) : beta1_(beta1), beta2_(beta2), eps_(eps) {}

  void init(Index dim) override {
    m_.setZero(dim);
    v_.setZero(dim);
  }

  void update(Vec& u, const Vec&, const StepContext& ctx) override {
    const double t = static_cast<double>(ctx.t);
    const double bias1 = 1 - std::pow(beta1_, t);
    const double bias2 = 1 - std::pow(beta2_, t);
    m_ = beta1_ * m_ + (1 - beta1_) * u;
    v_ = beta2_ * v_ + (1 - beta2_) * u.cwiseProduct(u);
    const double rho_inf = 2 / (1 - beta2_) - 1;
    const double rho_t = rho_inf - 2 * t * std::pow(beta2_, t) / bias2;
    if (rho_t > 5) {
      const double rect =
          std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
      u = ((m_ / bias1).array() * (std::sqrt(bias2) / (v_.array().sqrt() + eps_)) * rect).matrix();
    } else {
      u = m_ / bias1;
    }
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"exp_avg", "\\mathbf{m}", m_});
    out.push_back({"exp_avg_sq", "\\mathbf{v}", v_});
  }

 private:
  double beta1_, beta2_, eps_;
  Vec m_, v_;
};

}  // namespace descent
