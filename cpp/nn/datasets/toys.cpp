// The 2-D classification toys. Each lies roughly in [-2, 2]^2 (the page draws [-2.5, 2.5]^2), and
// `noise` is always the standard deviation of Gaussian noise added to each coordinate, so the
// slider means the same thing on every toy. Classes are balanced (sizes differ by at most one).
#include "core/error.hpp"
#include "nn/datasets/builders.hpp"

namespace descent {
namespace datasets {
namespace {

constexpr double kPi = 3.14159265358979323846;

Dataset start(const char* type, Index n, int classes) {
  Dataset d;
  d.type = type;
  d.task = Task::Classification;
  d.features = 2;
  d.outputs = classes;
  d.x_train.resize(2, n);
  d.y_train.resize(n);
  d.class_names = numbered_classes(classes);
  return d;
}

void put(Dataset& d, Index i, double x, double y, int label, double noise, Rng& rng) {
  d.x_train(0, i) = x + noise * rng.normal();
  d.x_train(1, i) = y + noise * rng.normal();
  d.y_train[i] = label;
}

std::string stem(const std::string& what, Index n, double noise) {
  return what + ", " + std::to_string(n) + " points, noise " + format_number(noise) + "; synthetic";
}

// Arm k starts at angle 2 pi k / K and winds 4 radians outwards (CS231n's spiral) to radius 2.
Dataset make_spiral(const Params& p, const Spec&, Rng& rng) {
  const Index n = p.integer("n");
  const int classes = static_cast<int>(p.integer("classes"));
  const double noise = p.number("noise");
  Dataset d = start("spiral", n, classes);
  for (Index i = 0; i < n; ++i) {
    const int k = static_cast<int>(i % classes);
    const Index per_class = n / classes + (k < n % classes ? 1 : 0);
    const double t = (static_cast<double>(i / classes) + 0.5) / static_cast<double>(per_class);  // in (0, 1)
    double s, c;
    sin_cos(2 * kPi * k / classes + 4 * t, s, c);
    put(d, i, 2 * t * c, 2 * t * s, k, noise, rng);
  }
  d.description = stem("Spiral: " + std::to_string(classes) + " arms", n, noise);
  return d;
}

// sklearn's make_circles scaled by 2: the outer circle (class 0) has radius 2, the inner (class 1)
// radius 2 factor; evenly spaced angles, and the noise is scaled with them.
Dataset make_circles(const Params& p, const Spec&, Rng& rng) {
  const Index n = p.integer("n"), n_out = n / 2, n_in = n - n_out;
  const double noise = p.number("noise"), factor = p.number("factor");
  Dataset d = start("circles", n, 2);
  for (Index i = 0; i < n; ++i) {
    const bool outer = i < n_out;
    const Index j = outer ? i : i - n_out;
    double s, c;
    sin_cos(2 * kPi * static_cast<double>(j) / static_cast<double>(outer ? n_out : n_in), s, c);
    const double radius = outer ? 1 : factor;
    put(d, i, radius * c, radius * s, outer ? 0 : 1, noise, rng);
    d.x_train.col(i) *= 2;
  }
  d.description = stem("Circles: two rings, inner radius " + format_number(factor) + " of the outer", n, noise);
  return d;
}

// Uniform in [-2, 2]^2, class 1 where x y > 0 (first and third quadrants), class 0 elsewhere; the
// label comes from the clean point, then the noise moves it.
Dataset make_xor(const Params& p, const Spec&, Rng& rng) {
  const Index n = p.integer("n");
  const double noise = p.number("noise");
  Dataset d = start("xor", n, 2);
  for (Index i = 0; i < n; ++i) {
    const double x = rng.uniform(-2, 2), y = rng.uniform(-2, 2);
    put(d, i, x, y, x * y > 0 ? 1 : 0, noise, rng);
  }
  d.description = stem("XOR: class 1 in the first and third quadrants", n, noise);
  return d;
}

// K isotropic Gaussian blobs, standard deviation `noise`, centres evenly on a circle of radius 1.5.
Dataset make_gaussians(const Params& p, const Spec&, Rng& rng) {
  const Index n = p.integer("n");
  const int classes = static_cast<int>(p.integer("classes"));
  const double noise = p.number("noise");
  Dataset d = start("gaussians", n, classes);
  for (Index i = 0; i < n; ++i) {
    const int k = static_cast<int>(i % classes);
    double s, c;
    sin_cos(2 * kPi * k / classes, s, c);
    put(d, i, 1.5 * c, 1.5 * s, k, noise, rng);
  }
  d.description = stem("Gaussians: " + std::to_string(classes) + " blobs on a circle of radius 1.5", n, noise);
  return d;
}

// sklearn's make_moons (noise added there), then centred and scaled by 4/3: x in [-2, 2], y in [-1, 1].
Dataset make_moons(const Params& p, const Spec&, Rng& rng) {
  const Index n = p.integer("n"), n_out = n / 2, n_in = n - n_out;
  const double noise = p.number("noise");
  Dataset d = start("moons", n, 2);
  for (Index i = 0; i < n; ++i) {
    const bool outer = i < n_out;
    const Index j = outer ? i : i - n_out, m = outer ? n_out : n_in;
    double s, c;
    sin_cos(m > 1 ? kPi * static_cast<double>(j) / static_cast<double>(m - 1) : 0.0, s, c);  // linspace(0, pi, m)
    if (outer)
      put(d, i, c, s, 0, noise, rng);
    else
      put(d, i, 1 - c, 1 - s - 0.5, 1, noise, rng);
    d.x_train(0, i) = (d.x_train(0, i) - 0.5) * 4 / 3;
    d.x_train(1, i) = (d.x_train(1, i) - 0.25) * 4 / 3;
  }
  d.description = stem("Moons: two interleaving half circles", n, noise);
  return d;
}

ParamSpec classes_param(double default_classes, const char* help) {
  return param::integer("classes", default_classes).at_least(2).at_most(10).symbol("K").help(help);
}

}  // namespace

std::vector<DatasetInfo> toy_infos() {
  const std::string window = " Points lie roughly in [-2, 2]^2.";
  return {
      {"spiral", "Spiral", Task::Classification,
       "Interleaved spiral arms, one class each: no straight line separates them, so it needs hidden "
       "layers." + window,
       {n_param(300), classes_param(3, "number of arms (classes)"),
        noise_param(0.1, 1, "standard deviation of the noise added to each coordinate"), test_fraction_param()},
       false, &make_spiral},
      {"circles", "Circles", Task::Classification,
       "A ring around a disc (sklearn's make_circles, scaled by 2): separable by the radius, not by a line." + window,
       {n_param(300), noise_param(0.05, 1, "standard deviation of the noise added to each coordinate"),
        param::number("factor", 0.5).above(0).below(1).help("inner radius as a fraction of the outer radius"),
        test_fraction_param()},
       false, &make_circles},
      {"xor", "XOR", Task::Classification,
       "Uniform points labelled by the sign of x y: the classic problem a single neuron cannot solve." + window,
       {n_param(300), noise_param(0.1, 1, "standard deviation of the noise added after labelling"),
        test_fraction_param()},
       false, &make_xor},
      {"gaussians", "Gaussian blobs", Task::Classification,
       "Gaussian clusters centred evenly on a circle of radius 1.5; nearly linearly separable when the "
       "noise is small." + window,
       {n_param(300), classes_param(3, "number of blobs (classes)"),
        noise_param(0.3, 1, "standard deviation of each blob"), test_fraction_param()},
       false, &make_gaussians},
      {"moons", "Moons", Task::Classification,
       "Two interleaving half circles (sklearn's make_moons, centred and scaled by 4/3)." + window,
       {n_param(300), noise_param(0.1, 1, "standard deviation of the noise (in make_moons' units)"),
        test_fraction_param()},
       false, &make_moons},
  };
}

}  // namespace datasets
}  // namespace descent
