// Rastrigin: a bowl covered in a regular grid of local minima. Gradient methods stop in the
// nearest dip; it shows why "converged" does not mean "found the global minimum".
#include <cmath>

#include "objectives/families.hpp"

namespace descent {
namespace {

constexpr double kTwoPi = 6.28318530717958647692;

class Rastrigin final : public Objective {
 public:
  Rastrigin(double a, Index n) : a_(a), n_(n) {}

  Index dimension() const override { return n_; }

  double value(const Vec& x) const override {
    double f = a_ * double(n_);
    for (Index i = 0; i < n_; ++i) f += x[i] * x[i] - a_ * std::cos(kTwoPi * x[i]);
    return f;
  }

  void gradient(const Vec& x, Vec& out) const override {
    out.resize(n_);
    for (Index i = 0; i < n_; ++i) out[i] = 2 * x[i] + kTwoPi * a_ * std::sin(kTwoPi * x[i]);
  }

  void hessian(const Vec& x, Mat& out) const override {
    out.resize(n_, n_);
    out.setZero();
    for (Index i = 0; i < n_; ++i) out(i, i) = 2 + kTwoPi * kTwoPi * a_ * std::cos(kTwoPi * x[i]);
  }

  std::optional<Minimum> minimum() const override { return Minimum{Vec::Zero(n_), 0.0}; }

  // The customary box [-5.12, 5.12]^n; the start sits a few dips away from the origin.
  Window window() const override {
    Vec start(n_);
    for (Index i = 0; i < n_; ++i) start[i] = i % 2 == 0 ? -3.3 : 2.6;
    return {-5.12, 5.12, -5.12, 5.12, start};
  }

 private:
  double a_;
  Index n_;
};

std::unique_ptr<Objective> make_rastrigin(const Params& p) {
  return std::make_unique<Rastrigin>(p.number("A"), static_cast<Index>(p.integer("dim")));
}

}  // namespace

ObjectiveInfo rastrigin_info() {
  return {"rastrigin",
          "Rastrigin",
          R"(f(\boldsymbol{x}) = A n + \sum_{i=1}^{n} \left(x_i^2 - A \cos(2\pi x_i)\right))",
          "A bowl covered with a grid of local minima: gradient methods settle in the nearest dip, so reaching "
          "a stationary point is not reaching the global minimum at 0.",
          true,
          {positive_param("A", 10, "A", "height of the ripples"), dimension_param(2, 1, "dimension n")},
          &make_rastrigin};
}

}  // namespace descent
