// Nesterov's worst function in the world (Introductory Lectures, 2.1.7): a quadratic chain that
// any first-order method fills in one coordinate per gradient, which proves the O(1/t^2) lower
// bound that Nesterov's acceleration attains.
#include <cmath>

#include "objectives/families.hpp"

namespace descent {
namespace {

constexpr double kPi = 3.14159265358979323846;

// f(x) = L/4 (1/2 x^T T x - x_1) with T = tridiag(-1, 2, -1).
class NesterovWorstCase final : public Objective {
 public:
  NesterovWorstCase(Index n, double l) : n_(n), l_(l) {}

  Index dimension() const override { return n_; }

  double value(const Vec& x) const override {
    double s = x[0] * x[0] + x[n_ - 1] * x[n_ - 1];
    for (Index i = 0; i + 1 < n_; ++i) s += (x[i] - x[i + 1]) * (x[i] - x[i + 1]);
    return l_ / 4 * (0.5 * s - x[0]);
  }

  void gradient(const Vec& x, Vec& out) const override {
    out.resize(n_);
    for (Index i = 0; i < n_; ++i) {
      const double left = i > 0 ? x[i - 1] : 0, right = i + 1 < n_ ? x[i + 1] : 0;
      out[i] = l_ / 4 * (2 * x[i] - left - right);
    }
    out[0] -= l_ / 4;
  }

  void hessian(const Vec& /*x*/, Mat& out) const override {
    out.resize(n_, n_);
    out.setZero();
    for (Index i = 0; i < n_; ++i) {
      out(i, i) = l_ / 2;
      if (i + 1 < n_) out(i, i + 1) = out(i + 1, i) = -l_ / 4;
    }
  }

  // T x* = e_1 gives x*_i = 1 - i/(n+1), and f* = -L/8 x*_1.
  std::optional<Minimum> minimum() const override {
    Vec x(n_);
    for (Index i = 0; i < n_; ++i) x[i] = 1 - double(i + 1) / double(n_ + 1);
    return Minimum{x, l_ / 8 * (-1 + 1 / double(n_ + 1))};
  }

  // The window shows (x_1, x_2), whose minimizer lies in (0, 1)^2; the start is the origin.
  Window window() const override { return {-0.25, 1.25, -0.25, 1.25, Vec::Zero(n_)}; }

  // T's eigenvalues are 2 - 2 cos(k pi / (n+1)), k = 1..n.
  std::optional<std::pair<double, double>> curvature_bounds() const override {
    const double c = std::cos(kPi / double(n_ + 1));
    return std::make_pair(l_ / 4 * (2 - 2 * c), l_ / 4 * (2 + 2 * c));
  }

 private:
  Index n_;
  double l_;
};

std::unique_ptr<Objective> make_nesterov_worst_case(const Params& p) {
  return std::make_unique<NesterovWorstCase>(static_cast<Index>(p.integer("dim")), p.number("L"));
}

}  // namespace

ObjectiveInfo nesterov_worst_case_info() {
  return {"nesterovWorstCase",
          "Nesterov's worst case",
          R"(f(\boldsymbol{x}) = \tfrac{L}{4}\left(\tfrac{1}{2}\Big[x_1^2 + \sum_{i=1}^{n-1} (x_i - x_{i+1})^2 + x_n^2\Big] - x_1\right))",
          "The function from Nesterov's lower-bound proof: each gradient step reaches only one more coordinate, "
          "so no first-order method beats O(L / t^2) on it for t < n/2, the rate Nesterov's acceleration attains.",
          true,
          {dimension_param(100, 2, "dimension n"), positive_param("L", 1, "L", "smoothness constant (largest curvature bound)")},
          &make_nesterov_worst_case};
}

}  // namespace descent
