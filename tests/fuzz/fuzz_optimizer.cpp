// Fuzz target: an optimizer's options as JSON ({"type": "adam", "lr": 0.01, "schedule": {...}}),
// through make_optimizer (the registry's validation, every registered type and its schedule), and
// then, when accepted, steps on a small quadratic: 30 steps in 3-D with its Hessian, reset(), then
// steps in 1-D without one (Newton must refuse those with a message). Values may diverge; only
// crashes, sanitizer reports and improper errors are findings.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"

using namespace descent;
using descent::fuzz::accepted;
using descent::fuzz::require;

namespace {

void run_steps(Optimizer& optimizer, Index d, int steps, bool with_hessian) {
  Vec x = Vec::LinSpaced(d, 1.0, -2.0);
  Vec a = Vec::LinSpaced(d, 1.0, 10.0);
  Mat h = a.asDiagonal();
  Vec g(d);
  for (int k = 0; k < steps; ++k) {
    g = a.cwiseProduct(x);
    optimizer.step(x, g, with_hessian ? &h : nullptr);
    if (!x.allFinite()) return;  // diverged: the page stops the run here
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Spec spec;
  if (!fuzz::read_json(data, size, spec)) return 0;
  std::unique_ptr<Optimizer> optimizer;
  if (!accepted("make_optimizer", [&] { optimizer = make_optimizer(spec); })) return 0;
  require(optimizer != nullptr, "make_optimizer", "returned null");

  accepted("step 3-D", [&] { run_steps(*optimizer, 3, 30, true); });
  accepted("current_lr", [&] { (void)optimizer->current_lr(); });
  accepted("state", [&] {
    for (const auto& entry : optimizer->state()) require(!entry.name.empty(), "state", "an unnamed state entry");
  });
  // A step of another size must be refused until reset().
  if (optimizer->steps_taken() > 0) {
    const bool took = accepted("step of another size", [&] { run_steps(*optimizer, 2, 1, true); });
    require(!took, "step of another size", "a step with a different dimension was taken");
  }
  optimizer->reset();
  accepted("step 1-D without Hessian", [&] { run_steps(*optimizer, 1, 10, false); });
  accepted("state", [&] { (void)optimizer->state(); });
  return 0;
}
