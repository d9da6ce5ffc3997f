#include "run/minimize.hpp"

#include <cmath>

#include "core/error.hpp"
#include "core/params.hpp"
#include "optim/registry.hpp"

namespace descent {
namespace {

constexpr double kMaxRecordedNumbers = 5e7;  // 400 MB of doubles: beyond that, refuse

const std::vector<ParamSpec>& minimize_options() {
  static const std::vector<ParamSpec> table = {
      param::numbers("x0").optional().help("starting point; default: the objective's suggested start"),
      param::integer("steps", 100).at_least(0).at_most(1e6).help("number of optimizer steps"),
      param::number("gradTol", 0).at_least(0).help("stop once |grad f| falls below this (0: never)"),
      param::number("divergenceFactor", 1e8).above(1).log_scale().help(
          "diverged when |f| or |x| grows past this factor times its start (plus one)"),
      param::boolean("recordTrajectory", true).help("return every iterate, not only values"),
      param::boolean("recordState", false).help("return the optimizer's state after every step"),
  };
  return table;
}

bool all_finite(const Vec& v) { return v.allFinite(); }

}  // namespace

RunResult minimize(const Objective& objective, Optimizer& optimizer, const Spec& options) {
  const Params p = read_params(options.is_undefined() ? Spec::object() : options, minimize_options(),
                               "minimize options", {});
  const Index d = objective.dimension();
  Vec x = objective.window().start;
  if (p.has("x0")) {
    const auto& x0 = p.numbers("x0");
    if (static_cast<Index>(x0.size()) != d)
      fail("minimize options: 'x0' has length " + std::to_string(x0.size()) + " but the objective has dimension " +
           std::to_string(d));
    x = Eigen::Map<const Vec>(x0.data(), d);
  }
  const long long steps = p.integer("steps");
  const bool record_x = p.flag("recordTrajectory"), record_state = p.flag("recordState");
  // Iterates and gradients, plus (recordState) at most four state vectors, or a d x d matrix
  // for the optimizers that keep one.
  const double state_size = (optimizer.info().max_dimension > 0 ? static_cast<double>(d) * d : 0.0) + 4.0 * d;
  const double per_step = (record_x ? 2.0 * d : 0.0) + (record_state ? state_size : 0.0);
  if (static_cast<double>(steps + 1) * per_step > kMaxRecordedNumbers)
    fail("minimize options: recording " + format_number(static_cast<double>(steps + 1) * per_step) +
         " numbers exceeds the limit of " + format_number(kMaxRecordedNumbers) +
         "; lower 'steps', or set 'recordTrajectory' or 'recordState' to false");
  const double grad_tol = p.number("gradTol"), factor = p.number("divergenceFactor");
  const bool needs_hessian = optimizer.info().needs_hessian;
  // Before the d x d Hessian below is allocated (800 MB at d = 10,000), not at the first step.
  optimizer.check_dimension(d);

  RunResult r;
  r.dimension = d;
  if (auto minimum = objective.minimum()) r.f_star = minimum->value;
  Vec g(d);
  Mat h;
  if (needs_hessian) h.resize(d, d);

  auto record_point = [&](double value) {
    r.values.push_back(value);
    r.grad_norms.push_back(g.norm());
    if (record_x) {
      r.xs.insert(r.xs.end(), x.data(), x.data() + d);
      r.grads.insert(r.grads.end(), g.data(), g.data() + d);
    }
  };

  double value = objective.value(x);
  objective.gradient(x, g);
  if (!std::isfinite(value) || !all_finite(g))
    fail("minimize: the objective is not finite at x0 (f = " + format_number(value) + ")");
  record_point(value);
  const double value_limit = factor * (1 + std::abs(value)), norm_limit = factor * (1 + x.norm());

  optimizer.reset();
  Vec candidate(d), next_grad(d);
  for (long long t = 0; t < steps; ++t) {
    if (grad_tol > 0 && g.norm() < grad_tol) {
      r.converged = true;
      break;
    }
    if (needs_hessian) objective.hessian(x, h);
    const double lr = optimizer.current_lr();
    candidate = x;
    try {
      optimizer.step(candidate, g, needs_hessian ? &h : nullptr);
    } catch (const InvalidArgument& e) {
      r.reason = std::string("stopped at step ") + std::to_string(t + 1) + ": " + e.what();
      break;
    }
    const double next_value = all_finite(candidate) ? objective.value(candidate) : NAN;
    if (std::isfinite(next_value)) objective.gradient(candidate, next_grad);
    const bool finite = std::isfinite(next_value) && all_finite(next_grad);
    if (!finite || std::abs(next_value) > value_limit || candidate.norm() > norm_limit) {
      r.diverged = true;
      r.diverged_at = t + 1;
      r.reason = "diverged at step " + std::to_string(t + 1) +
                 (finite ? ": |f| or |x| exploded (try a smaller learning rate)"
                         : ": f or its gradient became non-finite (try a smaller learning rate)");
      break;
    }
    x = candidate;
    g = next_grad;
    r.lrs.push_back(lr);
    record_point(next_value);
    ++r.steps;
    if (record_state) {
      for (const auto& entry : optimizer.state()) {
        if (r.states.count(entry.name) == 0) r.state_names.push_back(entry.name);
        auto& series = r.states[entry.name];
        series.insert(series.end(), entry.value.data(), entry.value.data() + entry.value.size());
      }
    }
  }
  if (!r.converged && grad_tol > 0 && g.norm() < grad_tol) r.converged = true;
  r.x = x;
  return r;
}

RunResult minimize(const Spec& objective_spec, const Spec& optimizer_spec, const Spec& options) {
  const auto objective = make_objective(objective_spec);
  const auto optimizer = make_optimizer(optimizer_spec);
  return minimize(*objective, *optimizer, options);
}

}  // namespace descent
