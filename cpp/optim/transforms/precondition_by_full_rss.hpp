// Full-matrix AdaGrad (the lecture's "adaptive preconditioner"):
//   G_t = (sum_{i<=t} g_i g_i^T)^{1/2},   u <- (delta I + G_t)^{-1} g.
// The square root comes from the eigendecomposition of the accumulated outer products, so a
// step costs O(d^3) time and the state O(d^2) memory: the registry caps d.
// g always lies in the range of the sum (it is one of its terms), so directions whose eigenvalue
// is rounding noise (below 1e-12 of the largest) carry no component of g: dropping them keeps a
// tiny delta from amplifying that noise into the step. G_t itself is only shown (the state), never
// needed by a step, so it is made from the last decomposition when asked for: a step does one
// d x d x d product less and allocates no d x d temporary.
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
    decomposed_ = false;
  }

  void update(Vec& u, const Vec&, const StepContext&) override {
    outer_sum_.noalias() += u * u.transpose();
    solver_.compute(outer_sum_);
    decomposed_ = true;
    const Vec& eigenvalues = solver_.eigenvalues();  // ascending
    const double noise = noise_level();
    const Vec roots = square_roots(noise);
    const Mat& vectors = solver_.eigenvectors();
    Vec coordinates = vectors.transpose() * u;
    for (Index i = 0; i < coordinates.size(); ++i)
      coordinates[i] = eigenvalues[i] > noise ? coordinates[i] / (roots[i] + eps_) : 0.0;
    u.noalias() = vectors * coordinates;
  }

  void append_state(std::vector<StateEntry>& out) const override {
    Mat root = Mat::Zero(outer_sum_.rows(), outer_sum_.cols());
    if (decomposed_) {
      const Mat& vectors = solver_.eigenvectors();
      root.noalias() = vectors * square_roots(noise_level()).asDiagonal() * vectors.transpose();
    }
    out.push_back({"G", "\\mathbf{G}_t", Eigen::Map<const Vec>(root.data(), root.size())});
  }

 private:
  // Rounding can leave tiny negative eigenvalues on a positive semidefinite sum.
  double noise_level() const { return 1e-12 * std::max(solver_.eigenvalues().maxCoeff(), 0.0); }
  Vec square_roots(double noise) const {
    const Vec& eigenvalues = solver_.eigenvalues();
    return (eigenvalues.array() > noise).select(eigenvalues.cwiseMax(0.0).cwiseSqrt(), 0.0);
  }

  double eps_;
  Mat outer_sum_;
  Eigen::SelfAdjointEigenSolver<Mat> solver_;
  bool decomposed_ = false;  // solver_ holds the decomposition of outer_sum_ (a step was taken)
};

}  // namespace descent
