// Newton's method as preconditioned gradient descent (the lecture's H_t = Hessian):
// u <- (H + lambda I)^{-1} g. lambda > 0 (Levenberg damping) keeps the step defined where H is
// singular or indefinite; with lambda = 0 and eta = 1 a quadratic is solved in one step.
#pragma once

#include <Eigen/LU>

#include "core/error.hpp"
#include "optim/transform.hpp"

namespace descent {

class PreconditionByHessian final : public Transform {
 public:
  explicit PreconditionByHessian(double damping) : damping_(damping) {}

  void init(Index dim) override { system_.resize(dim, dim); }

  void update(Vec& u, const Vec&, const StepContext& ctx) override {
    if (ctx.hessian == nullptr) fail("optimizer 'newton' needs the Hessian: pass it as step(params, grads, hessian)");
    const Mat& h = *ctx.hessian;
    if (h.rows() != u.size() || h.cols() != u.size())
      fail("optimizer 'newton': the Hessian must be " + std::to_string(u.size()) + " x " + std::to_string(u.size()));
    system_ = h;
    system_.diagonal().array() += damping_;
    lu_.compute(system_);
    if (!lu_.isInvertible())
      fail("optimizer 'newton': H + lambda I is singular at this point (lambda = " + format_number(damping_) +
           "); use a larger 'damping'");
    u = lu_.solve(u);
  }

 private:
  double damping_;
  Mat system_;
  Eigen::FullPivLU<Mat> lu_;
};

}  // namespace descent
