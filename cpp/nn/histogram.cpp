#include "nn/histogram.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace descent {

Histogram histogram(const std::vector<double>& values, ValueRange range, int bins) {
  if (bins < 1) fail("histogram: bins must be at least 1");
  if (!(range.hi > range.lo) || !std::isfinite(range.lo) || !std::isfinite(range.hi))
    fail("histogram: the range needs finite lo < hi");
  Histogram h;
  h.fractions.assign(static_cast<std::size_t>(bins), 0.0);
  if (values.empty()) return h;
  const double width = (range.hi - range.lo) / bins;
  for (const double v : values) {
    if (!std::isfinite(v)) h.non_finite += 1;
    else if (v < range.lo) h.below += 1;
    else if (v > range.hi) h.above += 1;
    else h.fractions[static_cast<std::size_t>(std::min(bins - 1, static_cast<int>((v - range.lo) / width)))] += 1;
  }
  const double n = double(values.size());
  for (double& f : h.fractions) f /= n;
  h.below /= n;
  h.above /= n;
  h.non_finite /= n;
  return h;
}

ValueRange shared_range(const std::vector<std::vector<double>>& groups) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  double ref_mean = 0, ref_std = -1;
  for (const auto& g : groups) {
    double sum = 0, count = 0;
    for (const double v : g)
      if (std::isfinite(v)) {
        sum += v;
        count += 1;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    if (count == 0) continue;
    const double mean = sum / count;
    double squares = 0;
    for (const double v : g)
      if (std::isfinite(v)) squares += (v - mean) * (v - mean);
    const double std = std::sqrt(squares / count);
    if (std > ref_std) ref_mean = mean, ref_std = std;
  }
  if (ref_std < 0) return {-1, 1};  // no finite value at all
  ValueRange r{std::max(lo, ref_mean - 4 * ref_std), std::min(hi, ref_mean + 4 * ref_std)};
  if (!(r.hi > r.lo)) {
    const double pad = r.lo != 0 ? std::abs(r.lo) * 0.5 : 1.0;
    r = {r.lo - pad, r.hi + pad};
  }
  return r;
}

}  // namespace descent
