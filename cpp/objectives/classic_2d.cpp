// Three classic 2-D test functions without options: Beale (flat plateau, steep walls),
// Himmelblau (four minima, so the start decides the answer) and Booth (a tilted quadratic).
#include <cmath>

#include "objectives/families.hpp"

namespace descent {
namespace {

Vec point(double x, double y) { return Vec(Eigen::Vector2d(x, y)); }

// f = sum_i u_i^2 with u_i = c_i - x + x y^i, i = 1..3.
class Beale final : public Objective {
 public:
  Index dimension() const override { return 2; }

  double value(const Vec& p) const override {
    double f = 0;
    for (int i = 0; i < 3; ++i) {
      const double u = kC[i] - p[0] + p[0] * std::pow(p[1], i + 1);
      f += u * u;
    }
    return f;
  }

  void gradient(const Vec& p, Vec& out) const override {
    out.resize(2);
    out.setZero();
    const double x = p[0], y = p[1];
    for (int i = 0; i < 3; ++i) {
      const double yi = std::pow(y, i + 1), u = kC[i] - x + x * yi;
      out[0] += 2 * u * (yi - 1);
      out[1] += 2 * u * (i + 1) * x * std::pow(y, i);
    }
  }

  // H = 2 sum_i (grad u_i grad u_i^T + u_i Hess u_i).
  void hessian(const Vec& p, Mat& out) const override {
    out.resize(2, 2);
    out.setZero();
    const double x = p[0], y = p[1];
    for (int i = 0; i < 3; ++i) {
      const int k = i + 1;
      const double yk = std::pow(y, k), u = kC[i] - x + x * yk;
      const double ux = yk - 1, uy = k * x * std::pow(y, k - 1);
      const double uxy = k * std::pow(y, k - 1), uyy = k == 1 ? 0 : k * (k - 1) * x * std::pow(y, k - 2);
      out(0, 0) += 2 * ux * ux;
      out(0, 1) += 2 * (ux * uy + u * uxy);
      out(1, 1) += 2 * (uy * uy + u * uyy);
    }
    out(1, 0) = out(0, 1);
  }

  std::optional<Minimum> minimum() const override { return Minimum{point(3, 0.5), 0.0}; }
  Window window() const override { return {-4.5, 4.5, -4.5, 4.5, point(1, 1.5)}; }

 private:
  static constexpr double kC[3] = {1.5, 2.25, 2.625};
};

class Himmelblau final : public Objective {
 public:
  Index dimension() const override { return 2; }

  double value(const Vec& p) const override {
    const double u = p[0] * p[0] + p[1] - 11, v = p[0] + p[1] * p[1] - 7;
    return u * u + v * v;
  }

  void gradient(const Vec& p, Vec& out) const override {
    out.resize(2);
    const double x = p[0], y = p[1], u = x * x + y - 11, v = x + y * y - 7;
    out[0] = 4 * x * u + 2 * v;
    out[1] = 2 * u + 4 * y * v;
  }

  void hessian(const Vec& p, Mat& out) const override {
    out.resize(2, 2);
    const double x = p[0], y = p[1];
    out(0, 0) = 12 * x * x + 4 * y - 42;
    out(0, 1) = out(1, 0) = 4 * (x + y);
    out(1, 1) = 12 * y * y + 4 * x - 26;
  }

  // One of four minima, all with f* = 0; the others are near (-2.805, 3.131), (-3.779, -3.283)
  // and (3.584, -1.848).
  std::optional<Minimum> minimum() const override { return Minimum{point(3, 2), 0.0}; }
  Window window() const override { return {-5, 5, -5, 5, point(0, 0)}; }
};

class Booth final : public Objective {
 public:
  Index dimension() const override { return 2; }

  double value(const Vec& p) const override {
    const double u = p[0] + 2 * p[1] - 7, v = 2 * p[0] + p[1] - 5;
    return u * u + v * v;
  }

  void gradient(const Vec& p, Vec& out) const override {
    out.resize(2);
    const double u = p[0] + 2 * p[1] - 7, v = 2 * p[0] + p[1] - 5;
    out[0] = 2 * u + 4 * v;
    out[1] = 4 * u + 2 * v;
  }

  void hessian(const Vec& /*p*/, Mat& out) const override {
    out.resize(2, 2);
    out << 10, 8, 8, 10;
  }

  std::optional<Minimum> minimum() const override { return Minimum{point(1, 3), 0.0}; }
  // A start off both axes of the ellipse (along (1, -1) and (1, 1)) shows the zig-zag.
  Window window() const override { return {-4, 6, -2, 8, point(-3, 0)}; }
  // Hessian eigenvalues 10 -+ 8.
  std::optional<std::pair<double, double>> curvature_bounds() const override { return std::make_pair(2.0, 18.0); }
};

template <typename T>
std::unique_ptr<Objective> make(const Params&) {
  return std::make_unique<T>();
}

}  // namespace

ObjectiveInfo beale_info() {
  return {"beale",
          "Beale",
          R"(f(x, y) = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2)",
          "A nearly flat plateau bounded by very steep walls: one fixed step size is too small on the plateau "
          "and too large on the walls, which is where adaptive methods help.",
          false,
          {},
          &make<Beale>};
}

ObjectiveInfo himmelblau_info() {
  return {"himmelblau",
          "Himmelblau",
          R"(f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2)",
          "Four minima, all with f = 0, at (3, 2), about (-2.805, 3.131), (-3.779, -3.283) and (3.584, -1.848): "
          "which one a method finds depends on where it starts and on its step.",
          false,
          {},
          &make<Himmelblau>};
}

ObjectiveInfo booth_info() {
  return {"booth",
          "Booth",
          R"(f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2)",
          "A quadratic whose contours are ellipses tilted by 45 degrees, with condition number 9: the simplest "
          "picture of zig-zagging gradient descent off the coordinate axes.",
          false,
          {},
          &make<Booth>};
}

}  // namespace descent
