// A pure saddle: curving up along x, down along y. The gradient vanishes at the origin, which is
// no minimum; a start near the x-axis shows how long gradient descent lingers there.
#include "objectives/families.hpp"

namespace descent {
namespace {

class Saddle final : public Objective {
 public:
  Saddle(double a, double b) : a_(a), b_(b) {}

  Index dimension() const override { return 2; }

  double value(const Vec& x) const override { return 0.5 * (a_ * x[0] * x[0] - b_ * x[1] * x[1]); }

  void gradient(const Vec& x, Vec& out) const override {
    out.resize(2);
    out[0] = a_ * x[0];
    out[1] = -b_ * x[1];
  }

  void hessian(const Vec& /*x*/, Mat& out) const override {
    out.resize(2, 2);
    out << a_, 0, 0, -b_;
  }

  // No minimum: f is unbounded below along y. The start is just off the stable x-axis.
  Window window() const override { return {-2, 2, -2, 2, Vec(Eigen::Vector2d(-1.8, 0.01))}; }

 private:
  double a_, b_;
};

std::unique_ptr<Objective> make_saddle(const Params& p) {
  return std::make_unique<Saddle>(p.number("a"), p.number("b"));
}

}  // namespace

ObjectiveInfo saddle_info() {
  return {"saddle",
          "Saddle",
          R"(f(x, y) = \tfrac{1}{2}\left(a x^2 - b y^2\right))",
          "A saddle point at the origin and no minimum (f is unbounded below along y): starting near the x-axis, "
          "gradient descent slows down near the saddle before it escapes.",
          false,
          {positive_param("a", 1, "a", "upward curvature along x"),
           positive_param("b", 1, "b", "downward curvature along y")},
          &make_saddle};
}

}  // namespace descent
