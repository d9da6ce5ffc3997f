// Fuzz target: a learning-rate schedule's options as JSON ({"type": "cosine", "tMax": 50}, or a
// warm-up with a nested "then"), through make_schedule and schedule_lrs. When accepted, the rates
// at epochs 0..199 and at a few far epochs (a million, a billion: the page's step counters get
// there) must be >= 0 (not NaN) for a base rate of 0.1. Infinity is allowed: an exponential or
// step schedule with gamma > 1 (PyTorch allows it too) overflows after enough epochs, and the runs
// that use the rate then stop as diverged, which fuzz_run checks.
#include <cstddef>
#include <cstdint>

#include "fuzz_common.hpp"
#include "optim/schedule.hpp"

using namespace descent;
using descent::fuzz::accepted;
using descent::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Spec spec;
  if (!fuzz::read_json(data, size, spec)) return 0;
  std::vector<double> lrs;
  if (accepted("schedule_lrs", [&] { lrs = schedule_lrs(spec, 0.1, 200); })) {
    require(lrs.size() == 200, "schedule_lrs", "wrong number of rates");
    for (double lr : lrs) require(lr >= 0, "schedule_lrs", "a rate " + format_number(lr));
  }
  Schedule schedule;
  if (accepted("make_schedule", [&] { schedule = make_schedule(spec); })) {
    for (long long epoch : {1'000'000LL, 999'999'999LL, 1'000'000'000LL, 4'000'000'000LL}) {
      double lr = 0;
      accepted("schedule", [&] { lr = schedule(0.1, epoch); });
      require(lr >= 0, "schedule",
              "a rate " + format_number(lr) + " at epoch " + std::to_string(epoch));
    }
  }
  return 0;
}
