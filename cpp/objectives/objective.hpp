// An objective for the 2-D lab and the theory plots: value, gradient and Hessian, the minimum
// where it is known, and where to look at it. Objectives know their own minimum so that plots
// can show f(x) - f* and tests can check convergence against it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/spec.hpp"
#include "core/types.hpp"

namespace descent {

struct Minimum {
  Vec x;         // a minimizer (one of them, when there are several)
  double value;  // f* = f(x*)
};

// A plotting window for 2-D objectives: the box to draw and a start point that shows the
// objective's character (a long valley, a saddle, ...).
struct Window {
  double x_min, x_max, y_min, y_max;
  Vec start;
};

class Objective {
 public:
  virtual ~Objective() = default;
  virtual Index dimension() const = 0;
  virtual double value(const Vec& x) const = 0;
  // Writes into `out` (resized by the caller to dimension()); allocates nothing.
  virtual void gradient(const Vec& x, Vec& out) const = 0;
  virtual void hessian(const Vec& x, Mat& out) const = 0;
  virtual std::optional<Minimum> minimum() const { return std::nullopt; }
  virtual Window window() const = 0;
  // Strong convexity and smoothness constants (alpha <= lambda(H) <= beta) where they are known,
  // for the GD bound the lecture states; nullopt otherwise.
  virtual std::optional<std::pair<double, double>> curvature_bounds() const { return std::nullopt; }
};

struct ObjectiveInfo {
  std::string type;
  std::string label;
  std::string formula;  // LaTeX
  std::string notes;    // one or two sentences on what the landscape teaches
  bool any_dimension;   // false: 2-D only
  std::vector<ParamSpec> params;
  std::unique_ptr<Objective> (*make)(const Params& params);
};

const std::vector<ObjectiveInfo>& objective_registry();

// Validates `spec` ({type: 'rosenbrock', ...}) and builds the objective; throws InvalidArgument
// with a message naming the field otherwise.
std::unique_ptr<Objective> make_objective(const Spec& spec);

}  // namespace descent
