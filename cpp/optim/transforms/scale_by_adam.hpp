// Adam's normalisation (Kingma & Ba; the lecture's Algorithm 8.7 and Algorithm 2):
//   m <- b1 m + (1 - b1) g,  v <- b2 v + (1 - b2) g*g,
//   u <- (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps),
// with AMSGrad's running maximum of v when asked. The order of operations is PyTorch 1.13's
// single-tensor Adam (sqrt(v) / sqrt(1 - b2^t), then + eps), so steps agree to rounding; the two
// divisions by the bias corrections are multiplications by their reciprocals (a division costs
// several multiplications' time, and Adam runs over every weight at every step).
#pragma once

#include <cmath>

#include "core/simd.hpp"
#include "optim/transform.hpp"

namespace descent {

class ScaleByAdam final : public Transform {
 public:
  ScaleByAdam(double beta1, double beta2, double eps, bool amsgrad)
      : beta1_(beta1), beta2_(beta2), eps_(eps), amsgrad_(amsgrad) {}

  void init(Index dim) override {
    m_.setZero(dim);
    v_.setZero(dim);
    v_max_.setZero(amsgrad_ ? dim : 0);
  }

  void update(Vec& u, const Vec&, const StepContext& ctx) override {
    const double t = static_cast<double>(ctx.t);
    const double inverse_bias1 = 1 / (1 - std::pow(beta1_, t));
    const double inverse_bias2_sqrt = 1 / std::sqrt(1 - std::pow(beta2_, t));
    if (amsgrad_) {
      m_ = beta1_ * m_ + (1 - beta1_) * u;
      v_ = beta2_ * v_ + (1 - beta2_) * u.cwiseProduct(u);
      v_max_ = v_max_.cwiseMax(v_);
      u = ((m_.array() / (v_max_.array().sqrt() * inverse_bias2_sqrt + eps_)) * inverse_bias1).matrix();
      return;
    }
    // The same expressions in one pass over two doubles at a time: Eigen has no WebAssembly
    // SIMD, and three passes over m, v and u cost a network's Adam step a sixth of its time there.
    using V = simd::Vec<double>;
    const V b1 = simd::splat(beta1_), c1 = simd::splat(1 - beta1_), b2 = simd::splat(beta2_),
            c2 = simd::splat(1 - beta2_), ib1 = simd::splat(inverse_bias1), ib2 = simd::splat(inverse_bias2_sqrt),
            eps = simd::splat(eps_);
    double *m = m_.data(), *v = v_.data(), *g = u.data();
    const Index n = u.size();
    Index i = 0;
    for (; i + 2 <= n; i += 2) {
      const V gi = simd::load(g + i);
      const V mi = b1 * simd::load(m + i) + c1 * gi;
      const V vi = b2 * simd::load(v + i) + c2 * (gi * gi);
      simd::store(m + i, mi);
      simd::store(v + i, vi);
      simd::store(g + i, (mi / (simd::sqrt(vi) * ib2 + eps)) * ib1);
    }
    for (; i < n; ++i) {
      m[i] = beta1_ * m[i] + (1 - beta1_) * g[i];
      v[i] = beta2_ * v[i] + (1 - beta2_) * (g[i] * g[i]);
      g[i] = (m[i] / (std::sqrt(v[i]) * inverse_bias2_sqrt + eps_)) * inverse_bias1;
    }
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"exp_avg", "\\mathbf{m}", m_});
    out.push_back({"exp_avg_sq", "\\mathbf{v}", v_});
    if (amsgrad_) out.push_back({"max_exp_avg_sq", "\\mathbf{v}^{\\max}", v_max_});
  }

 private:
  double beta1_, beta2_, eps_;
  bool amsgrad_;
  Vec m_, v_, v_max_;
};

}  // namespace descent
