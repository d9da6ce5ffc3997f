#include <cmath>
#include <numeric>

#include "core/error.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace datasets {

ParamSpec n_param(double default_n) {
  return param::integer("n", default_n).at_least(10).at_most(100000).symbol("n")
      .help("number of examples, before the train/test split");
}

ParamSpec noise_param(double default_std, double max_std, const char* help) {
  return param::number("noise", default_std).at_least(0).at_most(max_std).symbol("\\sigma").help(help);
}

ParamSpec test_fraction_param() {
  return param::number("testFraction", 0.2).at_least(0).at_most(0.9)
      .help("fraction of the examples held out for testing (a seeded shuffle picks them)");
}

std::vector<std::string> numbered_classes(int classes) {
  std::vector<std::string> names;
  for (int k = 0; k < classes; ++k) names.push_back("class " + std::to_string(k));
  return names;
}

void sin_cos(double x, double& sin_x, double& cos_x) {
  if (!(std::fabs(x) <= 1e5)) fail("internal: sin_cos needs |x| <= 1e5, got " + format_number(x));
  // pi/2 in three pieces of 33 bits (fdlibm's pio2_1, pio2_2, pio2_3): k times each is exact for
  // |k| < 2^20, so r = x - k pi/2 keeps its accuracy.
  constexpr double kTwoOverPi = 6.36619772367581382433e-01;
  constexpr double kPio2_1 = 1.57079632673412561417e+00, kPio2_2 = 6.07710050630396597660e-11,
                   kPio2_3 = 2.02226624871116645580e-21;
  const double k = std::floor(x * kTwoOverPi + 0.5);
  const double r = ((x - k * kPio2_1) - k * kPio2_2) - k * kPio2_3;  // |r| <= pi/4 (+ a hair)
  const double r2 = r * r;
  // Taylor series to r^17 and r^18: the first term left out is below 2e-19 for |r| <= pi/4.
  double s = -1.0 / 355687428096000.0;  // -1/17!
  for (double term : {1.0 / 1307674368000.0, -1.0 / 6227020800.0, 1.0 / 39916800.0, -1.0 / 362880.0,
                      1.0 / 5040.0, -1.0 / 120.0, 1.0 / 6.0})
    s = term + r2 * s;  // s = 1/3! - r^2/5! + r^4/7! - ...
  const double sin_r = r - r * r2 * s;
  double c = 1.0 / 6402373705728000.0;  // 1/18!
  for (double term : {-1.0 / 20922789888000.0, 1.0 / 87178291200.0, -1.0 / 479001600.0, 1.0 / 3628800.0,
                      -1.0 / 40320.0, 1.0 / 720.0, -1.0 / 24.0, 1.0 / 2.0})
    c = term + r2 * c;  // c = 1/2! - r^2/4! + r^4/6! - ...
  const double cos_r = 1 - r2 * c;
  switch (static_cast<long long>(k) & 3) {
    case 0: sin_x = sin_r; cos_x = cos_r; break;
    case 1: sin_x = cos_r; cos_x = -sin_r; break;
    case 2: sin_x = -sin_r; cos_x = -cos_r; break;
    default: sin_x = -cos_r; cos_x = sin_r; break;
  }
}

namespace {

template <class M>
M take_columns(const M& m, const std::vector<Index>& columns) {
  if (m.size() == 0) return m;
  M out(m.rows(), static_cast<Index>(columns.size()));
  for (std::size_t j = 0; j < columns.size(); ++j) out.col(static_cast<Index>(j)) = m.col(columns[j]);
  return out;
}

Eigen::VectorXi take(const Eigen::VectorXi& v, const std::vector<Index>& items) {
  if (v.size() == 0) return v;
  Eigen::VectorXi out(static_cast<Index>(items.size()));
  for (std::size_t j = 0; j < items.size(); ++j) out[static_cast<Index>(j)] = v[items[j]];
  return out;
}

}  // namespace

void split_examples(Dataset& d, double test_fraction, Rng& rng) {
  const Index n = d.x_train.cols();
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  rng.shuffle(order);
  // At least one training example, whatever the fraction (a 2-row CSV at testFraction 0.9).
  const Index n_test = std::min<Index>(static_cast<Index>(std::llround(static_cast<double>(n) * test_fraction)), n - 1);
  const std::vector<Index> test(order.begin(), order.begin() + n_test), train(order.begin() + n_test, order.end());
  d.x_test = take_columns(d.x_train, test);
  d.x_train = take_columns(d.x_train, train);
  d.y_test = take(d.y_train, test);
  d.y_train = take(d.y_train, train);
  d.t_test = take_columns(d.t_train, test);
  d.t_train = take_columns(d.t_train, train);
}

void standardise(Dataset& d) {
  const Index n = d.x_train.cols();
  // With testFraction 0 the test split has no columns and a null data pointer: Eigen's row(f) of it
  // would offset that null pointer (undefined behaviour, found by fuzz_csv), so it is left alone.
  const bool has_test = d.x_test.cols() > 0;
  for (Index f = 0; f < d.x_train.rows(); ++f) {
    const double lo = d.x_train.row(f).minCoeff(), hi = d.x_train.row(f).maxCoeff();
    if (lo == hi) {  // constant: exact comparison, so a repeated 0.1 is not divided by rounding noise
      d.x_train.row(f).array() -= lo;
      if (has_test) d.x_test.row(f).array() -= lo;
      continue;
    }
    const double mean = d.x_train.row(f).sum() / static_cast<double>(n);
    const double std = std::sqrt((d.x_train.row(f).array() - mean).square().sum() / static_cast<double>(n));
    d.x_train.row(f) = (d.x_train.row(f).array() - mean) / std;
    if (has_test) d.x_test.row(f) = (d.x_test.row(f).array() - mean) / std;
  }
}

}  // namespace datasets
}  // namespace descent
