// Full-matrix AdaGrad (the lecture's "adaptive preconditioner"):
//   G_t = (sum_{i<=t} g_i g_i^T)^{1/2},   u <- (delta I + G_t)^{-1} g.
// The square root comes from the eigendecomposition of the accumulated outer products, so a
// step costs O(d^3) time and the state O(d^2) memory: the registry caps d.
#pragma once

#include <Eigen/Eigenvalues>

#include "optim/transform.hpp"

namespace descent {

class PreconditionByFullRss final : public Transform {
 public:
  explicit PreconditionByFullRss(double eps) : eps_(eps) {}

  void init(Index dim) override {
    outer_sum_.setZero(dim, dim);
    root_.setZero(dim, dim);
  }

  void update(Vec& u, const Vec&, const StepContext&) override {
    outer_sum_.noalias() += u * u.transpose();
    solver_.compute(outer_sum_);
    // Rounding can leave tiny negative eigenvalues on a positive semidefinite sum.
    const Vec roots = solver_.eigenvalues().cwiseMax(0.0).cwiseSqrt();
    const Mat& vectors = solver_.eigenvectors();
    root_.noalias() = vectors * roots.asDiagonal() * vectors.transpose();
    const Vec coordinates = vectors.transpose() * u;
    u.noalias() = vectors * coordinates.cwiseQuotient((roots.array() + eps_).matrix());
  }

  void append_state(std::vector<StateEntry>& out) const override {
    out.push_back({"G", "\\mathbf{G}_t", Eigen::Map<const Vec>(root_.data(), root_.size())});
  }

 private:
  double eps_;
  Mat outer_sum_, root_;
  Eigen::SelfAdjointEigenSolver<Mat> solver_;
};

}  // namespace descent
