// Fuzz target: the landscape's entry points, one JSON object naming any of them:
//   {"objective": {...}, "optimizer": {...}, "minimize": {...}, "flow": {...}, "momentumRate": {...}}
// objective -> make_objective, then value, gradient, Hessian, window and minimum at its start;
// with an optimizer -> minimize(objective, optimizer, minimize options); with flow ->
// integrate_flow(objective, flow options); momentumRate -> momentum_rate_map. The harness lowers
// step counts, dimensions, sample counts and grid sizes the product would accept to small ones,
// so that an input runs in milliseconds (see fuzz_common.hpp, Cap).
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "objectives/families.hpp"
#include "objectives/objective.hpp"
#include "run/flow.hpp"
#include "run/minimize.hpp"
#include "run/momentum_rate.hpp"

using namespace descent;
using descent::fuzz::accepted;
using descent::fuzz::field;
using descent::fuzz::require;

namespace {

constexpr Index kMaxHarnessDimension = 20;

void check_run(const RunResult& r) {
  require(r.steps >= 0, "minimize", "negative steps");
  require(r.values.size() == static_cast<std::size_t>(r.steps + 1), "minimize", "values and steps disagree");
  require(fuzz::all_finite(r.values) && fuzz::all_finite(r.xs) && fuzz::all_finite(r.grads) &&
              fuzz::all_finite(r.grad_norms) && fuzz::all_finite(r.lrs),
          "minimize", "a non-finite number returned");
  require(!r.diverged || !r.reason.empty(), "minimize", "diverged without a reason");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Spec input;
  if (!fuzz::read_json(data, size, input)) return 0;
  input = fuzz::capped(input, {{"dim", double(kMaxHarnessDimension), double(kMaxDimension)},
                               {"steps", 200, 1e6},
                               {"points", 200, 1e5},
                               {"resolution", 40, 400}});
  const Spec objective_spec = field(input, "objective");

  std::unique_ptr<Objective> objective;
  if (!objective_spec.is_undefined() && accepted("make_objective", [&] { objective = make_objective(objective_spec); })) {
    require(objective->dimension() >= 1, "make_objective", "dimension < 1");
    if (objective->dimension() <= kMaxHarnessDimension) {
      accepted("objective at its start", [&] {
        const Window w = objective->window();
        require(w.start.size() == objective->dimension(), "window", "start of the wrong dimension");
        Vec g(objective->dimension());
        Mat h(objective->dimension(), objective->dimension());
        (void)objective->value(w.start);
        objective->gradient(w.start, g);
        objective->hessian(w.start, h);
        if (auto m = objective->minimum()) {
          require(m->x.size() == objective->dimension(), "minimum", "x* of the wrong dimension");
          (void)objective->value(m->x);
        }
        (void)objective->curvature_bounds();
      });

      const Spec optimizer = field(input, "optimizer");
      if (!optimizer.is_undefined()) {
        RunResult r;
        if (accepted("minimize", [&] { r = minimize(objective_spec, optimizer, field(input, "minimize")); }))
          check_run(r);
      }
      const Spec flow = field(input, "flow");
      if (!flow.is_undefined()) {
        FlowResult r;
        if (accepted("integrate_flow", [&] { r = integrate_flow(*objective, flow); })) {
          require(r.values.size() == r.t.size(), "integrate_flow", "values and times disagree");
          require(r.xs.size() == r.t.size() * std::size_t(objective->dimension()), "integrate_flow", "xs size");
          require(!r.stopped_early || !r.reason.empty(), "integrate_flow", "stopped early without a reason");
        }
      }
    }
  }

  const Spec rate = field(input, "momentumRate");
  if (!rate.is_undefined()) {
    MomentumRateMap m;
    if (accepted("momentum_rate_map", [&] { m = momentum_rate_map(rate); })) {
      require(m.rates.size() == std::size_t(m.resolution) * std::size_t(m.resolution), "momentum_rate_map", "size");
      require(m.best_index >= 0 && std::size_t(m.best_index) < m.rates.size(), "momentum_rate_map", "best index");
    }
  }
  return 0;
}
