// The lecture's form of Nesterov's accelerated gradient, applied after the gradient step:
//   u^{t+1} = x^t - eta grad f(x^t)          (the incoming u is already -eta grad f(x^t))
//   x^{t+1} = u^{t+1} + t/(t+3) (u^{t+1} - u^t),   t = 0, 1, ...,  u^0 = x^0.
// The parameters hold the look-ahead points x^t at which gradients are taken. Its limit as
// eta -> 0 with t sqrt(eta) fixed is the ODE x'' + (3/t) x' + grad f = 0 (Su, Boyd, Candes).
#pragma once

#include "optim/transform.hpp"

namespace descent {

class NesterovExtrapolation final : public Transform {
 public:
  void init(Index dim) override {
    previous_.setZero(dim);
    next_.setZero(dim);
  }

  void update(Vec& u, const Vec& params, const StepContext& ctx) override {
    const double t = static_cast<double>(ctx.t - 1);  // the lecture counts from 0
    if (ctx.t == 1) previous_ = params;               // u^0 = x^0
    next_ = params + u;
    u += (t / (t + 3)) * (next_ - previous_);
    previous_.swap(next_);
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"u", "\\mathbf{u}^{t}", previous_});
  }

 private:
  Vec previous_, next_;
};

}  // namespace descent
