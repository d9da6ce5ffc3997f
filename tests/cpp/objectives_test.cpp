// Every objective's derivatives against finite differences, its reported minimum, its window,
// and the messages of the option checks.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/spec.hpp"
#include "objectives/objective.hpp"

namespace descent {
namespace {

Spec objective_spec(const std::string& type, std::vector<Spec::Field> fields = {}) {
  Spec spec = Spec::object(std::move(fields));
  spec.set("type", Spec::string(type));
  return spec;
}

// Every registered objective with default options, plus non-default ones that take other paths.
std::vector<Spec> specs_to_check() {
  std::vector<Spec> specs;
  for (const auto& info : objective_registry()) specs.push_back(objective_spec(info.type));
  specs.push_back(objective_spec("quadratic", {{"rotation", Spec::number(30)}, {"kappa", Spec::number(50)}}));
  specs.push_back(objective_spec("quadratic", {{"eigenvalues", Spec::numbers({0.5, 2, 3, 40})}}));
  specs.push_back(objective_spec("quadratic", {{"eigenvalues", Spec::numbers({4, 1})}, {"rotation", Spec::number(-60)}}));
  specs.push_back(objective_spec("quadratic", {{"dim", Spec::number(5)}, {"alpha", Spec::number(0.1)}}));
  specs.push_back(objective_spec("quadratic", {{"dim", Spec::number(1)}}));
  specs.push_back(objective_spec("rosenbrock", {{"a", Spec::number(-1.5)}, {"b", Spec::number(5)}}));
  specs.push_back(objective_spec("rastrigin", {{"dim", Spec::number(3)}, {"A", Spec::number(2)}}));
  specs.push_back(objective_spec("saddle", {{"a", Spec::number(2)}, {"b", Spec::number(0.5)}}));
  specs.push_back(objective_spec("nesterovWorstCase", {{"dim", Spec::number(10)}, {"L", Spec::number(4)}}));
  return specs;
}

std::string describe(const Spec& spec) {
  std::string out = spec.find("type")->as_string();
  for (const auto& [key, value] : spec.fields())
    if (key != "type") out += " " + key + "=" + value.describe();
  return out;
}

// Random points in the window's box (odd coordinates use the y range).
std::vector<Vec> sample_points(const Objective& f, int count) {
  std::mt19937 rng(12345);
  const Window w = f.window();
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Vec> points;
  for (int k = 0; k < count; ++k) {
    Vec x(f.dimension());
    for (Index i = 0; i < x.size(); ++i)
      x[i] = i % 2 == 0 ? w.x_min + (w.x_max - w.x_min) * u(rng) : w.y_min + (w.y_max - w.y_min) * u(rng);
    points.push_back(x);
  }
  return points;
}

Vec fd_gradient(const Objective& f, const Vec& x) {
  Vec g(x.size()), y = x;
  for (Index i = 0; i < x.size(); ++i) {
    const double h = 1e-5 * std::max(1.0, std::abs(x[i]));
    y[i] = x[i] + h;
    const double up = f.value(y);
    y[i] = x[i] - h;
    const double down = f.value(y);
    y[i] = x[i];
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

Mat fd_hessian(const Objective& f, const Vec& x) {
  const Index n = x.size();
  Mat h(n, n);
  Vec y = x, up(n), down(n);
  for (Index j = 0; j < n; ++j) {
    const double step = 1e-5 * std::max(1.0, std::abs(x[j]));
    y[j] = x[j] + step;
    f.gradient(y, up);
    y[j] = x[j] - step;
    f.gradient(y, down);
    y[j] = x[j];
    h.col(j) = (up - down) / (2 * step);
  }
  return h;
}

TEST(Objectives, GradientAndHessianMatchFiniteDifferences) {
  for (const Spec& spec : specs_to_check()) {
    SCOPED_TRACE(describe(spec));
    const auto f = make_objective(spec);
    Vec g(f->dimension());
    Mat h(f->dimension(), f->dimension());
    for (const Vec& x : sample_points(*f, 5)) {
      f->gradient(x, g);
      const Vec g_fd = fd_gradient(*f, x);
      EXPECT_LT((g - g_fd).lpNorm<Eigen::Infinity>() / std::max(1.0, g.lpNorm<Eigen::Infinity>()), 1e-6)
          << "at " << x.transpose() << ": " << g.transpose() << " vs " << g_fd.transpose();
      f->hessian(x, h);
      const Mat h_fd = fd_hessian(*f, x);
      EXPECT_LT((h - h_fd).lpNorm<Eigen::Infinity>() / std::max(1.0, h.lpNorm<Eigen::Infinity>()), 1e-6)
          << "at " << x.transpose();
      EXPECT_EQ(h, h.transpose());
    }
  }
}

TEST(Objectives, ReportedMinimumIsStationaryWithTheReportedValue) {
  for (const Spec& spec : specs_to_check()) {
    SCOPED_TRACE(describe(spec));
    const auto f = make_objective(spec);
    const auto minimum = f->minimum();
    if (spec.find("type")->as_string() == "saddle") {
      EXPECT_FALSE(minimum.has_value());
      continue;
    }
    ASSERT_TRUE(minimum.has_value());
    ASSERT_EQ(minimum->x.size(), f->dimension());
    Vec g(f->dimension());
    f->gradient(minimum->x, g);
    EXPECT_LT(g.norm(), 1e-12);
    EXPECT_NEAR(f->value(minimum->x), minimum->value, 1e-12);
  }
}

TEST(Objectives, WindowHasAStartOfTheRightLength) {
  for (const Spec& spec : specs_to_check()) {
    SCOPED_TRACE(describe(spec));
    const auto f = make_objective(spec);
    const Window w = f->window();
    EXPECT_EQ(w.start.size(), f->dimension());
    EXPECT_LT(w.x_min, w.x_max);
    EXPECT_LT(w.y_min, w.y_max);
    EXPECT_TRUE(w.start.allFinite());
    EXPECT_GE(w.start[0], w.x_min);
    EXPECT_LE(w.start[0], w.x_max);
    if (f->dimension() >= 2) {
      EXPECT_GE(w.start[1], w.y_min);
      EXPECT_LE(w.start[1], w.y_max);
    }
  }
}

// Where the Hessian is constant, the bounds are its extreme eigenvalues.
TEST(Objectives, CurvatureBoundsAreTheHessiansExtremeEigenvalues) {
  for (const Spec& spec : specs_to_check()) {
    const auto f = make_objective(spec);
    const auto bounds = f->curvature_bounds();
    if (!bounds) continue;
    SCOPED_TRACE(describe(spec));
    Mat h(f->dimension(), f->dimension());
    f->hessian(f->window().start, h);
    const Vec eig = Eigen::SelfAdjointEigenSolver<Mat>(h).eigenvalues();
    EXPECT_NEAR(bounds->first, eig.minCoeff(), 1e-12 * eig.maxCoeff());
    EXPECT_NEAR(bounds->second, eig.maxCoeff(), 1e-12 * eig.maxCoeff());
  }
}

TEST(Objectives, QuadraticOptionsSetTheSpectrum) {
  const auto kappa = make_objective(objective_spec("quadratic", {{"kappa", Spec::number(25)}}));
  EXPECT_EQ(kappa->curvature_bounds(), std::make_pair(1.0, 25.0));
  const auto spaced = make_objective(
      objective_spec("quadratic", {{"dim", Spec::number(3)}, {"alpha", Spec::number(1)}, {"beta", Spec::number(100)}}));
  Mat h(3, 3);
  spaced->hessian(Vec::Zero(3), h);
  EXPECT_NEAR(h(0, 0), 1, 1e-12);
  EXPECT_NEAR(h(1, 1), 10, 1e-12);
  EXPECT_EQ(h(2, 2), 100);
  EXPECT_EQ(spaced->window().start.size(), 3);
}

TEST(Objectives, RegistryEntriesAreComplete) {
  for (const auto& info : objective_registry()) {
    SCOPED_TRACE(info.type);
    EXPECT_FALSE(info.label.empty());
    EXPECT_FALSE(info.formula.empty());
    EXPECT_FALSE(info.notes.empty());
    EXPECT_NE(info.make, nullptr);
    for (const auto& p : info.params) EXPECT_FALSE(p.help.empty()) << p.name;
  }
}

// The message of the InvalidArgument that building `spec` throws ("" when nothing is thrown).
std::string error_of(const Spec& spec) {
  try {
    make_objective(spec);
  } catch (const InvalidArgument& e) {
    return e.what();
  }
  return "";
}

testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "\"" << text << "\" does not contain \"" << part << "\"";
}

TEST(Objectives, InvalidOptionsNameTheField) {
  EXPECT_TRUE(contains(error_of(objective_spec("himmelblow")), "unknown type 'himmelblow'"));
  EXPECT_TRUE(contains(error_of(Spec::object()), "'type'"));
  EXPECT_TRUE(contains(error_of(objective_spec("rosenbrock", {{"c", Spec::number(1)}})), "unknown option 'c'"));
  EXPECT_TRUE(contains(error_of(objective_spec("booth", {{"a", Spec::number(1)}})), "unknown option 'a'"));
  EXPECT_TRUE(contains(error_of(objective_spec("quadratic", {{"alpha", Spec::number(0)}})), "'alpha' must be > 0"));
  EXPECT_TRUE(contains(error_of(objective_spec("quadratic", {{"alpha", Spec::number(-1)}})), "'alpha' must be > 0"));

  const std::string beta = error_of(objective_spec("quadratic", {{"alpha", Spec::number(5)}, {"beta", Spec::number(2)}}));
  EXPECT_TRUE(contains(beta, "'beta'"));
  EXPECT_TRUE(contains(beta, "'alpha'"));
  const std::string beta_default = error_of(objective_spec("quadratic", {{"alpha", Spec::number(20)}}));
  EXPECT_TRUE(contains(beta_default, "'beta'"));

  const std::string kappa = error_of(objective_spec("quadratic", {{"kappa", Spec::number(5)}, {"beta", Spec::number(9)}}));
  EXPECT_TRUE(contains(kappa, "'kappa'"));
  EXPECT_TRUE(contains(kappa, "'beta'"));
  EXPECT_TRUE(contains(error_of(objective_spec("quadratic", {{"kappa", Spec::number(0.5)}})), "'kappa' must be >= 1"));

  EXPECT_TRUE(contains(error_of(objective_spec("quadratic", {{"eigenvalues", Spec::numbers({1, -2})}})), "'eigenvalues': entry 1 must be > 0"));
  EXPECT_TRUE(contains(error_of(objective_spec("quadratic", {{"eigenvalues", Spec::numbers({})}})), "'eigenvalues'"));
  const std::string both = error_of(
      objective_spec("quadratic", {{"eigenvalues", Spec::numbers({1, 2})}, {"dim", Spec::number(2)}}));
  EXPECT_TRUE(contains(both, "'eigenvalues'"));
  EXPECT_TRUE(contains(both, "'dim'"));
  EXPECT_TRUE(contains(error_of(objective_spec("quadratic", {{"dim", Spec::number(3)}, {"rotation", Spec::number(10)}})), "'rotation'"));
  EXPECT_TRUE(contains(error_of(objective_spec("quadratic", {{"dim", Spec::number(2.5)}})), "'dim'"));
  EXPECT_TRUE(contains(error_of(objective_spec("nesterovWorstCase", {{"dim", Spec::number(1)}})), "'dim' must be"));
  EXPECT_TRUE(contains(error_of(objective_spec("rastrigin", {{"A", Spec::string("10")}})), "'A'"));
  EXPECT_TRUE(contains(error_of(objective_spec("saddle", {{"b", Spec::number(0)}})), "'b' must be > 0"));
}

}  // namespace
}  // namespace descent
