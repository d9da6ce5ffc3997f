// f(x) = 1/2 x^T A x: the model problem of the lecture's convergence bound, where the condition
// number kappa = beta / alpha of A alone decides how fast gradient descent converges.
#include <cmath>

#include "objectives/families.hpp"

namespace descent {
namespace {

constexpr double kPi = 3.14159265358979323846;

class Quadratic final : public Objective {
 public:
  // A = diag(eigenvalues); in 2-D rotated by `degrees`: A = R diag(l1, l2) R^T.
  Quadratic(Vec eigenvalues, double degrees) : eig_(std::move(eigenvalues)) {
    if (eig_.size() == 2) {
      const double c = std::cos(degrees * kPi / 180), s = std::sin(degrees * kPi / 180);
      Eigen::Matrix2d r;
      r << c, -s, s, c;
      a2_ = r * eig_.head<2>().asDiagonal() * r.transpose();
      start2_ = r * Eigen::Vector2d(-1.5, 1.0);  // rotates with the valley, so the view is the same
    }
  }

  Index dimension() const override { return eig_.size(); }

  double value(const Vec& x) const override {
    if (eig_.size() == 2)
      return 0.5 * (a2_(0, 0) * x[0] * x[0] + 2 * a2_(0, 1) * x[0] * x[1] + a2_(1, 1) * x[1] * x[1]);
    return 0.5 * (eig_.array() * x.array().square()).sum();
  }

  void gradient(const Vec& x, Vec& out) const override {
    out.resize(eig_.size());
    if (eig_.size() == 2)
      out.noalias() = a2_ * x.head<2>();
    else
      out = eig_.cwiseProduct(x);
  }

  void hessian(const Vec& /*x*/, Mat& out) const override {
    out.resize(eig_.size(), eig_.size());
    if (eig_.size() == 2) {
      out = a2_;
    } else {
      out.setZero();
      out.diagonal() = eig_;
    }
  }

  std::optional<Minimum> minimum() const override { return Minimum{Vec::Zero(eig_.size()), 0.0}; }

  Window window() const override {
    if (eig_.size() == 2) return {-2, 2, -2, 2, Vec(start2_)};
    return {-2, 2, -2, 2, Vec::Ones(eig_.size())};
  }

  std::optional<std::pair<double, double>> curvature_bounds() const override {
    return std::make_pair(eig_.minCoeff(), eig_.maxCoeff());
  }

 private:
  Vec eig_;
  Eigen::Matrix2d a2_ = Eigen::Matrix2d::Zero();  // used when 2-D: the only rotated case
  Eigen::Vector2d start2_ = Eigen::Vector2d::Zero();
};

const std::string kContext = objective_context("quadratic");

// alpha, beta (possibly via kappa) and dim: eigenvalues log-spaced from alpha to beta.
Vec eigenvalues_from_range(const Params& p) {
  const double alpha = p.number("alpha");
  double beta = p.number("beta");
  if (p.has("kappa")) {
    if (p.given("beta"))
      fail(kContext + ": options 'kappa' and 'beta' cannot both be given; kappa sets beta = alpha * kappa");
    beta = alpha * p.number("kappa");
  } else if (beta < alpha) {
    fail(kContext + ": option 'beta' must be >= option 'alpha' (" + format_number(alpha) + "), got " +
         format_number(beta) + (p.given("beta") ? "" : " (its default)"));
  }
  const Index n = p.has("dim") ? static_cast<Index>(p.integer("dim")) : 2;
  Vec eig(n);
  for (Index i = 0; i < n; ++i) eig[i] = n == 1 ? alpha : alpha * std::pow(beta / alpha, double(i) / double(n - 1));
  eig[n - 1] = n == 1 ? alpha : beta;  // exact, whatever pow rounds to
  return eig;
}

Vec eigenvalues_from_list(const Params& p) {
  for (const char* other : {"alpha", "beta", "kappa", "dim"})
    if (p.given(other))
      fail(kContext + ": options 'eigenvalues' and '" + other +
           "' cannot both be given; eigenvalues alone fixes A = diag(eigenvalues)");
  const auto& list = p.numbers("eigenvalues");
  if (list.empty()) fail(kContext + ": option 'eigenvalues' must have at least one entry");
  if (double(list.size()) > kMaxDimension)
    fail(kContext + ": option 'eigenvalues' may have at most " + format_number(kMaxDimension) + " entries, got " +
         std::to_string(list.size()));
  return Eigen::Map<const Vec>(list.data(), Index(list.size()));
}

std::unique_ptr<Objective> make_quadratic(const Params& p) {
  Vec eig = p.has("eigenvalues") ? eigenvalues_from_list(p) : eigenvalues_from_range(p);
  const double rotation = p.number("rotation");
  if (rotation != 0 && eig.size() != 2)
    fail(kContext + ": option 'rotation' applies only in 2-D; this quadratic has dimension " +
         std::to_string(eig.size()));
  return std::make_unique<Quadratic>(std::move(eig), rotation);
}

}  // namespace

ObjectiveInfo quadratic_info() {
  std::vector<ParamSpec> params;
  params.push_back(positive_param("alpha", 1, R"(\alpha)", "smallest eigenvalue of A (strong convexity)"));
  params.push_back(positive_param("beta", 10, R"(\beta)", "largest eigenvalue of A (smoothness); must be >= alpha"));
  ParamSpec kappa = number_param("kappa", 1, 1, false, R"(\kappa)", "condition number beta / alpha; sets beta");
  kappa.optional = true;
  kappa.log_scale = true;
  params.push_back(kappa);
  ParamSpec rotation = number_param("rotation", 0, -180, false, R"(\theta)", "rotation of the axes in degrees (2-D)");
  rotation.max = 180;
  params.push_back(rotation);
  ParamSpec dim = dimension_param(2, 1, "dimension; eigenvalues log-spaced from alpha to beta");
  dim.optional = true;
  params.push_back(dim);
  ParamSpec eigenvalues;
  eigenvalues.name = "eigenvalues";
  eigenvalues.kind = ParamKind::Numbers;
  eigenvalues.min = 0;
  eigenvalues.min_open = true;
  eigenvalues.optional = true;
  eigenvalues.symbol = R"(\lambda_i)";
  eigenvalues.help = "the eigenvalues of a diagonal A; sets the dimension";
  params.push_back(eigenvalues);

  return {"quadratic",
          "Quadratic",
          R"(f(\boldsymbol{x}) = \tfrac{1}{2}\,\boldsymbol{x}^\top A\,\boldsymbol{x},\quad A = R_\theta \operatorname{diag}(\alpha, \beta) R_\theta^\top)",
          "Elliptic contours whose elongation is the condition number kappa = beta / alpha: gradient descent "
          "zig-zags across the narrow direction and its linear rate degrades as kappa grows.",
          true,
          std::move(params),
          &make_quadratic};
}

}  // namespace descent
