// Regression toys: a 1-D curve to fit (the page plots the network's function over the points) and
// a 2-D surface (drawn like a decision boundary, as a heat map over [-2.5, 2.5]^2).
#include "core/error.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace datasets {
namespace {

constexpr double kPi = 3.14159265358979323846;

Dataset start(const char* type, Index n, Index features) {
  Dataset d;
  d.type = type;
  d.task = Task::Regression;
  d.features = features;
  d.outputs = 1;
  d.x_train.resize(features, n);
  d.t_train.resize(1, n);
  return d;
}

// x uniform in [-3, 3], t = sin(x) + noise N(0, 1).
Dataset make_sine(const Params& p, const Spec&, Rng& rng) {
  const Index n = p.integer("n");
  const double noise = p.number("noise");
  Dataset d = start("sine", n, 1);
  for (Index i = 0; i < n; ++i) {
    const double x = rng.uniform(-3, 3);
    double s, c;
    sin_cos(x, s, c);
    d.x_train(0, i) = x;
    d.t_train(0, i) = s + noise * rng.normal();
  }
  d.description = "Sine: t = sin(x) + noise, x in [-3, 3], " + std::to_string(n) + " points, noise " +
                  format_number(noise) + "; synthetic";
  return d;
}

// (x, y) uniform in [-2, 2]^2, t = sin(pi x / 2) cos(pi y / 2) + noise N(0, 1): one full period
// of each factor across the square, two hills and two valleys to fit.
Dataset make_surface(const Params& p, const Spec&, Rng& rng) {
  const Index n = p.integer("n");
  const double noise = p.number("noise");
  Dataset d = start("surface", n, 2);
  for (Index i = 0; i < n; ++i) {
    const double x = rng.uniform(-2, 2), y = rng.uniform(-2, 2);
    double sx, cx, sy, cy;
    sin_cos(kPi * x / 2, sx, cx);
    sin_cos(kPi * y / 2, sy, cy);
    d.x_train(0, i) = x;
    d.x_train(1, i) = y;
    d.t_train(0, i) = sx * cy + noise * rng.normal();
  }
  d.description = "Surface: t = sin(pi x/2) cos(pi y/2) + noise, (x, y) in [-2, 2]^2, " + std::to_string(n) +
                  " points, noise " + format_number(noise) + "; synthetic";
  return d;
}

}  // namespace

std::vector<DatasetInfo> regression_infos() {
  return {
      {"sine", "Sine curve", Task::Regression,
       "One input, one target: t = sin(x) + noise for x uniform in [-3, 3]. Fit it with a small tanh or "
       "ReLU network and watch the curve bend into shape.",
       {n_param(200), noise_param(0.1, 1, "standard deviation of the noise added to the target"),
        test_fraction_param()},
       false, &make_sine},
      {"surface", "Smooth surface", Task::Regression,
       "Two inputs, one target: t = sin(pi x / 2) cos(pi y / 2) + noise for (x, y) uniform in [-2, 2]^2, "
       "two hills and two valleys.",
       {n_param(400), noise_param(0.05, 1, "standard deviation of the noise added to the target"),
        test_fraction_param()},
       false, &make_surface},
  };
}

}  // namespace datasets
}  // namespace descent
