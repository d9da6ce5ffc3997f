// Rosenbrock's banana: a curved, flat-bottomed valley. Finding the valley is easy, following it
// to the minimum is what separates plain gradient descent from momentum and adaptive methods.
#include <algorithm>
#include <limits>

#include "objectives/families.hpp"

namespace descent {
namespace {

class Rosenbrock final : public Objective {
 public:
  Rosenbrock(double a, double b) : a_(a), b_(b) {}

  Index dimension() const override { return 2; }

  double value(const Vec& x) const override {
    const double u = a_ - x[0], v = x[1] - x[0] * x[0];
    return u * u + b_ * v * v;
  }

  void gradient(const Vec& x, Vec& out) const override {
    out.resize(2);
    const double v = x[1] - x[0] * x[0];
    out[0] = -2 * (a_ - x[0]) - 4 * b_ * x[0] * v;
    out[1] = 2 * b_ * v;
  }

  void hessian(const Vec& x, Mat& out) const override {
    out.resize(2, 2);
    out(0, 0) = 2 - 4 * b_ * x[1] + 12 * b_ * x[0] * x[0];
    out(0, 1) = out(1, 0) = -4 * b_ * x[0];
    out(1, 1) = 2 * b_;
  }

  std::optional<Minimum> minimum() const override { return Minimum{Vec(Eigen::Vector2d(a_, a_ * a_)), 0.0}; }

  // The classic box, widened when `a` moves the minimum out of it.
  Window window() const override {
    return {std::min(-2.0, a_ - 1), std::max(2.0, a_ + 1), -1, std::max(3.0, a_ * a_ + 1),
            Vec(Eigen::Vector2d(-1.5, 2))};
  }

 private:
  double a_, b_;
};

std::unique_ptr<Objective> make_rosenbrock(const Params& p) {
  return std::make_unique<Rosenbrock>(p.number("a"), p.number("b"));
}

}  // namespace

ObjectiveInfo rosenbrock_info() {
  std::vector<ParamSpec> params;
  params.push_back(number_param("a", 1, -std::numeric_limits<double>::infinity(), false, "a",
                                "the minimum sits at (a, a^2)"));
  params.push_back(positive_param("b", 100, "b", "steepness of the valley walls"));
  return {"rosenbrock",
          "Rosenbrock",
          R"(f(x, y) = (a - x)^2 + b\,(y - x^2)^2)",
          "A narrow curved valley with a flat floor: reaching the valley is quick, then plain gradient descent "
          "crawls along it, which momentum and adaptive step sizes speed up.",
          false,
          std::move(params),
          &make_rosenbrock};
}

}  // namespace descent
