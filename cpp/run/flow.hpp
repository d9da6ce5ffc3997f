// The continuous-time limits of the lecture's methods, for plotting next to the iterates:
// gradient flow dx/dt = -grad f(x) (gradient descent as eta -> 0) and Su-Boyd-Candes' ODE
// x'' + (3/t) x' + grad f(x) = 0 (Nesterov's method with t ~ k sqrt(eta)).
#pragma once

#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/spec.hpp"
#include "objectives/objective.hpp"

namespace descent {

struct FlowResult {
  std::vector<double> t;       // the sample times reached, uniformly spaced from 0
  std::vector<double> xs;      // row-major, t.size() x dimension: x(t_k)
  std::vector<double> values;  // f(x(t_k))
  bool stopped_early = false;  // true: the flow diverged or hit the step limit before tEnd
  std::string reason;          // why it stopped early; empty otherwise
};

// The option table of integrate_flow: kind, x0, tEnd, points, rtol, atol.
const std::vector<ParamSpec>& flow_params();

// Integrates the flow of `f` with an adaptive Dormand-Prince 5(4) method. Throws
// InvalidArgument naming the option when `options` is invalid.
FlowResult integrate_flow(const Objective& f, const Spec& options);

}  // namespace descent
