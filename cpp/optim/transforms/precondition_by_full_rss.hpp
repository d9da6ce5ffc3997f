// Full-matrix AdaGrad (the lecture's "adaptive preconditioner"):
//   G_t = (sum_{i<=t} g_i g_i^T)^{1/2},   u <- (delta I + G_t)^{-1} g.
// The square root comes from the eigendecomposition of the accumulated outer products, so a
// step costs O(d^3) time and the state O(d^2) memory: the registry caps d.
// g always lies in the range of the sum (it is one of its terms), so directions whose eigenvalue
// is rounding noise (below 1e-12 of the largest) carry no component of g: dropping them keeps a
// tiny delta from amplifying that noise into the step.
#pragma once

#include <Eigen/Eigenvalues>
#include <algorithm>

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
    const Vec& eigenvalues = solver_.eigenvalues();  // ascending
    const double noise = 1e-12 * std::max(eigenvalues.maxCoeff(), 0.0);
    const Vec roots = (eigenvalues.array() > noise).select(eigenvalues.cwiseMax(0.0).cwiseSqrt(), 0.0);
    const Mat& vectors = solver_.eigenvectors();
    root_.noalias() = vectors * roots.asDiagonal() * vectors.transpose();
    Vec coordinates = vectors.transpose() * u;
    for (Index i = 0; i < coordinates.size(); ++i)
      coordinates[i] = eigenvalues[i] > noise ? coordinates[i] / (roots[i] + eps_) : 0.0;
    u.noalias() = vectors * coordinates;
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
